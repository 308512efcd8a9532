package dev.kiln.builder.nativeimage;

import dev.kiln.vmm.Manifest;

import java.util.List;

/**
 * The manifest baked into an image: an ELF note in section {@code .note.kiln}, owner
 * "Kiln", type 1, whose descriptor is UTF-8 {@code key=value} lines with keys
 * {@code name}, {@code memory_mb}, {@code arg} (repeatable, in order) and {@code env}
 * (repeatable, KEY=VALUE), as docs/image-format.md describes. This is the writer; images
 * are read back only with the VMM's {@link Manifest#parse}, the one reader of the format.
 */
public record ImageManifest(String name, int memoryMb, List<String> args, List<String> env) {
    public static final int DEFAULT_MEMORY_MB = 64;

    public ImageManifest {
        // The VMM's bounds: it gives a guest 8 MiB at least and refuses manifests above its maximum.
        if (memoryMb < 8 || memoryMb > Manifest.MAX_MEMORY_MB) {
            throw new IllegalArgumentException("memory_mb must be between 8 and " + Manifest.MAX_MEMORY_MB
                    + ", not " + memoryMb);
        }
        for (String s : List.of(name)) {
            check(s);
        }
        args.forEach(ImageManifest::check);
        env.forEach(ImageManifest::check);
        for (String e : env) {
            if (e.indexOf('=') <= 0) {
                throw new IllegalArgumentException("environment entry must be KEY=VALUE: " + e);
            }
        }
    }

    private static void check(String s) {
        if (s.indexOf('\n') >= 0 || s.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("manifest values cannot contain newlines or NUL: " + s);
        }
    }

    static ImageManifest defaults(String name) {
        return new ImageManifest(name, DEFAULT_MEMORY_MB, List.of(), List.of());
    }

    public ImageManifest withMemory(int mb) {
        return new ImageManifest(name, mb, args, env);
    }

    public ImageManifest withName(String n) {
        return new ImageManifest(n, memoryMb, args, env);
    }

    /** The note descriptor: key=value lines. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        sb.append("name=").append(name).append('\n');
        sb.append("memory_mb=").append(memoryMb).append('\n');
        for (String a : args) {
            sb.append("arg=").append(a).append('\n');
        }
        for (String e : env) {
            sb.append("env=").append(e).append('\n');
        }
        return sb.toString();
    }
}
