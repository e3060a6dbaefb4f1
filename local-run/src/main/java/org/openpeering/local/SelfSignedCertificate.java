package org.openpeering.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The local run's TLS certificate for the gateway: self-signed for localhost, made once with the JDK's keytool. */
public final class SelfSignedCertificate {

    /** Protects nothing of value: the key is a throw-away made for this machine's local run. */
    public static final String PASSWORD = "local-run-only";

    private SelfSignedCertificate() {
    }

    /** The PKCS12 keystore in {@code dir}, created when missing. */
    public static Path ensure(Path dir) throws IOException, InterruptedException {
        Path keystore = dir.resolve("gateway.p12");
        if (Files.isRegularFile(keystore)) {
            return keystore;
        }
        Files.createDirectories(dir);
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process p = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair", "-alias", "gateway",
                "-keyalg", "RSA", "-keysize", "2048", "-validity", "825", "-dname", "CN=localhost",
                "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass", PASSWORD, "-keypass", PASSWORD)).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("keytool could not make the local TLS certificate: " + output);
        }
        return keystore;
    }

    /** The certificate of the keystore as PEM (for clients that must trust it, e.g. Node's NODE_EXTRA_CA_CERTS). */
    public static Path exportPem(Path keystore) throws IOException, InterruptedException {
        Path pem = keystore.resolveSibling("gateway.pem");
        if (Files.isRegularFile(pem) && Files.getLastModifiedTime(pem).compareTo(Files.getLastModifiedTime(keystore)) >= 0) {
            return pem;
        }
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process p = new ProcessBuilder(List.of(keytool.toString(), "-exportcert", "-rfc", "-alias", "gateway",
                "-keystore", keystore.toString(), "-storepass", PASSWORD, "-file", pem.toString()))
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("keytool could not export the local TLS certificate: " + output);
        }
        return pem;
    }
}
