package org.openpeering.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The local run's key ring for secrets at rest (BGP MD5 keys): made once per state directory and kept, because the
 * database it protects is kept too.
 */
public final class SecretKeyRing {

    private SecretKeyRing() {
    }

    /** The key ring text ({@code local1:<base64 key>}), created in {@code dir/key-ring} when missing. */
    public static String ensure(Path dir) throws IOException {
        Path file = dir.resolve("key-ring");
        if (Files.isRegularFile(file)) {
            return Files.readString(file, StandardCharsets.UTF_8).trim();
        }
        Files.createDirectories(dir);
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        String ring = "local1:" + Base64.getEncoder().encodeToString(key);
        Files.writeString(file, ring + "\n", StandardCharsets.UTF_8);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the state directory's own permissions apply
        }
        return ring;
    }
}
