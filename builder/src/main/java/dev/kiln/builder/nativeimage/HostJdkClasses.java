package dev.kiln.builder.nativeimage;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.stream.Stream;

/**
 * The JDK classes a native image is compiled from the running JDK's own bytecode, instead of from
 * TeaVM's class library: {@code java.lang.StrictMath} and {@code java.lang.FdLibm} with their nested
 * classes. StrictMath's Javadoc requires fdlibm's results bit for bit; in JDK 25 both classes are
 * plain Java (no native method), so compiling HotSpot's bytecode gives HotSpot's results by
 * construction. TeaVM's TStrictMath, which calls Math (C's libm), is hidden so that TeaVM falls
 * back to the class file of the name. Only what a program reaches is compiled, as for every class.
 *
 * <p>Everything else of the host JDK stays hidden ({@link WithoutHostJdk}). The builder runs on the
 * JDK 25 Kiln requires, so these are JDK 25's classes; their bytes are part of the build cache's key.
 * The JDK is GPLv2 with the Classpath Exception (docs/native-images.md says which classes images hold).
 */
final class HostJdkClasses {
    /** Resource names (package path and simple-name prefix) of the classes taken from the host JDK. */
    private static final List<String> PREFIXES = List.of("java/lang/StrictMath", "java/lang/FdLibm");

    /** TeaVM's substitute for them, hidden so that the JDK's class is the one compiled. */
    private static final String TEAVM_STRICT_MATH = "org/teavm/classlib/java/lang/TStrictMath";

    private HostJdkClasses() {
    }

    /**
     * Whether {@code name} (a resource name, {@code java/lang/FdLibm$Exp.class}) is one of the classes
     * compiled from the host JDK: {@code StrictMath} or {@code StrictMath$...}, {@code FdLibm} or
     * {@code FdLibm$...}, never another class whose name merely starts the same.
     */
    static boolean compiledFromHostJdk(String name) {
        for (String prefix : PREFIXES) {
            if (name.equals(prefix + ".class") || (name.startsWith(prefix + "$") && name.endsWith(".class"))) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code name} is a class file of TeaVM's library that the host JDK's classes replace. */
    static boolean replacedInTeaVM(String name) {
        return name.equals(TEAVM_STRICT_MATH + ".class")
                || (name.startsWith(TEAVM_STRICT_MATH + "$") && name.endsWith(".class"));
    }

    /** Adds the names and bytes of every such class of the running JDK to {@code md} (the build cache's key). */
    static void hash(MessageDigest md) throws IOException {
        FileSystem jrt = FileSystems.getFileSystem(URI.create("jrt:/"));
        Path lang = jrt.getPath("/modules/java.base/java/lang");
        try (Stream<Path> s = Files.list(lang)) {
            for (Path p : s.filter(p -> compiledFromHostJdk("java/lang/" + p.getFileName())).sorted().toList()) {
                md.update(("host jdk " + p.getFileName() + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
                try (InputStream in = Files.newInputStream(p)) {
                    md.update(in.readAllBytes());
                }
            }
        }
    }
}
