package dev.kiln.builder.nativeimage;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The read-only file tree of a native image (docs/native-images.md, "Files and resources"): the
 * {@link FileMapping}s resolved against the host's files, checked, and listed as image paths in
 * order. Symbolic links are followed (the image has none); a loop, a missing SRC, a DEST that is
 * not absolute or lies in /tmp (the image's writable directory), two mappings that give one path,
 * names the index cannot hold and a tree larger than {@link #MAX_BYTES} are one-line errors.
 */
public final class ImageTree {
    /** Files and resources together stay below this: the image is loaded whole into guest memory. */
    public static final long MAX_BYTES = 64L << 20;

    /** An entry: a directory (source null for those the tree only implies) or a file and its length. */
    public record Entry(String path, Path source, boolean directory, long length) {
    }

    private final TreeMap<String, Entry> entries;

    private ImageTree(TreeMap<String, Entry> entries) {
        this.entries = entries;
    }

    public static final ImageTree EMPTY = new ImageTree(new TreeMap<>());

    public List<Entry> entries() {
        return List.copyOf(entries.values());
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    public long bytes() {
        return entries.values().stream().mapToLong(Entry::length).sum();
    }

    public long files() {
        return entries.values().stream().filter(e -> !e.directory()).count();
    }

    static String checkDest(String dest, String spec) throws NativeBuildException {
        String what = "file mapping " + ClassFileCheck.oneLine(spec) + ": ";
        if (!dest.startsWith("/")) {
            throw new NativeBuildException(what + "DEST " + ClassFileCheck.oneLine(dest)
                    + " must be an absolute path in the image");
        }
        String normal = Path.of(dest).normalize().toString();
        checkName(normal, what);
        if (normal.equals("/")) {
            throw new NativeBuildException(what + "DEST must name a file or directory below /, not / itself");
        }
        if (normal.equals("/tmp") || normal.startsWith("/tmp/")) {
            throw new NativeBuildException(what + "DEST " + normal
                    + " is in /tmp, the image's writable in-memory directory; choose another path");
        }
        return normal;
    }

    private static void checkName(String path, String what) throws NativeBuildException {
        for (char c : path.toCharArray()) {
            if (c < 0x20 || c == 0x7f) {
                throw new NativeBuildException(what + "the path " + ClassFileCheck.oneLine(path)
                        + " has a control character, which the image's file index cannot hold");
            }
        }
    }

    /** Resolves the mappings: every file below each SRC, at DEST plus its relative path. */
    public static ImageTree collect(List<FileMapping> mappings) throws NativeBuildException, IOException {
        TreeMap<String, Entry> entries = new TreeMap<>();
        Map<String, FileMapping> owners = new TreeMap<>();
        long[] total = {0};
        for (FileMapping m : mappings) {
            String what = "file mapping " + ClassFileCheck.oneLine(m.source() + ":" + m.dest()) + ": ";
            if (!Files.exists(m.source())) {
                throw new NativeBuildException(what + "SRC " + ClassFileCheck.oneLine(m.source().toString())
                        + " does not exist");
            }
            try {
                Files.walkFileTree(m.source(), EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                        new SimpleFileVisitor<>() {
                            @Override
                            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
                                    throws IOException {
                                add(dir, attrs);
                                return FileVisitResult.CONTINUE;
                            }

                            @Override
                            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                                add(file, attrs);
                                return FileVisitResult.CONTINUE;
                            }

                            @Override
                            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                                throw e;
                            }

                            private void add(Path p, BasicFileAttributes attrs) throws IOException {
                                String rel = m.source().relativize(p).toString();
                                String path = rel.isEmpty() ? m.dest() : m.dest() + "/" + rel;
                                try {
                                    checkName(path, what);
                                    Entry before = entries.get(path);
                                    if (before != null && (!before.directory() || !attrs.isDirectory())) {
                                        FileMapping other = owners.get(path);
                                        throw new NativeBuildException(what + path + " is also given by "
                                                + ClassFileCheck.oneLine(other.source() + ":" + other.dest())
                                                + " (two sources for one path in the image)");
                                    }
                                    if (!attrs.isDirectory() && !attrs.isRegularFile()) {
                                        throw new NativeBuildException(what + ClassFileCheck.oneLine(p.toString())
                                                + " is neither a file nor a directory (a device, socket or pipe"
                                                + " cannot be put into an image)");
                                    }
                                    total[0] += attrs.isDirectory() ? 0 : attrs.size();
                                    if (total[0] > MAX_BYTES) {
                                        throw new NativeBuildException("the image's file tree is larger than "
                                                + (MAX_BYTES >> 20) + " MiB (reached at "
                                                + ClassFileCheck.oneLine(p.toString())
                                                + "): an image holds at most that much of files and resources");
                                    }
                                } catch (NativeBuildException e) {
                                    throw new IOException(e.getMessage(), e);
                                }
                                owners.put(path, m);
                                entries.put(path, new Entry(path, p, attrs.isDirectory(),
                                        attrs.isDirectory() ? 0 : attrs.size()));
                            }
                        });
            } catch (IOException e) {
                throw failure(what, e);
            }
        }
        // the directories above each DEST
        for (Entry e : List.copyOf(entries.values())) {
            for (Path p = Path.of(e.path()).getParent(); p != null && !p.toString().equals("/"); p = p.getParent()) {
                Entry above = entries.get(p.toString());
                if (above != null && !above.directory()) {
                    throw new NativeBuildException("file tree: " + p + " is a file, but " + e.path()
                            + " is given below it");
                }
                entries.putIfAbsent(p.toString(), new Entry(p.toString(), null, true, 0));
            }
        }
        return new ImageTree(entries);
    }

    /** The error for what walking a tree threw: ours, a symbolic link loop, or the host's I/O error. */
    private static NativeBuildException failure(String what, IOException e) {
        if (e.getCause() instanceof NativeBuildException nb) {
            return nb;
        }
        if (e instanceof FileSystemLoopException loop) {
            return new NativeBuildException(what + "a symbolic link loop at "
                    + ClassFileCheck.oneLine(loop.getFile()));
        }
        return new NativeBuildException(what + "cannot read " + ClassFileCheck.oneLine(String.valueOf(e.getMessage())));
    }
}
