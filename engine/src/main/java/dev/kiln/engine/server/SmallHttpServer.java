package dev.kiln.engine.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The daemon's small TCP servers (--metrics-addr, --dashboard-addr), set up one way: a few
 * threads, 64 connections, 8 KiB of headers, no server version, since only a scraper or a page
 * or two call them; and a failure to listen said in one line with the address.
 */
public final class SmallHttpServer implements AutoCloseable {
    private final Server server;
    private final ServerConnector connector;
    private final InetSocketAddress address;

    private SmallHttpServer(Server server, ServerConnector connector, InetSocketAddress address) {
        this.server = server;
        this.connector = connector;
        this.address = address;
    }

    /**
     * Listens on address with handler.
     *
     * @param name the threads' name
     * @param what what it serves, for the error: "cannot serve WHAT on HOST:PORT: reason"
     */
    public static SmallHttpServer start(InetSocketAddress address, String name, String what, Handler handler) throws Exception {
        QueuedThreadPool pool = new QueuedThreadPool(8, 2);
        pool.setName(name);
        pool.setDaemon(true);
        Server server = new Server(pool);
        HttpConfiguration http = new HttpConfiguration();
        http.setRequestHeaderSize(8 * 1024);
        http.setSendServerVersion(false);
        ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        connector.setHost(address.getAddress().getHostAddress());
        connector.setPort(address.getPort());
        connector.setIdleTimeout(30_000);
        server.addConnector(connector);
        server.addBean(new NetworkConnectionLimit(64, connector));
        server.setHandler(handler);
        server.setStopTimeout(2000);
        try {
            server.start();
        } catch (Exception e) {
            server.stop();
            throw new IOException("cannot serve " + what + " on " + hostPort(address) + ": " + rootMessage(e), e);
        }
        return new SmallHttpServer(server, connector, address);
    }

    /** The port listened on (the kernel's choice when 0 was asked). */
    public int port() {
        return connector.getLocalPort();
    }

    /** HOST:PORT as a URL writes it ([IPv6]:PORT), with the port listened on. */
    public String hostPort() {
        return hostPort(new InetSocketAddress(address.getAddress(), port()));
    }

    private static String hostPort(InetSocketAddress a) {
        String host = a.getAddress().getHostAddress();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort();
    }

    private static String rootMessage(Throwable t) {
        while (t.getCause() != null) t = t.getCause();
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
