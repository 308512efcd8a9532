package dev.kiln.libos.fs;

import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.function.BiPredicate;
import java.util.stream.Stream;
import java.nio.file.Paths;

/**
 * JDK methods TeaVM's class library lacks, which the builder adds to its classes (FilesRewrite),
 * each delegating here with the receiver first.
 */
public final class JdkAdditions {
    private JdkAdditions() {
    }

    /** {@code Reader.transferTo(Writer)}: everything the reader has left, to {@code out}; the number of chars. */
    public static long readerTransferTo(Reader in, Writer out) throws IOException {
        if (out == null) {
            throw new NullPointerException();
        }
        char[] buffer = new char[8192];
        long total = 0;
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            out.write(buffer, 0, n);
            total += n;
        }
        return total;
    }

    /**
     * {@code Files.find}: the paths of {@code Files.walk(start, maxDepth)} whose attributes the
     * matcher accepts, in the walk's order; an attribute that cannot be read is an
     * UncheckedIOException, as the JDK's stream reports it.
     */
    public static Stream<Path> filesFind(Path start, int maxDepth, BiPredicate<Path, BasicFileAttributes> matcher,
            FileVisitOption... options) throws IOException {
        if (maxDepth < 0) {
            throw new IllegalArgumentException("'maxDepth' is negative");
        }
        return Files.walk(start, maxDepth, options).filter(p -> {
            try {
                return matcher.test(p, Files.readAttributes(p, BasicFileAttributes.class));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** {@code File.toPath()}: the same path string as a Path of the default file system. */
    public static Path fileToPath(File file) {
        return Paths.get(file.getPath());
    }
}
