package dev.kiln.builder.nativeimage;

import java.util.List;

/**
 * What Kiln says about a JDK API that a native image does not have: on the roadmap (being built),
 * never (the design of a unikernel excludes it: use the jvm flavor), or not planned yet. The one
 * table of these categories: the build report quotes it, docs/native-images.md renders it
 * ({@link #markdownTable()}; ApiRoadmapTest checks that the page agrees).
 *
 * <p>Only the categories are kept here, never a list of supported classes: whether a class or
 * member is missing is decided by the class library TeaVM compiles against, at build time.
 */
public final class ApiRoadmap {
    public enum Status {
        ROADMAP("roadmap", "in Kiln's roadmap: being built"),
        NEVER("never", "will never be in a native image: use the jvm flavor (kiln build --flavor jvm)"),
        NOT_PLANNED("not planned", "not in Kiln's class library and not planned yet; the jvm flavor runs it");

        public final String label;
        public final String meaning;

        Status(String label, String meaning) {
            this.label = label;
            this.meaning = meaning;
        }
    }

    /**
     * One row. {@code patterns}: a member ("java.lang.Class.forName"), a class ("sun.misc.Unsafe"),
     * a package and its subpackages ("java.util.concurrent.*") or a JDK module ("module java.desktop").
     */
    public record Entry(Status status, String category, String why, List<String> patterns) {
        public Entry(Status status, String category, String why, String... patterns) {
            this(status, category, why, List.of(patterns));
        }
    }

    /** The default for a JDK API that no row names. */
    public static final Entry UNLISTED = new Entry(Status.NOT_PLANNED, "other JDK APIs",
            "added when programs need them", "(any other)");

    /** First matching row wins; members before classes before modules before packages (innermost first). */
    public static final List<Entry> TABLE = List.of(
            new Entry(Status.NEVER, "reflection on names not known at build time",
                    "an image holds only the code its build proves reachable",
                    "java.lang.Class.forName", "java.lang.Class.getDeclaredConstructor",
                    "java.lang.Class.getDeclaredConstructors", "java.lang.Class.getConstructor",
                    "java.lang.Class.getConstructors", "java.lang.Class.getDeclaredMethod",
                    "java.lang.Class.getDeclaredMethods", "java.lang.Class.getMethod", "java.lang.Class.getMethods",
                    "java.lang.Class.getDeclaredField", "java.lang.Class.getDeclaredFields",
                    "java.lang.Class.getField", "java.lang.Class.getFields", "java.lang.Class.newInstance",
                    "java.lang.Class.getRecordComponents", "java.lang.reflect.*",
                    "java.lang.invoke.MethodHandles$Lookup"),
            new Entry(Status.NEVER, "dynamic class loading", "the image is compiled ahead of time: no class loader",
                    "java.lang.Class.getClassLoader", "java.lang.ClassLoader", "java.net.URLClassLoader",
                    "java.lang.instrument.*", "module java.instrument", "module jdk.attach"),
            new Entry(Status.NEVER, "JNI and native libraries",
                    "the image is one static program: no dynamic linker, no C libraries",
                    "JNI", "java.lang.System.loadLibrary", "java.lang.System.load", "java.lang.Runtime.loadLibrary",
                    "java.lang.Runtime.load", "java.lang.foreign.*"),
            new Entry(Status.NEVER, "processes", "a unikernel is one process", "java.lang.Runtime.exec",
                    "java.lang.ProcessBuilder", "java.lang.Process", "java.lang.ProcessHandle"),
            new Entry(Status.NEVER, "Unsafe", "memory layout is TeaVM's, not HotSpot's", "sun.misc.Unsafe",
                    "jdk.internal.misc.*", "module jdk.unsupported"),
            new Entry(Status.NEVER, "AWT, Swing, Java 2D, sound", "no display or sound device in a unikernel",
                    "module java.desktop"),
            new Entry(Status.NEVER, "the JVM's management, RMI, JNDI, compiler and scripting",
                    "they manage or extend a running JVM", "module java.management", "module java.rmi",
                    "module java.naming", "module java.compiler", "module java.scripting", "module jdk.jshell",
                    "module jdk.management", "module jdk.jfr"),
            new Entry(Status.ROADMAP, "java.util.concurrent", "executors, futures, locks on Kiln's green threads",
                    "java.util.concurrent.*"),
            new Entry(Status.ROADMAP, "NIO, files and resources",
                    "channels and selectors on libos' network stack; files given at build time, a writable /tmp",
                    "java.nio.*", "java.io.File", "java.io.FileInputStream", "java.io.FileOutputStream",
                    "java.io.FileReader", "java.io.FileWriter", "java.io.RandomAccessFile"),
            new Entry(Status.ROADMAP, "the JDK's HTTP server", "com.sun.net.httpserver over NIO",
                    "module jdk.httpserver"),
            new Entry(Status.ROADMAP, "everyday java.base APIs",
                    "String and Character to JDK 21, HexFormat, UUID, java.text, java.time's JDK 9+ methods, java.util.zip,"
                            + " MessageDigest, SecureRandom, logging, Properties, Scanner",
                    "java.lang.*", "java.util.*", "java.text.*", "java.time.*", "java.security.*", "java.io.*",
                    "java.math.*", "java.net.*", "module java.logging"),
            new Entry(Status.NOT_PLANNED, "JDBC", "drivers are found and loaded by reflection; the jvm flavor runs them",
                    "module java.sql"));

    private ApiRoadmap() {
    }

    /**
     * The row for a class (binary name, "a.b.C$D") or one of its members ({@code member} null for the
     * class itself), in JDK module {@code module} (null if none).
     */
    public static Entry classify(String className, String member, String module) {
        if (member != null) {
            Entry e = find(className + "." + member);
            if (e != null) return e;
        }
        Entry e = find(className);
        if (e != null) return e;
        if (module != null) { // before packages: java.lang.management is java.management's, not java.base's java.lang
            e = find("module " + module);
            if (e != null) return e;
        }
        for (String pkg = packageOf(className); pkg != null; pkg = packageOf(pkg)) {
            e = find(pkg + ".*");
            if (e != null) return e;
        }
        return UNLISTED;
    }

    private static Entry find(String pattern) {
        for (Entry e : TABLE) {
            if (e.patterns().contains(pattern)) return e;
        }
        return null;
    }

    private static String packageOf(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? null : name.substring(0, dot);
    }

    /** The table as docs/native-images.md shows it. */
    public static String markdownTable() {
        StringBuilder b = new StringBuilder("| status | APIs | why | matched by |\n|---|---|---|---|\n");
        for (Entry e : TABLE) row(b, e);
        row(b, UNLISTED);
        return b.toString();
    }

    private static void row(StringBuilder b, Entry e) {
        b.append("| ").append(e.status().label).append(" | ").append(e.category()).append(" | ").append(e.why())
                .append(" | ").append(String.join(", ", e.patterns().stream().map(p -> "`" + p + "`").toList()))
                .append(" |\n");
    }
}
