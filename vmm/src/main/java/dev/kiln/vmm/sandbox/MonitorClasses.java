package dev.kiln.vmm.sandbox;

import dev.kiln.vmm.VmmException;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Loads every class of the monitor (dev.kiln.vmm and its packages, and the modules it calls on
 * the vCPU and I/O threads: the libc bindings of kiln-linux and the image classes of kiln-image,
 * which a crash report uses) before the first thread is confined.
 *
 * <p>The JVM reads a class from its jar (lseek and read on the jar, or open, read and close
 * in a class directory) the first time it is used. A confined monitor thread may not make
 * those calls, and the classes of its rare paths (how a VM ends, a crash report, a guest
 * error) are often first used on it. Loading them all up front, once per process, costs a few
 * milliseconds; linking and initialization still happen on first use, and need no file access
 * (verification may load JDK classes, which come from the CDS archive or lib/modules: see
 * {@link MonitorFilters}).
 */
final class MonitorClasses {
    /** Each module's package prefix, with a class that tells which jar or directory holds it. */
    private static final List<Map.Entry<String, Class<?>>> MODULES = List.of(
            Map.entry("dev/kiln/vmm/", MonitorClasses.class),
            Map.entry("dev/kiln/linux/", dev.kiln.linux.Libc.class),
            Map.entry("dev/kiln/image/", dev.kiln.image.GuestImage.class));

    private MonitorClasses() {}

    /** Loads them all; the first caller does it, later ones return at once (class initialization). */
    static void preload() {
        Holder.touch();
    }

    private static final class Holder {
        static {
            // JDK classes whose initialization asks for the number of CPUs: sched_getaffinity,
            // and in a container with a CPU limit, reading cgroup files. ForkJoinPool is
            // initialized by the first wait on a lock condition (the timeout timer's queue).
            try {
                Class.forName("java.util.concurrent.ForkJoinPool", true, null);
            } catch (ClassNotFoundException e) {
                throw new VmmException("the JDK has no ForkJoinPool?", e);
            }
            ClassLoader loader = MonitorClasses.class.getClassLoader();
            for (String name : classNames()) {
                try {
                    Class.forName(name, false, loader);
                } catch (ClassNotFoundException | LinkageError e) {
                    throw new VmmException("cannot preload monitor class " + name + " before confining threads: " + e, e);
                }
            }
        }

        static void touch() {
            // class initialization did the work
        }
    }

    /** Collects the files under dir as paths relative to root, with '/' (plain loops: this runs once, cold). */
    private static void walk(Path root, Path dir, List<String> into) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                if (Files.isDirectory(f)) walk(root, f, into);
                else into.add(root.relativize(f).toString().replace('\\', '/'));
            }
        }
    }

    /** The binary names of the monitor's classes, from the jars or class directories holding them. */
    static List<String> classNames() {
        List<String> names = new ArrayList<>();
        for (var module : MODULES) names.addAll(classNames(module.getKey(), module.getValue()));
        return names;
    }

    /** The binary names of the classes under prefix in the jar or class directory holding anchor. */
    private static List<String> classNames(String prefix, Class<?> anchor) {
        Path where;
        try {
            where = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | NullPointerException | SecurityException e) {
            throw new VmmException("cannot find the monitor's classes to preload them: " + e, e);
        }
        List<String> entries = new ArrayList<>();
        try {
            if (Files.isDirectory(where)) {
                walk(where, where.resolve(prefix), entries);
            } else {
                try (JarFile jar = new JarFile(where.toFile())) {
                    for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) entries.add(e.nextElement().getName());
                }
            }
        } catch (IOException e) {
            throw new VmmException("cannot list the monitor's classes in " + where + ": " + e.getMessage(), e);
        }
        List<String> names = new ArrayList<>();
        for (String e : entries) {
            if (e.startsWith(prefix) && e.endsWith(".class") && !e.endsWith("package-info.class")) {
                names.add(e.substring(0, e.length() - ".class".length()).replace('/', '.'));
            }
        }
        if (names.isEmpty()) throw new VmmException("no monitor classes found in " + where + " to preload");
        return names;
    }
}
