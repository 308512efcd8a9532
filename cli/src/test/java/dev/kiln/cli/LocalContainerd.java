package dev.kiln.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Debian's containerd started for one test with its own config, root, state and socket in a
 * temporary directory (cri enabled or not), stopped at close; its mounts must be gone by then.
 */
final class LocalContainerd implements AutoCloseable {
    final Path dir;
    final Path socket;
    private final Process process;

    private LocalContainerd(Path dir, Process process) {
        this.dir = dir;
        this.socket = dir.resolve("containerd.sock");
        this.process = process;
    }

    /** @param extraConfig TOML appended to the base config (the CRI plugin's section, for instance) */
    static LocalContainerd start(boolean cri, String extraConfig) throws Exception {
        return start(cri, extraConfig, List.of());
    }

    /** @param prefix what the daemon runs under, e.g. nsenter --net=... to keep CNI's bridge in a test namespace */
    static LocalContainerd start(boolean cri, String extraConfig, List<String> prefix) throws Exception {
        Tools.require("containerd", "ctr");
        Path dir = Files.createTempDirectory("kiln-containerd");
        String config = """
                version = 2
                root = "%1$s/root"
                state = "%1$s/state"
                %2$s
                [grpc]
                  address = "%1$s/containerd.sock"
                [ttrpc]
                  address = "%1$s/containerd.sock.ttrpc"
                """.formatted(dir, cri ? "" : "disabled_plugins = [\"io.containerd.grpc.v1.cri\"]") + extraConfig.replace("@DIR@", dir.toString());
        Files.writeString(dir.resolve("config.toml"), config);
        List<String> cmd = new ArrayList<>(prefix);
        cmd.addAll(List.of("containerd", "--config", dir.resolve("config.toml").toString()));
        Process p = new ProcessBuilder(cmd)
                .redirectErrorStream(true).redirectOutput(dir.resolve("containerd.log").toFile()).start();
        LocalContainerd c = new LocalContainerd(dir, p);
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (true) {
            Tools.Result r = Tools.run(30, "ctr", "--address", c.socket.toString(), "version");
            if (r.status() == 0 && r.output().contains("Server")) return c;
            if (!p.isAlive() || System.nanoTime() > deadline) {
                String log = Files.readString(dir.resolve("containerd.log"));
                c.close();
                throw new AssertionError("containerd did not start:\n" + log);
            }
            Thread.sleep(100);
        }
    }

    String log() throws IOException {
        return Files.readString(dir.resolve("containerd.log"));
    }

    /** ctr against this containerd, in the given containerd namespace. */
    List<String> ctr(String namespace, String... args) {
        List<String> cmd = new ArrayList<>(List.of("ctr", "--address", socket.toString(), "--namespace", namespace));
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** Mount points under this containerd's directories (none may be left at the end). */
    List<String> mounts() throws IOException {
        List<String> left = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("/proc/self/mounts"))) {
            String target = line.split(" ")[1];
            if (target.startsWith(dir.toString())) left.add(target);
        }
        return left;
    }

    @Override
    public void close() throws IOException {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (String m : mounts()) {
            try {
                Tools.run(30, "umount", "-l", m);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
