package dev.kiln.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The checkout's ./kiln-oci launcher, run as podman and containerd run it. The launcher reads
 * the JDK from .kiln/java-home (written by the first ./kiln); a test run writes it when a fresh
 * clone has none, so the launcher never has to build (the oci module is packaged before the
 * cli module's tests run).
 */
final class KilnOciLauncher {
    private KilnOciLauncher() {}

    static synchronized Path path() throws IOException {
        Path home = Path.of(System.getProperty("kiln.home")).toAbsolutePath().normalize();
        Path launcher = home.resolve("kiln-oci");
        if (!Files.isExecutable(launcher)) throw new AssertionError("launcher missing: " + launcher);
        if (!Files.isRegularFile(home.resolve("oci/target/kiln-oci.jar"))) {
            throw new AssertionError("oci/target/kiln-oci.jar is missing: build with mvn install (the oci module is packaged before cli's tests)");
        }
        Path javaHome = home.resolve(".kiln/java-home");
        if (!Files.exists(javaHome)) {
            Files.createDirectories(javaHome.getParent());
            Files.writeString(javaHome, System.getProperty("java.home") + "\n");
        }
        if (!warmedUp) {
            // The first run makes the AOT cache (a training run of some seconds): do it before anything is timed.
            Process p = new ProcessBuilder(launcher.toString(), "features").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            try {
                if (!p.waitFor(600, TimeUnit.SECONDS) || p.exitValue() != 0) throw new AssertionError("kiln-oci features failed");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            warmedUp = true;
        }
        return launcher;
    }

    private static boolean warmedUp;

    record Result(int status, String stdout, String stderr) {}

    /** Runs kiln-oci with the given arguments; stdout and stderr go to files (a monitor inherits them). */
    static Result run(Map<String, String> env, Path stdout, Path stderr, String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(path().toString());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("kiln-oci " + String.join(" ", args) + " did not finish in 120 s");
        }
        return new Result(p.exitValue(), Files.readString(stdout), Files.readString(stderr));
    }
}
