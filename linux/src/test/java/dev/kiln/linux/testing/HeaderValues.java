package dev.kiln.linux.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The values a C program prints from the host's own headers, for the tests that check a Java
 * copy of a kernel contract (linux/kvm.h, linux/seccomp.h, ...) against the header itself. Kept
 * in one place (this module's test jar, which vmm's tests use too) so every such test compiles,
 * runs and reports a missing gcc the same way.
 */
public final class HeaderValues {
    private HeaderValues() {}

    /** Compiles {@code program} with the host's gcc into {@code dir} as {@code name}, runs it, and returns what it printed. */
    public static String print(Path dir, String name, String program) throws IOException, InterruptedException {
        Path src = dir.resolve(name + ".c"), exe = dir.resolve(name);
        Files.writeString(src, program);
        Process cc;
        try {
            cc = new ProcessBuilder("gcc", "-o", exe.toString(), src.toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError("gcc is needed for this test and was not found: " + e.getMessage());
        }
        String ccOut = new String(cc.getInputStream().readAllBytes());
        if (cc.waitFor() != 0) fail("gcc failed (is linux-libc-dev installed?):\n" + ccOut);
        Process run = new ProcessBuilder(exe.toString()).redirectErrorStream(true).start();
        String out = new String(run.getInputStream().readAllBytes());
        assertEquals(0, run.waitFor(), name + " failed:\n" + out);
        return out;
    }
}
