package dev.kiln.fuzz;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** File helpers the fuzzers share. */
final class Files2 {
    private Files2() {}

    /** Deletes a directory tree (best effort: a scratch directory). */
    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            // a scratch directory left behind in /tmp is not worth failing a fuzz run for
        }
    }
}
