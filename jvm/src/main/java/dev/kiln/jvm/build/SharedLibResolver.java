package dev.kiln.jvm.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Finds the host shared libraries a jlink runtime needs, from the ELF files themselves: the
 * DT_NEEDED entries of bin/java and every lib/**.so, followed recursively, plus the dynamic loader
 * named by PT_INTERP. A library the runtime carries itself (found through its RPATH $ORIGIN, or
 * anywhere in the runtime's lib tree) is not copied again. Host libraries go to the image's
 * /lib/x86_64-linux-gnu, the first directory of the loader's system search path, and the loader to
 * its own PT_INTERP path. No ldd, no shell.
 */
public final class SharedLibResolver {
    /** The host directories searched, in the order of glibc's default search path on Debian. */
    public static final List<Path> HOST_DIRS = List.of(Path.of("/lib/x86_64-linux-gnu"),
            Path.of("/usr/lib/x86_64-linux-gnu"), Path.of("/lib64"), Path.of("/lib"), Path.of("/usr/lib"));
    /** Where host libraries go in the image. */
    public static final String IMAGE_LIB_DIR = "/lib/x86_64-linux-gnu";
    /**
     * Libraries glibc loads with dlopen, which DT_NEEDED cannot show: libgcc_s.so.1 is needed by
     * pthread_exit and pthread_cancel (stack unwinding); without it glibc aborts the process.
     */
    public static final List<String> DLOPENED = List.of("libgcc_s.so.1");

    private final List<Path> hostDirs;

    public SharedLibResolver() {
        this(HOST_DIRS);
    }

    public SharedLibResolver(List<Path> hostDirs) {
        this.hostDirs = List.copyOf(hostDirs);
    }

    /**
     * Resolves the libraries for the runtime at {@code runtime}.
     *
     * @return image path (absolute, e.g. /lib/x86_64-linux-gnu/libc.so.6) to the host file
     * @throws IOException naming the library that cannot be found and who needs it
     */
    public Map<String, Path> resolve(Path runtime) throws IOException {
        List<Path> elves = new ArrayList<>();
        Path java = runtime.resolve("bin/java");
        if (!Files.isRegularFile(java)) {
            throw new IOException(runtime + ": no bin/java");
        }
        elves.add(java);
        Map<String, Path> inRuntime = new TreeMap<>();
        try (Stream<Path> s = Files.walk(runtime.resolve("lib"))) {
            for (Path p : s.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(".so")).toList()) {
                elves.add(p);
                inRuntime.put(p.getFileName().toString(), p);
            }
        }
        Map<String, Path> result = new LinkedHashMap<>();
        Deque<Needed> work = new ArrayDeque<>();
        for (Path e : elves) {
            ElfDynamic d = ElfDynamic.read(e);
            if (e.equals(java)) {
                String interp = d.interpreter().orElseThrow(() -> new IOException(java + ": no PT_INTERP"));
                Path host = Path.of(interp);
                if (!Files.isRegularFile(host)) {
                    throw new IOException("the dynamic loader " + interp + " (PT_INTERP of bin/java) is not on this host");
                }
                result.put(interp, host.toRealPath());
            }
            for (String n : d.needed()) {
                work.add(new Needed(n, e));
            }
        }
        for (String n : DLOPENED) {
            work.add(new Needed(n, Path.of("glibc (dlopen)")));
        }
        Set<String> seen = new java.util.HashSet<>();
        while (!work.isEmpty()) {
            Needed n = work.poll();
            if (!seen.add(n.name) || inRuntime.containsKey(n.name)) {
                continue;
            }
            Path host = find(n.name);
            if (host == null) {
                throw new IOException("shared library " + n.name + " (needed by " + n.by + ") not found in "
                        + hostDirs);
            }
            String imagePath = n.name.startsWith("ld-linux") && result.values().contains(host.toRealPath())
                    ? null : IMAGE_LIB_DIR + "/" + n.name;
            if (imagePath != null) {
                result.put(imagePath, host.toRealPath());
            }
            for (String more : ElfDynamic.read(host).needed()) {
                work.add(new Needed(more, host));
            }
        }
        return result;
    }

    private Path find(String name) {
        if (name.contains("/")) {
            Path p = Path.of(name);
            return Files.isRegularFile(p) ? p : null;
        }
        for (Path dir : hostDirs) {
            Path p = dir.resolve(name);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }

    private record Needed(String name, Path by) {}
}
