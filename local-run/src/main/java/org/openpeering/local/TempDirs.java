package org.openpeering.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Removes the throw-away directories of tests and local runs (a test database can grow to gigabytes). */
public final class TempDirs {

    private TempDirs() {
    }

    /** Deletes {@code dir} and everything below it; what cannot be deleted is left, quietly. */
    public static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // a file still held open: leave it
                }
            });
        } catch (IOException e) {
            // the tree went away meanwhile, or cannot be read: nothing more to do
        }
    }
}
