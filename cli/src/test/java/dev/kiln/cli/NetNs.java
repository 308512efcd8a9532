package dev.kiln.cli;

import dev.kiln.vmm.hostnet.NetworkNamespace;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A network namespace of one test, with helpers to run commands in it and to start long-lived
 * processes whose output is collected. Names carry a random suffix (other test runs use the
 * same machine at the same time); close() kills what was started and deletes the namespace,
 * which deletes the interfaces in it.
 */
final class NetNs implements AutoCloseable {
    final NetworkNamespace ns;
    final String suffix = Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0x1000000));
    private final List<Bg> started = new ArrayList<>();

    NetNs() throws IOException {
        if (!NetworkNamespace.isRoot()) {
            throw new AssertionError("prerequisite missing: the image network tests must run as root (namespaces, taps)");
        }
        if (!java.nio.file.Files.exists(Path.of("/dev/net/tun"))) {
            throw new AssertionError("prerequisite missing: /dev/net/tun (the tun/tap driver)");
        }
        Tools.require("ip");
        ns = NetworkNamespace.create("kiln-svc-");
        try {
            ns.exec(10, "sysctl", "-q", "-w", "net.ipv6.conf.all.disable_ipv6=1", "net.ipv6.conf.default.disable_ipv6=1");
        } catch (IOException e) {
            ns.close();
            throw e;
        }
    }

    /** A persistent tap (another process attaches to it by name), up, with an optional address. */
    String tap(String prefix, String cidr) throws IOException {
        String name = prefix + suffix;
        ns.ip("tuntap", "add", "mode", "tap", "name", name);
        if (cidr != null) {
            ns.ip("addr", "add", cidr, "dev", name);
        }
        ns.ip("link", "set", name, "up");
        return name;
    }

    List<String> inside(String... cmd) {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", ns.name()));
        full.addAll(List.of(cmd));
        return full;
    }

    /** Runs a command in the namespace to its end. */
    Tools.Result run(int timeoutSeconds, String... cmd) throws IOException, InterruptedException {
        return Tools.run(timeoutSeconds, inside(cmd));
    }

    /** Starts a long-lived process in the namespace; it is stopped on close(). */
    Bg start(List<String> cmd) throws IOException {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", ns.name()));
        full.addAll(cmd);
        ProcessBuilder pb = new ProcessBuilder(full).redirectErrorStream(true);
        pb.environment().put("KILN_HOME", System.getProperty("kiln.home"));
        Bg bg = new Bg(pb.start());
        started.add(bg);
        return bg;
    }

    /** The neighbour entry Linux learned for ip (the guest's MAC), e.g. "02:4b:49:..."; null if none. */
    String macOf(String ip) throws IOException {
        String out = ns.ip("neigh", "show", ip);
        int i = out.indexOf("lladdr ");
        return i < 0 ? null : out.substring(i + 7).split("\\s")[0];
    }

    @Override
    public void close() throws IOException {
        for (Bg b : started) {
            b.stop();
        }
        ns.close();
    }

    /** A background process and its output. */
    static final class Bg {
        final Process process;
        private final ProcessOutput out;

        Bg(Process p) {
            process = p;
            out = new ProcessOutput(p, "netns-bg-output");
        }

        String output() {
            return out.text();
        }

        /** Waits for text in the output; fails with the output if the process ends or time runs out. */
        void await(String text, long millis) throws InterruptedException {
            String failure = out.await(text, millis);
            if (failure != null) {
                throw new AssertionError(failure);
            }
        }

        /**
         * SIGTERM, then SIGKILL if it has not ended within 30 s (a bound against a hang: on a
         * loaded machine a process may take seconds to print its counters); the output is
         * complete afterwards.
         */
        void stop() {
            // Through the handle: Process.destroy() would also close our end of its output
            // pipe, so whatever it prints on SIGTERM (the relay's counters) would be lost.
            process.toHandle().destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    process.waitFor(30, TimeUnit.SECONDS);
                }
                out.drain(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
