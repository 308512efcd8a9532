package dev.kiln.engine.server;

import dev.kiln.engine.api.DaemonInfo;
import dev.kiln.engine.events.EventBus;
import dev.kiln.engine.vm.Engine;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.SizeLimitHandler;
import org.eclipse.jetty.unixdomain.server.UnixDomainServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The API on a unix socket: Jetty 12's HTTP/1.1 server with its unix-domain connector (there
 * is no TCP listener at all). Requests run on virtual threads, so a blocked reader (a follower,
 * a waiter, a slow client) costs no platform thread. Bounded: request headers 8 KiB, bodies
 * 1 MiB, 1,024 connections, and a connection idle for 30 s is closed unless it is a stream,
 * which then writes a keep-alive line.
 */
public final class ApiServer implements AutoCloseable {
    public static final int MAX_HEADER_BYTES = 8 * 1024;
    public static final long MAX_BODY_BYTES = 1 << 20;
    public static final int MAX_CONNECTIONS = 1024;
    public static final long IDLE_TIMEOUT_MS = 30_000;
    private final Server server;
    private final Router router;
    private final Path socket;

    private ApiServer(Server server, Router router, Path socket) {
        this.server = server;
        this.router = router;
        this.socket = socket;
    }

    /**
     * Serves the API on socket (its directory created per access, a stale socket of a dead
     * daemon replaced) and applies the access rules to it.
     *
     * @param idleTimeoutMs a connection's idle timeout (streams write a keep-alive after it)
     * @param log the daemon's log
     */
    public static ApiServer start(Path socket, SocketAccess access, long idleTimeoutMs, Engine engine, EventBus events,
                                  Supplier<DaemonInfo> info, Consumer<String> log) throws Exception {
        access.prepareDirectory(socket.toAbsolutePath().getParent(), log);
        replaceStaleSocket(socket);
        QueuedThreadPool pool = new QueuedThreadPool(16, 2);
        pool.setName("kiln-api");
        pool.setVirtualThreadsExecutor(Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("kiln-api-", 0).factory()));
        Server server = new Server(pool);
        HttpConfiguration http = new HttpConfiguration();
        http.setRequestHeaderSize(MAX_HEADER_BYTES);
        http.setResponseHeaderSize(MAX_HEADER_BYTES);
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        UnixDomainServerConnector connector = new UnixDomainServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        connector.setUnixDomainPath(socket);
        connector.setIdleTimeout(idleTimeoutMs);
        connector.setAcceptQueueSize(128);
        server.addConnector(connector);
        server.addBean(new NetworkConnectionLimit(MAX_CONNECTIONS, connector));
        Router router = new Router(log);
        ApiRoutes.register(router, engine, events, info, new DebugSockets(socket.toAbsolutePath().getParent(), access, log));
        SizeLimitHandler limits = new SizeLimitHandler(MAX_BODY_BYTES, -1);
        limits.setHandler(router);
        server.setHandler(limits);
        server.setErrorHandler(new JsonErrorHandler());
        server.setStopTimeout(2000);
        server.start();
        try {
            String mode = access.apply(socket, log);
            log.accept("listening on unix://" + socket + " (" + mode + ")");
        } catch (IOException | RuntimeException e) {
            server.stop();
            throw e;
        }
        return new ApiServer(server, router, socket);
    }

    /** A socket file left by a daemon that died is removed; one that answers belongs to a live daemon and is an error. */
    private static void replaceStaleSocket(Path socket) throws IOException {
        if (!Files.exists(socket)) return;
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(socket));
            throw new IOException("another daemon is listening on " + socket + "; stop it first or pick another socket with --host");
        } catch (java.net.SocketException e) {
            Files.deleteIfExists(socket);
        }
    }

    /** "METHOD /template" of every route served. */
    public List<String> routes() {
        return router.routes();
    }

    public Path socket() {
        return socket;
    }

    @Override
    public void close() throws Exception {
        server.stop();
        Files.deleteIfExists(socket);
    }
}
