package dev.kiln.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The output of a child process (stdout, with stderr redirected into it), collected on a daemon
 * thread as it comes, so that a caller can wait for a line such as "listening on port 80"
 * while the process keeps running.
 */
public final class ProcessOutput {
    private final Process process;
    private final StringBuilder out = new StringBuilder();
    private final Thread reader;

    public ProcessOutput(Process process, String threadName) {
        this.process = process;
        this.reader = Thread.ofPlatform().daemon().name(threadName).start(() -> {
            try (InputStream in = process.getInputStream()) {
                byte[] b = new byte[8192];
                int n;
                while ((n = in.read(b)) > 0) {
                    synchronized (out) {
                        out.append(new String(b, 0, n, StandardCharsets.UTF_8));
                        out.notifyAll();
                    }
                }
            } catch (IOException ignored) {
                // the process ended
            }
        });
    }

    /** Everything the process printed so far. */
    public String text() {
        synchronized (out) {
            return out.toString();
        }
    }

    /**
     * Waits until the output contains text: null when it does, else why not (the process exited,
     * or time ran out) followed by the output. Before saying no, the last output gets 300 ms to arrive.
     */
    public String await(String text, long millis) throws InterruptedException {
        return await(text, 0, millis);
    }

    /** As {@link #await(String, long)}, for an occurrence of text that starts at index from or later. */
    public String await(String text, int from, long millis) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        synchronized (out) {
            while (out.indexOf(text, from) < 0) {
                long left = TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime());
                if (left <= 0 || !process.isAlive()) {
                    out.wait(300);
                    if (out.indexOf(text, from) >= 0) {
                        return null;
                    }
                    return "waited for '" + text + "' " + (process.isAlive() ? "in vain for " + millis + " ms"
                            : "but the process exited with status " + process.exitValue()) + "; its output:\n" + out;
                }
                out.wait(Math.min(left, 100));
            }
            return null;
        }
    }

    /** Waits (at most millis) for the reader to reach the end of the output, once the process ended. */
    public void drain(long millis) throws InterruptedException {
        reader.join(millis);
    }
}
