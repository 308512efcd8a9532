package dev.kiln.cli;

import dev.kiln.builder.FileTrees;
import dev.kiln.builder.nativeimage.AppInput;
import dev.kiln.builder.nativeimage.NativeBuildException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Kiln example (a project directory) run unchanged on HotSpot on the host, as a separate
 * process: the baseline of `kiln bench http` and how the examples are tested before they
 * become images. Its output is collected on a side thread; close() stops it and deletes the classes.
 */
public final class HostJavaApp implements AutoCloseable {
    private final Process process;
    private final Path classes;
    private final StringBuilder output = new StringBuilder();

    private HostJavaApp(Process process, Path classes) {
        this.process = process;
        this.classes = classes;
        Thread.ofPlatform().daemon().name("host-app-output").start(() -> {
            try (InputStream in = process.getInputStream()) {
                byte[] b = new byte[4096];
                int n;
                while ((n = in.read(b)) > 0) {
                    synchronized (output) {
                        output.append(new String(b, 0, n, StandardCharsets.UTF_8));
                        output.notifyAll();
                    }
                }
            } catch (IOException ignored) {
                // the process ended
            }
        });
    }

    /**
     * Compiles the project directory's sources (as `kiln build` does) and starts its main class
     * with this JVM's java, prefixed by launcher (e.g. `ip netns exec NS`), with args.
     */
    public static HostJavaApp start(Path projectDir, List<String> launcher, List<String> jvmOptions, String... args)
            throws IOException, NativeBuildException {
        AppInput app = AppInput.resolve(projectDir, null);
        Path dir = Files.createTempDirectory("kiln-hostapp");
        try {
            for (var e : app.classes().entrySet()) {
                Path f = dir.resolve(e.getKey());
                Files.createDirectories(f.getParent());
                Files.write(f, e.getValue());
            }
            List<String> cmd = new ArrayList<>(launcher);
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            cmd.addAll(jvmOptions);
            cmd.addAll(List.of("-cp", dir.toString(), app.mainClass()));
            cmd.addAll(List.of(args));
            return new HostJavaApp(new ProcessBuilder(cmd).redirectErrorStream(true).start(), dir);
        } catch (IOException | RuntimeException e) {
            FileTrees.deleteQuietly(dir);
            throw e;
        }
    }

    /** Waits until the output contains text; fails with the output if the app exits or time runs out. */
    public void awaitOutput(String text, long timeoutMillis) throws IOException, InterruptedException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        synchronized (output) {
            while (output.indexOf(text) < 0) {
                long left = TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime());
                if (left <= 0 || !process.isAlive()) {
                    throw new IOException("the app did not print '" + text + "' (" + (process.isAlive() ? "timed out"
                            : "it exited with status " + process.exitValue()) + "); its output:\n" + output);
                }
                output.wait(Math.min(left, 100));
            }
        }
    }

    public String output() {
        synchronized (output) {
            return output.toString();
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        FileTrees.deleteQuietly(classes);
    }
}
