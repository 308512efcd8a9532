package dev.kiln.cli.bench;

import dev.kiln.cli.ProcessOutput;
import dev.kiln.image.FileTrees;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A host server a benchmark compares Kiln with (nginx, NSD), run in the foreground as a child
 * inside a network namespace (`ip netns exec` execs it, so the child is the server itself), on
 * a directory of its own (configuration, pid file, temporary files). close() stops it with
 * SIGTERM (both servers' fast shutdown), SIGKILL if it lingers, and deletes the directory.
 */
public final class ServerProcess implements AutoCloseable {
    private final String name;
    private final Process process;
    private final ProcessOutput output;
    private final Path dir;

    private ServerProcess(String name, Process process, Path dir) {
        this.name = name;
        this.process = process;
        this.output = new ProcessOutput(process, name + "-output");
        this.dir = dir;
    }

    /** Starts cmd in namespace netns (null: here); dir is the server's own, deleted on close. */
    public static ServerProcess start(String name, String netns, Path dir, List<String> cmd) throws IOException {
        List<String> full = new ArrayList<>();
        if (netns != null) full.addAll(List.of("ip", "netns", "exec", netns));
        full.addAll(cmd);
        try {
            return new ServerProcess(name, new ProcessBuilder(full).redirectErrorStream(true).start(), dir);
        } catch (IOException e) {
            FileTrees.deleteQuietly(dir);
            throw new IOException("cannot start " + name + ": " + e.getMessage(), e);
        }
    }

    public String name() {
        return name;
    }

    /** The server's own directory (its configuration, pid file, temporary files). */
    public Path dir() {
        return dir;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** null while it runs, else "nginx exited with status 1:" and what it printed. */
    public String death() {
        if (process.isAlive()) return null;
        return name + " exited with status " + process.exitValue() + ":\n" + output.text();
    }

    public String output() {
        return output.text();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        FileTrees.deleteQuietly(dir);
    }
}
