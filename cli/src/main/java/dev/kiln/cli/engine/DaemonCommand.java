package dev.kiln.cli.engine;

import dev.kiln.cli.KilnVersion;
import dev.kiln.cli.UserError;
import dev.kiln.engine.Daemon;
import dev.kiln.engine.EnginePaths;
import dev.kiln.engine.logs.LogLimits;
import dev.kiln.engine.metrics.MetricsAddress;
import dev.kiln.engine.net.BridgeNetworking;
import dev.kiln.engine.server.ApiServer;
import dev.kiln.engine.server.SocketAccess;
import dev.kiln.engine.state.StateLock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * `kiln daemon`: the daemon in the foreground (for systemd: deploy/systemd/kiln.service; `kiln
 * run -d` starts one in the background when none answers). SIGTERM or Ctrl-C stops it: each
 * running VM gets the shutdown timeout, then is destroyed; the next daemon restores them.
 */
@Command(name = "daemon", mixinStandardHelpOptions = true,
        description = {"Run the Kiln daemon in the foreground.",
                "It holds every VM of this host and serves the API (HTTP/JSON on a unix socket) that run -d, ps, logs, stop and the other verbs use. Its own lines go to stderr."})
public final class DaemonCommand implements Callable<Integer> {
    @Mixin DaemonOptions daemon;

    @Option(names = "--state-dir", paramLabel = "DIR",
            description = "Where VMs, their images and logs are kept (default: $KILN_STATE_DIR, else /var/lib/kiln for root,"
                    + " $XDG_STATE_HOME/kiln for a user).")
    Path stateDir;

    @Option(names = "--group", paramLabel = "GROUP", description = "Root's daemon: the group whose members may use the socket"
            + " (default kiln; the socket is 0660). A user's daemon's socket is 0600.")
    String group;

    @Option(names = "--log-max-size", paramLabel = "SIZE", defaultValue = "2m",
            description = "Rotate a VM's log file at this size (k, m suffixes; default 2m).")
    String logMaxSize;

    @Option(names = "--log-max-files", paramLabel = "N", defaultValue = "3",
            description = "Log files kept per VM, the current one included (default 3).")
    int logMaxFiles;

    @Option(names = "--log-ring-size", paramLabel = "SIZE", defaultValue = "128k",
            description = "Each VM's log kept in memory (default 128k).")
    String logRingSize;

    @Option(names = "--shutdown-timeout", paramLabel = "S", defaultValue = "10",
            description = "When the daemon stops, seconds each running VM gets before it is destroyed (default 10).")
    int shutdownTimeout;

    @Option(names = "--bridge", paramLabel = "NAME|none",
            description = "Root's daemon: the bridge each VM with a network is plugged into with a tap of its own (default kiln0;"
                    + " created if missing, removed at a clean stop if the daemon created it). none: each VM with published"
                    + " ports gets a network namespace of its own instead, as kiln run -p.")
    String bridge;

    @Option(names = "--bridge-subnet", paramLabel = "CIDR", defaultValue = "10.89.0.0/16",
            description = "The bridge's subnet: the bridge takes its first address (the VMs' gateway), VMs the others"
                    + " (default 10.89.0.0/16).")
    String subnet;

    @Option(names = "--metrics-addr", paramLabel = "HOST:PORT",
            description = {"Also serve GET /metrics (Prometheus' text format, every VM) on TCP at this address, such as"
                    + " 127.0.0.1:9464 (default: only on the socket). Read-only, without authentication: an address other"
                    + " than loopback shows every VM's names and figures to whoever reaches it."})
    String metricsAddr;

    @Option(names = "--dashboard-addr", paramLabel = "HOST:PORT",
            description = {"Serve the live dashboard (a web page: every VM's state, health, uptime and restarts, plots of"
                    + " its CPU, memory, network and the app's metrics, its log's tail) on TCP at this address, such as"
                    + " 127.0.0.1:8090 (default: none). Read-only, without authentication: an address other than loopback"
                    + " shows every VM's names, figures and logs to whoever reaches it."})
    String dashboardAddr;

    @Override
    public Integer call() throws Exception {
        Path socket = daemon.socket();
        Path state = EnginePaths.stateDir(stateDir);
        if (group != null && !EnginePaths.isRoot()) throw new UserError("--group is for root's daemon; a user's socket is 0600");
        if (shutdownTimeout < 0) throw new UserError("--shutdown-timeout must be 0 or more seconds");
        LogLimits limits;
        try {
            limits = new LogLimits(size("--log-ring-size", logRingSize), size("--log-max-size", logMaxSize), logMaxFiles);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        SocketAccess access = new SocketAccess(EnginePaths.isRoot() ? (group != null ? group : SocketAccess.DEFAULT_GROUP) : null);
        String bridgeName = bridge == null ? (EnginePaths.isRoot() ? BridgeNetworking.DEFAULT_BRIDGE : null)
                : bridge.equals("none") ? null : bridge;
        if (bridgeName != null && !EnginePaths.isRoot()) {
            throw new UserError("--bridge needs a daemon running as root (it makes a bridge and a tap per VM)");
        }
        Daemon.Options options = new Daemon.Options(state, socket, access, limits, Duration.ofSeconds(shutdownTimeout),
                ApiServer.IDLE_TIMEOUT_MS, KilnVersion.VERSION, bridgeName, subnet);
        if (metricsAddr != null) {
            try {
                options = options.withMetricsAddr(MetricsAddress.parse(metricsAddr));
            } catch (IllegalArgumentException e) {
                throw new UserError(e.getMessage());
            }
        }
        if (dashboardAddr != null) {
            try {
                options = options.withDashboardAddr(MetricsAddress.parse("--dashboard-addr", "127.0.0.1:8090", dashboardAddr));
            } catch (IllegalArgumentException e) {
                throw new UserError(e.getMessage());
            }
        }
        Daemon d;
        try {
            d = Daemon.start(options, DaemonCommand::log);
        } catch (StateLock.StateLockedException e) {
            throw new UserError(e.getMessage());
        } catch (java.io.IOException | IllegalArgumentException e) {
            throw new UserError("cannot start the daemon: " + e.getMessage());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                d.close();
            } catch (Exception e) {
                log("error while stopping: " + e);
            } finally {
                stopped.countDown();
            }
        }, "kiln-daemon-shutdown"));
        log(openFilesLimit());
        log("kiln daemon " + KilnVersion.VERSION + " ready (pid " + ProcessHandle.current().pid() + ")");
        stopped.await();
        return 0;
    }

    /**
     * The descriptor limit, said once at the start: each running VM holds about 3 (the KVM VM
     * and vCPU, its tap and an eventfd, its log file), and a start past the limit fails with
     * "Too many open files". The JVM has raised the soft limit to the hard one already.
     */
    static String openFilesLimit() {
        try {
            for (String line : java.nio.file.Files.readAllLines(Path.of("/proc/self/limits"))) {
                if (line.startsWith("Max open files")) {
                    String soft = line.substring("Max open files".length()).strip().split("\\s+")[0];
                    String room = soft.matches("\\d+") ? "room for about " + Long.parseLong(soft) / 3 + " running VMs" : "no limit";
                    return "open files: at most " + soft + " (RLIMIT_NOFILE; a running VM holds about 3: " + room
                            + "; raise it with LimitNOFILE= or ulimit -n)";
                }
            }
        } catch (java.io.IOException e) {
            return "open files: the limit is unknown (" + e.getMessage() + ")";
        }
        return "open files: the limit is unknown (no line in /proc/self/limits)";
    }

    static void log(String line) {
        System.err.println(Instant.now() + " kiln daemon: " + line);
    }

    /** 4096, 64k, 2m. */
    static long size(String flag, String value) {
        String v = value.strip().toLowerCase();
        long unit = 1;
        if (v.endsWith("k")) unit = 1024;
        else if (v.endsWith("m")) unit = 1024 * 1024;
        String digits = unit == 1 ? v : v.substring(0, v.length() - 1);
        if (!digits.matches("\\d{1,10}")) throw new UserError(flag + " takes a size such as 4096, 64k or 2m, not '" + value + "'");
        return Long.parseLong(digits) * unit;
    }
}
