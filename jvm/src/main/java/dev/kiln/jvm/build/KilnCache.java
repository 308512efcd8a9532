package dev.kiln.jvm.build;

import java.nio.file.Path;

/** Kiln's cache directory, outside any clone: {@code ${XDG_CACHE_HOME:-~/.cache}/kiln}. */
public final class KilnCache {
    private KilnCache() {}

    public static Path root() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()
                ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("kiln");
    }
}
