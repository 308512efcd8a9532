package dev.kiln.engine.metrics;

import dev.kiln.engine.server.SmallHttpServer;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.function.Consumer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * GET /metrics on TCP (--metrics-addr), for a Prometheus server to scrape. Read-only: it serves
 * that one path and nothing else, so nothing on this port can start, stop or change a VM; and
 * small (a few threads, 64 connections, 8 KiB of headers) since only a scraper or two call it.
 */
public final class MetricsServer implements AutoCloseable {
    public static final String PATH = "/metrics";
    private final SmallHttpServer server;

    private MetricsServer(SmallHttpServer server) {
        this.server = server;
    }

    /** Listens on address and serves the exposition; the log gets the address it listens on. */
    public static MetricsServer start(InetSocketAddress address, MetricsExposition metrics, Consumer<String> log) throws Exception {
        SmallHttpServer server = SmallHttpServer.start(address, "kiln-metrics", "metrics", new Handler.Abstract() {
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
        MetricsServer s = new MetricsServer(server);
        log.accept("serving metrics on http://" + server.hostPort() + PATH);
        return s;
    }

    private static void text(Response response, Callback callback, int status, String body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
        Content.Sink.write(response, true, body, callback);
    }

    /** The port listened on (the kernel's choice when 0 was asked). */
    public int port() {
        return server.port();
    }

    @Override
    public void close() throws Exception {
        server.close();
    }
}
