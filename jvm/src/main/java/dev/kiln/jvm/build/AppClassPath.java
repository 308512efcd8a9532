package dev.kiln.jvm.build;

import java.io.IOException;
import java.io.FilterOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The app's class path as the JVM in the image will see it, laid out for jdeps: a plain jar as
 * it is; a jar with nested jars (Spring Boot's BOOT-INF/classes and BOOT-INF/lib, a war's
 * WEB-INF/classes, WEB-INF/lib and Spring Boot's WEB-INF/lib-provided) unpacked into a directory,
 * each nested jar a file of its own and each classes tree a directory, because jdeps never looks
 * inside a jar within a jar. Entry names are untrusted: a nested jar must be a plain file name
 * directly under its lib directory, and nothing is written outside the directory. Sizes are
 * untrusted too: what is unpacked is counted as it is written (never from the entries' headers),
 * and a jar that would unpack to more than {@link Budget#DEFAULT_BYTES} or more than
 * {@link Budget#DEFAULT_ENTRIES} files is refused (a zip bomb must not fill the build host's disk).
 */
final class AppClassPath {
    /** One thing jdeps analyses: a jar or a directory of classes, with the name a user knows it by. */
    record Unit(Path path, String label) {}

    private static final List<String> CLASS_DIRS = List.of("BOOT-INF/classes/", "WEB-INF/classes/");
    private static final List<String> LIB_DIRS = List.of("BOOT-INF/lib/", "WEB-INF/lib/", "WEB-INF/lib-provided/");

    private AppClassPath() {}

    /** How much unpacking may write, over all the jars of one build. */
    static final class Budget {
        /** Spring Boot apps unpack to tens of MB; a class path of 2 GiB is far beyond any real one. */
        static final long DEFAULT_BYTES = 2L << 30;
        static final int DEFAULT_ENTRIES = 200_000;
        private final long maxBytes;
        private final int maxEntries;
        private long bytes;
        private int entries;

        Budget(long maxBytes, int maxEntries) {
            this.maxBytes = maxBytes;
            this.maxEntries = maxEntries;
        }

        static Budget standard() {
            return new Budget(DEFAULT_BYTES, DEFAULT_ENTRIES);
        }

        void entry(Path jar) throws IOException {
            if (++entries > maxEntries) {
                throw new IOException(jar + " unpacks to more than " + maxEntries + " files: refused (a zip bomb?)");
            }
        }

        /** The bytes an entry may still write; then {@link #wrote}. */
        long left() {
            return maxBytes - bytes;
        }

        void wrote(long n, Path jar) throws IOException {
            bytes += n;
            if (bytes > maxBytes) {
                throw new IOException(jar + " unpacks to more than " + (maxBytes >> 20) + " MiB: refused (a zip bomb?)");
            }
        }
    }

    /** True if the jar holds nested jars or a classes tree of Spring Boot's or a war's layout. */
    static boolean isNested(Path jar) throws IOException {
        try (ZipFile z = new ZipFile(jar.toFile())) {
            return z.stream().anyMatch(e -> startsWithAny(e.getName(), CLASS_DIRS) || startsWithAny(e.getName(), LIB_DIRS));
        }
    }

    /**
     * The units of these jars (the app jar first, then its Class-Path jars), unpacking nested
     * layouts under {@code work}, which the caller deletes.
     */
    static List<Unit> units(List<Path> jars, Path work) throws IOException {
        return units(jars, work, Budget.standard());
    }

    static List<Unit> units(List<Path> jars, Path work, Budget budget) throws IOException {
        List<Unit> units = new ArrayList<>();
        int n = 0;
        for (Path jar : jars) {
            if (!isNested(jar)) {
                units.add(new Unit(jar, label(jar.getFileName().toString())));
                continue;
            }
            // Directory names unique over the class path: jdeps names a directory unit by its name.
            String id = "jar" + n++;
            Path dir = Files.createDirectories(work.resolve(id));
            Path root = dir.resolve(id + "-launcher"), classes = dir.resolve(id + "-classes");
            Path lib = Files.createDirectories(dir.resolve("lib"));
            String name = label(jar.getFileName().toString());
            try (ZipFile z = new ZipFile(jar.toFile())) {
                for (ZipEntry e : z.stream().toList()) {
                    String en = e.getName();
                    if (e.isDirectory()) {
                        continue;
                    }
                    budget.entry(jar);
                    String lib0 = prefix(en, LIB_DIRS), cls0 = prefix(en, CLASS_DIRS);
                    if (lib0 != null) {
                        String file = en.substring(lib0.length());
                        if (!file.endsWith(".jar")) {
                            continue;
                        }
                        if (file.contains("/") || file.contains("\\") || file.startsWith(".")) {
                            throw new IOException(jar + ": nested jar " + en + " is not a plain file name under " + lib0);
                        }
                        copy(z, e, lib.resolve(file), budget, jar);
                    } else if (cls0 != null) {
                        copyUnder(z, e, classes, en.substring(cls0.length()), jar, budget);
                    } else if (en.endsWith(".class") || en.startsWith("META-INF/services/")) {
                        // The outer jar's own classes (Spring Boot's launcher) and services.
                        copyUnder(z, e, root, en, jar, budget);
                    }
                }
            }
            if (Files.isDirectory(root)) {
                units.add(new Unit(root, name + " (launcher)"));
            }
            if (Files.isDirectory(classes)) {
                units.add(new Unit(classes, name));
            }
            try (var s = Files.list(lib)) {
                for (Path p : s.sorted().toList()) {
                    units.add(new Unit(p, label(p.getFileName().toString())));
                }
            }
        }
        return units;
    }

    /** spring-beans-6.2.12.jar is spring-beans to a reader of the build's output. */
    static String label(String fileName) {
        String n = fileName.replaceFirst("\\.(jar|war)$", "");
        String s = n.replaceFirst("-[0-9][0-9A-Za-z.+_-]*$", "");
        return s.isEmpty() ? n : s;
    }

    private static boolean startsWithAny(String name, List<String> prefixes) {
        return prefix(name, prefixes) != null;
    }

    private static String prefix(String name, List<String> prefixes) {
        for (String p : prefixes) {
            if (name.startsWith(p) && name.length() > p.length()) {
                return p;
            }
        }
        return null;
    }

    private static void copyUnder(ZipFile z, ZipEntry e, Path dir, String rel, Path jar, Budget budget) throws IOException {
        Path target = dir.resolve(rel).normalize();
        if (rel.startsWith("/") || rel.contains("\\") || !target.startsWith(dir) || target.equals(dir)) {
            throw new IOException(jar + ": entry " + e.getName() + " points outside the jar's tree");
        }
        copy(z, e, target, budget, jar);
    }

    /** The entry's bytes to target, at most what the budget has left (one byte more, to know it was exceeded). */
    private static void copy(ZipFile z, ZipEntry e, Path target, Budget budget, Path jar) throws IOException {
        Files.createDirectories(target.getParent());
        try (InputStream in = z.getInputStream(e);
                OutputStream out = Files.newOutputStream(target)) {
            long written = in.transferTo(new BoundedOutput(out, budget.left() + 1));
            budget.wrote(written, jar);
        } catch (BoundedOutput.Full full) {
            budget.wrote(budget.left() + 1, jar); // throws: over the budget
        }
    }

    /** Passes bytes on until its limit, then throws {@link Full}: a bomb's bytes stop at the limit, not at its end. */
    private static final class BoundedOutput extends FilterOutputStream {
        static final class Full extends IOException {
            Full() {
                super("limit reached");
            }
        }

        private long left;

        BoundedOutput(OutputStream out, long limit) {
            super(out);
            this.left = limit;
        }

        @Override
        public void write(int b) throws IOException {
            if (left <= 0) throw new Full();
            left--;
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (len > left) throw new Full();
            left -= len;
            out.write(b, off, len);
        }
    }
}
