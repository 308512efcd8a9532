package dev.kiln.engine.metrics;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * GET /metrics on TCP (--metrics-addr), for a Prometheus server to scrape. Read-only: it serves
 * that one path and nothing else, so nothing on this port can start, stop or change a VM; and
 * small (a few threads, 64 connections, 8 KiB of headers) since only a scraper or two call it.
 */
public final class MetricsServer implements AutoCloseable {
    public static final String PATH = "/metrics";
    private final Server server;
    private final ServerConnector connector;

    private MetricsServer(Server server, ServerConnector connector) {
        this.server = server;
        this.connector = connector;
    }

    /** Listens on address and serves the exposition; the log gets the address it listens on. */
    public static MetricsServer start(InetSocketAddress address, MetricsExposition metrics, Consumer<String> log) throws Exception {
        QueuedThreadPool pool = new QueuedThreadPool(8, 2);
        pool.setName("kiln-metrics");
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
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                String path = request.getHttpURI().getDecodedPath();
                String method = request.getMethod();
                if (!PATH.equals(path)) {
                    text(response, callback, 404, "only " + PATH + " is served here\n");
                } else if (!method.equals("GET") && !method.equals("HEAD")) {
                    response.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD");
                    text(response, callback, 405, PATH + " is read-only: GET it\n");
                } else {
                    byte[] body = metrics.scrape();
                    response.setStatus(200);
                    response.getHeaders().put(HttpHeader.CONTENT_TYPE, metrics.contentType());
                    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
                    response.write(true, method.equals("HEAD") ? ByteBuffer.allocate(0) : ByteBuffer.wrap(body), callback);
                }
                return true;
            }
        });
        server.setStopTimeout(2000);
        try {
            server.start();
        } catch (Exception e) {
            server.stop();
            throw new java.io.IOException("cannot serve metrics on " + hostPort(address) + ": " + rootMessage(e), e);
        }
        MetricsServer s = new MetricsServer(server, connector);
        log.accept("serving metrics on http://" + hostPort(new InetSocketAddress(address.getAddress(), s.port())) + PATH);
        return s;
    }

    private static void text(Response response, Callback callback, int status, String body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
        Content.Sink.write(response, true, body, callback);
    }

    private static String hostPort(InetSocketAddress a) {
        String host = a.getAddress().getHostAddress();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort();
    }

    private static String rootMessage(Throwable t) {
        while (t.getCause() != null) t = t.getCause();
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }

    /** The port listened on (the kernel's choice when 0 was asked). */
    public int port() {
        return connector.getLocalPort();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
