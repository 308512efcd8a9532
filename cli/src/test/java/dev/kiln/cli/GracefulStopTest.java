package dev.kiln.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.builder.nativeimage.AppInput;
import dev.kiln.builder.nativeimage.NativeImageBuilder;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How a Java program ends, in a native image and on HotSpot alike (cli/src/test/stop/StopApp.java):
 * SIGTERM to `kiln run` asks the guest to stop through the ABI (docs/abi.md, "Stopping"), the
 * image runs its shutdown hooks and exits 143 as the JVM does on SIGTERM, and kiln says the guest
 * stopped by itself; System.exit, main's return and an uncaught exception run the hooks too, halt
 * does not. Each mode's output and status in the image must be HotSpot's. (A guest that ignores
 * the request or never yields is destroyed after the grace: vmm's GuestStopTest.)
 */
class GracefulStopTest {
    static final Path KILN_HOME = Path.of(System.getProperty("kiln.home", "..")).toAbsolutePath().normalize();
    static final long HANG_GUARD_SECONDS = 120;

    @TempDir
    static Path tmp;
    static Path classes;
    static Path image;

    @BeforeAll
    static void build() throws Exception {
        classes = tmp.resolve("classes");
        Files.createDirectories(classes);
        Process javac = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "javac").toString(),
                "-cp", AppInput.kilnApi().toString(), "-d", classes.toString(),
                KILN_HOME.resolve("cli/src/test/stop/StopApp.java").toString()).inheritIO().start();
        assertEquals(0, javac.waitFor(), "javac StopApp");
        NativeImageBuilder builder = NativeImageBuilder.fromEnvironment(System.err::println);
        image = builder.build(AppInput.resolve(classes, "StopApp")).image();
    }

    /** kiln run (a new JVM, as the launcher starts it) with stdout read as it comes and stderr in a file. */
    private static List<String> kiln(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        return command;
    }

    private static List<String> hotspot(String mode) {
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                classes + File.pathSeparator + AppInput.kilnApi(), "StopApp", mode);
    }

    /** A process run to its end, SIGTERM sent once it printed "ready" if {@code term}. */
    private record Ended(int status, String stdout, String stderr) {
        static Ended run(List<String> command, boolean term) throws Exception {
            Path err = Files.createTempFile(tmp, "stderr", ".txt");
            ProcessBuilder pb = new ProcessBuilder(command).redirectError(err.toFile());
            pb.environment().put("KILN_HOME", KILN_HOME.toString());
            Process p = pb.start();
            ProcessOutput out = new ProcessOutput(p, "stop-test-output");
            try {
                if (term) {
                    assertNull(out.await("ready\n", HANG_GUARD_SECONDS * 1000), () -> "stderr: " + read(err));
                    // SIGTERM through the handle: Process.destroy() would also close our end of its output pipes.
                    p.toHandle().destroy();
                }
                assertTrue(p.waitFor(HANG_GUARD_SECONDS, TimeUnit.SECONDS), "the process did not end: " + out.text());
                out.drain(HANG_GUARD_SECONDS * 1000); // the reader reaches the end of the output
                return new Ended(p.exitValue(), out.text(), read(err));
            } finally {
                p.destroyForcibly();
            }
        }

        private static String read(Path f) {
            try {
                return Files.readString(f, StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
                return "(" + e + ")";
            }
        }
    }

    @Test
    void sigtermRunsTheImagesShutdownHooksAndItExits143AsHotSpotDoes() throws Exception {
        Ended vm = Ended.run(kiln("run", "--stats", image.toString(), "--", "wait"), true);
        Ended jvm = Ended.run(hotspot("wait"), true);
        String expected = "ready\nshutdown hook ran (wait), ticks true\n";
        assertEquals(expected, jvm.stdout, jvm.stderr);
        assertEquals(143, jvm.status);
        assertEquals(143, vm.status, vm.stdout + vm.stderr);
        assertEquals(expected, vm.stdout, vm.stderr);
        assertTrue(vm.stderr.contains("kiln: stopped by the guest after "), vm.stderr);
        // --stats: the guest's figures from its stats page, the app's counter among them.
        assertTrue(vm.stderr.matches("(?s).*kiln: guest stats: runtime: gc \\d+ collections.*"), vm.stderr);
        assertTrue(vm.stderr.matches("(?s).*metrics: stop_app_ticks=\\d+ \\(counter\\).*"), vm.stderr);
    }

    @ParameterizedTest
    @ValueSource(strings = {"exit", "return", "throw", "halt", "rules"})
    void theImageEndsAsHotSpotDoes(String mode) throws Exception {
        Ended jvm = Ended.run(hotspot(mode), false);
        Ended vm = Ended.run(kiln("run", image.toString(), "--", mode), false);
        // The guest's console is one stream (kiln run's stdout): what HotSpot wrote on stderr (the
        // uncaught exception's report) is left out of the comparison.
        List<String> report = jvm.stderr.lines().toList();
        String console = vm.stdout.lines().filter(l -> !report.contains(l)).map(l -> l + "\n")
                .collect(java.util.stream.Collectors.joining());
        assertEquals(jvm.stdout, console, "HotSpot's stderr: " + jvm.stderr + "\nkiln's: " + vm.stderr);
        assertEquals(jvm.status, vm.status, vm.stderr);
    }

    @Test
    void kilnStopThroughTheDaemonRunsTheImagesShutdownHooksWithinTheGrace() throws Exception {
        try (DaemonProcess d = new DaemonProcess().start()) {
            KilnProcess run = d.kiln("run", "-d", "--name", "hooked", image.toString(), "--", "wait");
            assertEquals(0, run.exitStatus(), run.toString());
            d.awaitOutput("ready", "logs", "-f", "hooked");
            // a grace long enough for any machine: the guest ends by itself long before it
            KilnProcess stop = d.kiln("stop", "-t", "600", "hooked");
            assertEquals(0, stop.exitStatus(), stop.toString());
            assertTrue(stop.stderr().contains("hooked ended within the grace period: exited with status 143"), stop.toString());
            assertEquals("143\n", d.kiln("wait", "hooked").stdout());
            KilnProcess logs = d.kiln("logs", "hooked");
            assertTrue(logs.stdout().contains("shutdown hook ran (wait), ticks true\n"), logs.toString());
        }
    }
}
