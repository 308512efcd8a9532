package dev.kiln.cli;

import dev.kiln.image.FileTrees;
import dev.kiln.builder.nativeimage.AppInput;
import dev.kiln.builder.nativeimage.NativeBuildException;
import java.io.IOException;
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
    private final ProcessOutput output;

    private HostJavaApp(Process process, Path classes) {
        this.process = process;
        this.classes = classes;
        this.output = new ProcessOutput(process, "host-app-output");
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
        String failure = output.await(text, timeoutMillis);
        if (failure != null) {
            throw new IOException("the app " + failure);
        }
    }

    public String output() {
        return output.text();
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
