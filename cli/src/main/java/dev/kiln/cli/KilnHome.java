package dev.kiln.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where Kiln's own files are: the launcher exports KILN_HOME (the checkout);
 * the built C guests and probes live under guest/build there.
 */
public final class KilnHome {
    private KilnHome() {}

    public static Path root() {
        String home = System.getenv("KILN_HOME");
        if (home == null) home = System.getProperty("kiln.home");
        if (home == null)
            throw new UserError("KILN_HOME is not set: start kiln through the ./kiln launcher of a Kiln checkout");
        return Path.of(home).toAbsolutePath().normalize();
    }

    /** A built guest file, e.g. "probes/doctor.elf"; fails clearly if the launcher has not built it. */
    public static Path guest(String relative) {
        Path file = root().resolve("guest/build").resolve(relative);
        if (!Files.isRegularFile(file))
            throw new UserError(file + " is missing: the C guests are built by `make -C guest` (./kiln does it)");
        return file;
    }
}
