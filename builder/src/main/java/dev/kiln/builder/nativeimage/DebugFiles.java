package dev.kiln.builder.nativeimage;

import dev.kiln.image.DebugFile;
import dev.kiln.image.FileTrees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * An image's debug information aside: every build writes the image stripped ({@code IMAGE}) and
 * its symbols and DWARF in {@code IMAGE.debug}, which the image names with a GNU debuglink
 * (gdb, crash reports and `kiln inspect` find it there); a debug build also copies the Java
 * sources into {@code IMAGE.src/} (the application's and libos'), laid out by package as the
 * #line directives name them, for `kiln debug` to hand to gdb.
 */
public final class DebugFiles {
    private DebugFiles() {
    }

    /** IMAGE.debug. */
    public static Path debugFileOf(Path image) {
        return DebugFile.besideImage(image);
    }

    /** IMAGE.src. */
    public static Path sourceDirOf(Path image) {
        return image.resolveSibling(image.getFileName() + ".src");
    }

    /** Splits the linked {@code elf}: its debug information to ELF.debug, then the image stripped and linked to it. */
    static Path split(Path elf, Path work) throws NativeBuildException, IOException {
        Path debug = debugFileOf(elf);
        NativeImageBuilder.run(List.of("objcopy", "--only-keep-debug", elf.toString(), debug.toString()), work,
                "objcopy (debug information aside)");
        NativeImageBuilder.run(List.of("objcopy", "--strip-all", "--add-gnu-debuglink=" + debug, elf.toString()),
                work, "objcopy (stripping the image)");
        return debug;
    }

    /**
     * The source roots of a debug build: the application's directories as given (those that
     * exist), then libos' sources in Kiln's home (the library OS and dev.kiln.rt), when there.
     */
    static List<Path> sourceRoots(List<Path> app, Path kilnHome) {
        List<Path> roots = new ArrayList<>();
        for (Path p : app) {
            if (Files.isDirectory(p)) {
                roots.add(p.toAbsolutePath().normalize());
            }
        }
        Path libos = kilnHome.resolve("libos/src/main/java");
        if (Files.isDirectory(libos)) {
            roots.add(libos.toAbsolutePath().normalize());
        }
        return roots;
    }

    /**
     * Copies the .java files under each root into dir, by their path under the root (the first
     * root wins), then the guest runtime's C sources (from {@code guest}, Kiln's guest/
     * directory, if not null) where its DWARF names them: runtime/, libc/ and include/kiln/ as in
     * guest/ (gcc ran there, so a frame is "runtime/hypercall.c"; the image's own C names the
     * headers so too, NativeImageBuilder maps guest/ to "."), and TeaVM's platform files of
     * guest/teavm at the top (they are compiled as the build's "./fiber.c").
     */
    static void copySources(List<Path> roots, Path guest, Path dir) throws IOException {
        Path tmp = Files.createTempDirectory(dir.getParent(), "src");
        try {
            if (guest != null) {
                copyC(guest.resolve("runtime"), tmp.resolve("runtime"));
                copyC(guest.resolve("libc"), tmp.resolve("libc"));
                copyC(guest.resolve("include/kiln"), tmp.resolve("include/kiln"));
                copyC(guest.resolve("teavm"), tmp);
            }
            for (Path root : roots) {
                try (Stream<Path> s = Files.walk(root)) {
                    for (Path p : s.filter(f -> Files.isRegularFile(f) && f.toString().endsWith(".java")).toList()) {
                        Path target = tmp.resolve(root.relativize(p).toString());
                        if (!Files.exists(target)) {
                            Files.createDirectories(target.getParent());
                            Files.copy(p, target);
                        }
                    }
                }
            }
            if (Files.exists(dir)) {
                FileTrees.delete(dir);
            }
            Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            if (Files.exists(tmp)) {
                FileTrees.delete(tmp);
            }
        }
    }

    /** The C, assembly and header files directly in {@code from}, into {@code to}. */
    private static void copyC(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            return;
        }
        try (Stream<Path> s = Files.list(from)) {
            for (Path p : s.filter(f -> Files.isRegularFile(f) && f.toString().matches(".*\\.(c|S|h)")).toList()) {
                Files.createDirectories(to);
                Files.copy(p, to.resolve(p.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /**
     * Puts a built image at {@code out} with its debug file at OUT.debug (the debuglink renamed
     * when the file name changes) and, for a debug build, its sources at OUT.src.
     */
    public static void install(NativeImageBuilder.Result built, Path out) throws NativeBuildException, IOException {
        Path debug = debugFileOf(out);
        Files.copy(built.debugFile(), debug, StandardCopyOption.REPLACE_EXISTING);
        Files.copy(built.image(), out, StandardCopyOption.REPLACE_EXISTING);
        if (!out.getFileName().equals(built.image().getFileName())) {
            Path dir = out.toAbsolutePath().getParent();
            NativeImageBuilder.run(List.of("objcopy", "--remove-section=.gnu_debuglink",
                    "--add-gnu-debuglink=" + debug.toAbsolutePath(), out.toAbsolutePath().toString()), dir,
                    "objcopy (naming the debug file " + debug.getFileName() + ")");
        }
        Path src = sourceDirOf(out);
        if (Files.exists(src)) {
            FileTrees.delete(src);
        }
        if (built.sources() != null && Files.isDirectory(built.sources())) {
            FileTrees.copy(built.sources(), src);
        }
    }
}
