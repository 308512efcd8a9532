package dev.kiln.cli;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Small helpers of the service tests: prerequisites, host commands, a free loopback port. */
final class Tools {
    private Tools() {}

    /** Fails (never skips) naming the first command that is not installed. */
    static void require(String... commands) {
        for (String c : commands) {
            boolean found = false;
            for (String dir : (System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/usr/bin:/sbin:/bin").split(":")) {
                if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, c))) {
                    found = true;
                    break;
                }
            }
            if (!found) {
                throw new AssertionError("prerequisite missing: the command `" + c + "` is not installed"
                        + (c.equals("dig") ? " (Debian package dnsutils)" : c.equals("wrk") ? " (Debian package wrk)"
                        : c.equals("prometheus") ? " (Debian package prometheus)" : c.equals("nginx") ? " (Debian package nginx-light)"
                        : c.equals("nsd") ? " (Debian package nsd)" : c.equals("dnsperf") ? " (Debian package dnsperf)" : ""));
            }
        }
    }

    record Result(int status, String output) {
    }

    /** Runs a command, stdout and stderr merged; fails after timeoutSeconds. */
    static Result run(int timeoutSeconds, List<String> cmd) throws IOException, InterruptedException {
        Path out = Files.createTempFile("kiln-tool", ".txt");
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new AssertionError(String.join(" ", cmd) + " did not finish in " + timeoutSeconds + " s");
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
        }
    }

    static Result run(int timeoutSeconds, String... cmd) throws IOException, InterruptedException {
        return run(timeoutSeconds, List.of(cmd));
    }

    /** A TCP port free on 127.0.0.1 just now (the kernel's choice, so parallel runs do not collide). */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static Path example(String name) {
        return Path.of(System.getProperty("kiln.home")).resolve("examples").resolve(name);
    }
}
