package org.openpeering.local;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class TempDirsTest {

    @Test
    void deletesATreeAndLeavesItsNeighbours() throws Exception {
        Path parent = Files.createTempDirectory("tempdirs-test-");
        Path tree = Files.createDirectories(parent.resolve("tree/a/b"));
        Files.writeString(tree.resolve("data"), "x".repeat(10_000));
        Files.writeString(parent.resolve("tree/top"), "y");
        Path neighbour = Files.writeString(parent.resolve("neighbour"), "z");
        TempDirs.deleteTree(parent.resolve("tree"));
        assertFalse(Files.exists(parent.resolve("tree")));
        assertTrue(Files.exists(neighbour));
        TempDirs.deleteTree(parent.resolve("tree"));
        TempDirs.deleteTree(parent);
        assertFalse(Files.exists(parent));
    }
}
