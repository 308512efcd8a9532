package dev.kiln.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Removing directory trees: build stages, caches being replaced, temporary directories. It lives
 * in the image module because both image builders (native and jvm) and the cli need it and this
 * is the one module they all depend on.
 */
public final class FileTrees {
    private FileTrees() {}

    /**
     * Deletes {@code root} and everything under it, children before parents. Symbolic links
     * are removed, never followed. A missing root, or a path another process removed
     * meanwhile, is not an error.
     */
    public static void delete(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) return;
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(root)) {
            paths = walk.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path p : paths) Files.deleteIfExists(p);
    }

    /** {@link #delete} for temporary directories, where a leftover is no reason to fail the command. */
    public static void deleteQuietly(Path root) {
        try {
            delete(root);
        } catch (IOException ignored) {
            // best effort: the system's temp cleaning removes what is left
        }
    }
}
