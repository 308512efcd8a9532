package dev.kiln.engine;

import dev.kiln.engine.api.ApiPaths;
import dev.kiln.engine.api.DaemonInfo;
import dev.kiln.engine.dashboard.DashboardReader;
import dev.kiln.engine.dashboard.DashboardServer;
import dev.kiln.engine.events.EventBus;
import dev.kiln.engine.logs.LogLimits;
import dev.kiln.engine.metrics.MetricsServer;
import dev.kiln.engine.net.BridgeNetworking;
import dev.kiln.engine.net.PasstNetworking;
import dev.kiln.engine.net.PrivateNamespaceNetworking;
import dev.kiln.engine.net.VmNetworking;
import dev.kiln.engine.server.ApiServer;
import dev.kiln.engine.server.SocketAccess;
import dev.kiln.engine.state.StateLock;
import dev.kiln.engine.vm.Engine;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The Kiln daemon: one process that holds every VM of the host. Start order: lock the state
 * directory (a second daemon stops here with a clear error), load every VM defined there,
 * bring back those whose policy says so, then answer on the socket. Stop order: every VM gets
 * the shutdown grace period and is destroyed (the next daemon restores it), then the socket
 * closes and the lock is released.
 */
public final class Daemon implements AutoCloseable {
    private final Options options;
    private final StateLock lock;
    private final EventBus events;
    private final Engine engine;
    private final ApiServer server;
    /** GET /metrics on TCP, or null. */
    private final MetricsServer metricsServer;
    /** The dashboard on TCP, or null. */
    private final DashboardServer dashboardServer;
    private final Instant started = Instant.now();
    private final Consumer<String> log;
    private boolean closed;

    /**
     * @param stateDir where definitions, state, images and logs live
     * @param socket the API's unix socket
     * @param access who may use the socket
     * @param logLimits how much of each VM's log is kept
     * @param shutdownGrace how long VMs get when the daemon stops
     * @param idleTimeoutMs a connection's idle timeout (streams then write a keep-alive line)
     * @param version this kiln's version, for info
     * @param bridge the bridge VMs' taps are plugged into; null: each VM with published ports gets a namespace of its own
     *               (root) or passt (a user)
     * @param subnet the bridge's subnet (A.B.C.D/PREFIX), the VMs' address pool; its first address is the bridge's
     * @param metricsAddr where GET /metrics is also served on TCP (--metrics-addr); null: only on the socket
     * @param dashboardAddr where the dashboard is served (--dashboard-addr); null: nowhere
     */
    public record Options(Path stateDir, Path socket, SocketAccess access, LogLimits logLimits, Duration shutdownGrace,
                          long idleTimeoutMs, String version, String bridge, String subnet, InetSocketAddress metricsAddr,
                          InetSocketAddress dashboardAddr) {
        /** Without metrics on TCP. */
        public Options(Path stateDir, Path socket, SocketAccess access, LogLimits logLimits, Duration shutdownGrace,
                       long idleTimeoutMs, String version, String bridge, String subnet) {
            this(stateDir, socket, access, logLimits, shutdownGrace, idleTimeoutMs, version, bridge, subnet, null, null);
        }

        /** Without the dashboard. */
        public Options(Path stateDir, Path socket, SocketAccess access, LogLimits logLimits, Duration shutdownGrace,
                       long idleTimeoutMs, String version, String bridge, String subnet, InetSocketAddress metricsAddr) {
            this(stateDir, socket, access, logLimits, shutdownGrace, idleTimeoutMs, version, bridge, subnet, metricsAddr, null);
        }

        /** The same, with GET /metrics also served on TCP at address. */
        public Options withMetricsAddr(InetSocketAddress address) {
            return new Options(stateDir, socket, access, logLimits, shutdownGrace, idleTimeoutMs, version, bridge, subnet, address,
                    dashboardAddr);
        }

        /** The same, with the dashboard served at address. */
        public Options withDashboardAddr(InetSocketAddress address) {
            return new Options(stateDir, socket, access, logLimits, shutdownGrace, idleTimeoutMs, version, bridge, subnet, metricsAddr,
                    address);
        }

        /** The defaults for this user, with the given state directory and socket. */
        public static Options defaults(Path stateDir, Path socket, String version) {
            SocketAccess access = new SocketAccess(EnginePaths.isRoot() ? SocketAccess.DEFAULT_GROUP : null);
            return new Options(stateDir, socket, access, LogLimits.DEFAULT, Duration.ofSeconds(10), ApiServer.IDLE_TIMEOUT_MS,
                    version, EnginePaths.isRoot() ? BridgeNetworking.DEFAULT_BRIDGE : null, BridgeNetworking.DEFAULT_SUBNET);
        }
    }

    private Daemon(Options options, StateLock lock, EventBus events, Engine engine, ApiServer server,
                   MetricsServer metricsServer, DashboardServer dashboardServer, Consumer<String> log) {
        this.options = options;
        this.metricsServer = metricsServer;
        this.dashboardServer = dashboardServer;
        this.lock = lock;
        this.events = events;
        this.engine = engine;
        this.server = server;
        this.log = log;
    }

    public static Daemon start(Options o, Consumer<String> log) throws Exception {
        if (!Files.isDirectory(o.stateDir())) {
            Files.createDirectories(o.stateDir(), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        StateLock lock = StateLock.acquire(o.stateDir());
        EventBus events = new EventBus();
        Engine engine = null;
        VmNetworking networking = null;
        try {
            networking = o.bridge() != null ? BridgeNetworking.open(o.bridge(), o.subnet(), o.stateDir(), log)
                    : EnginePaths.isRoot() ? new PrivateNamespaceNetworking() : new PasstNetworking();
            engine = Engine.open(o.stateDir(), networking, o.logLimits(), events, log);
            List<String> restored = engine.restore();
            if (!restored.isEmpty()) log.accept("restored " + restored.size() + " VM(s) by their restart policy: " + String.join(", ", restored));
            Daemon[] self = new Daemon[1];
            Engine e = engine;
            ApiServer server = ApiServer.start(o.socket(), o.access(), o.idleTimeoutMs(), engine, events,
                    () -> self[0].info(), log);
            MetricsServer metrics = null;
            DashboardServer dashboard = null;
            try {
                if (o.metricsAddr() != null) metrics = MetricsServer.start(o.metricsAddr(), engine.metrics(), log);
                if (o.dashboardAddr() != null) dashboard = DashboardServer.start(o.dashboardAddr(), new DashboardReader(engine, log), log);
            } catch (Exception | Error ex) {
                if (metrics != null) metrics.close();
                server.close();
                throw ex;
            }
            self[0] = new Daemon(o, lock, events, e, server, metrics, dashboard, log);
            events.publish("daemon_start", null, null, Map.of("pid", String.valueOf(ProcessHandle.current().pid())));
            log.accept("state in " + o.stateDir() + ", " + engine.count() + " VM(s) defined");
            return self[0];
        } catch (Exception | Error ex) {
            if (engine != null) {
                engine.shutdown(Duration.ZERO);
                engine.close();
            } else if (networking != null) {
                networking.close();
            }
            lock.close();
            throw ex;
        }
    }

    public DaemonInfo info() {
        return new DaemonInfo(options.version(), ApiPaths.VERSION, ProcessHandle.current().pid(), options.stateDir().toString(),
                server.socket().toString(), started, engine.count(), engine.running(), engine.logFollowers(), events.subscribers());
    }

    public Engine engine() {
        return engine;
    }

    /** "METHOD /template" of every route the API serves. */
    public List<String> routes() {
        return server.routes();
    }

    public Path socket() {
        return server.socket();
    }

    /** The TCP port of GET /metrics (--metrics-addr), or -1 when it is served on the socket only. */
    public int metricsPort() {
        return metricsServer == null ? -1 : metricsServer.port();
    }

    /** The TCP port of the dashboard (--dashboard-addr), or -1 when there is none. */
    public int dashboardPort() {
        return dashboardServer == null ? -1 : dashboardServer.port();
    }

    /** Stops every VM (grace period, then destroyed), the API and releases the state directory. */
    @Override
    public synchronized void close() throws Exception {
        if (closed) return;
        closed = true;
        log.accept("shutting down: stopping " + engine.running() + " running VM(s)");
        engine.shutdown(options.shutdownGrace());
        events.close();
        if (dashboardServer != null) dashboardServer.close();
        if (metricsServer != null) metricsServer.close();
        server.close();
        engine.close();
        lock.close();
        log.accept("stopped");
    }
}
