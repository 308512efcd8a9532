package dev.kiln.cli.engine;

import dev.kiln.cli.Main;
import dev.kiln.cli.UserError;
import dev.kiln.engine.EnginePaths;
import dev.kiln.engine.client.DaemonUnreachableException;
import dev.kiln.engine.client.KilnClient;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * `kiln run -d` when no daemon answers: starts `kiln daemon` in the background (a session of
 * its own, output to STATE_DIR/daemon.log) and waits until its socket answers, or until it
 * exits (then its log says why). The daemon answers only after it restored its VMs.
 */
public final class DaemonStarter {
    static final long START_TIMEOUT_MS = 60_000;

    private DaemonStarter() {}

    /** A client of a daemon that answers, starting one if none does. */
    public static KilnClient connectOrStart(DaemonOptions options) {
        KilnClient client = options.client();
        try {
            client.info();
            return client;
        } catch (DaemonUnreachableException e) {
            if (Files.exists(client.socket()) && e.getMessage().contains("permission denied")) {
                client.close();
                throw e; // a daemon runs, this user may not use it: starting another would not help
            }
        }
        try {
            start(client);
            return client;
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
    }

    private static void start(KilnClient client) {
        Path socket = client.socket();
        Path state = EnginePaths.stateDir(null);
        Path log = state.resolve("daemon.log");
        Process p;
        try {
            Files.createDirectories(state);
            List<String> cmd = new ArrayList<>();
            if (onPath("setsid")) cmd.add("setsid"); // its own session: the terminal's hangup or Ctrl-C do not reach it
            cmd.add(ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
            cmd.add("--enable-native-access=ALL-UNNAMED");
            cmd.add("-cp");
            cmd.add(System.getProperty("java.class.path"));
            cmd.add(Main.class.getName());
            cmd.add("daemon");
            cmd.add("--host");
            cmd.add(EnginePaths.hostText(socket));
            System.err.println("kiln: no daemon answers on unix://" + socket + ": starting one (its log: " + log + ")");
            p = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new UserError("cannot start the kiln daemon: " + e.getMessage());
        }
        long deadline = System.nanoTime() + START_TIMEOUT_MS * 1_000_000L;
        long pause = 5;
        while (true) {
            try {
                client.info();
                return;
            } catch (DaemonUnreachableException e) {
                if (!p.isAlive()) {
                    throw new UserError("the kiln daemon exited at once (status " + p.exitValue() + "): " + lastLines(log));
                }
                if (System.nanoTime() > deadline) {
                    throw new UserError("the kiln daemon (pid " + p.pid() + ") did not answer within " + START_TIMEOUT_MS / 1000
                            + " s; see " + log);
                }
            }
            try {
                Thread.sleep(pause); // polling the socket for its first answer, backing off
                pause = Math.min(pause * 2, 100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new UserError("interrupted while the daemon started");
            }
        }
    }

    private static String lastLines(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) return true;
        }
        return false;
    }
}
