package dev.kiln.engine.dashboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.engine.EngineException;
import dev.kiln.engine.api.ApiJson;
import dev.kiln.engine.server.SmallHttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * The dashboard on TCP (--dashboard-addr): the page and its assets, and two JSON routes it
 * polls, GET /api/vms (every VM now) and GET /api/vms/REF/logs?tail=N (a log's last lines).
 *
 * <p>Read-only by construction: it knows the engine only through {@link DashboardReader}, which
 * only reads, and answers GET and HEAD alone (405 for any other method, on any path). Every
 * answer carries a Content-Security-Policy that lets the page load nothing from another origin
 * and run no inline script, so that what a guest wrote (its log lines, which the page puts in
 * the document as text) cannot become code even if the page had a bug. On a loopback address it
 * also answers only requests whose Host is a loopback name or address: a web page elsewhere
 * cannot read it through a DNS name rebound to 127.0.0.1.
 */
public final class DashboardServer implements AutoCloseable {
    public static final String CONTENT_SECURITY_POLICY =
            "default-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    static final String VMS = "/api/vms";
    private static final Pattern LOGS = Pattern.compile("/api/vms/([A-Za-z0-9][A-Za-z0-9_.-]{0,127})/logs");
    private static final int DEFAULT_LOG_LINES = 100;
    private final SmallHttpServer server;

    private DashboardServer(SmallHttpServer server) {
        this.server = server;
    }

    /** Listens on address; the log gets the page's URL. */
    public static DashboardServer start(InetSocketAddress address, DashboardReader reader, Consumer<String> log) throws Exception {
        DashboardAssets assets = DashboardAssets.load();
        ObjectMapper json = ApiJson.mapper();
        boolean loopbackOnly = address.getAddress().isLoopbackAddress();
        SmallHttpServer server = SmallHttpServer.start(address, "kiln-dashboard", "the dashboard", new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                String method = request.getMethod();
                String path = request.getHttpURI().getDecodedPath();
                boolean head = method.equals("HEAD");
                response.getHeaders().put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
                response.getHeaders().put("X-Content-Type-Options", "nosniff");
                response.getHeaders().put("Referrer-Policy", "no-referrer");
                response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
                if (!method.equals("GET") && !head) {
                    response.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD");
                    send(response, callback, 405, "text/plain; charset=utf-8", "the dashboard is read-only: GET it\n", false);
                    return true;
                }
                if (loopbackOnly && !loopbackHost(Request.getServerName(request))) {
                    send(response, callback, 421, "text/plain; charset=utf-8",
                            "this dashboard answers only to a loopback address or localhost\n", head);
                    return true;
                }
                try {
                    DashboardAssets.Asset a = assets.at(path);
                    Matcher logs = LOGS.matcher(path);
                    if (a != null) {
                        send(response, callback, 200, a.contentType(), a.bytes(), head);
                    } else if (path.equals(VMS)) {
                        send(response, callback, 200, "application/json", json.writeValueAsBytes(reader.view()), head);
                    } else if (logs.matches()) {
                        int lines = tail(Request.extractQueryParameters(request));
                        send(response, callback, 200, "application/json",
                                json.writeValueAsBytes(reader.logTail(logs.group(1), lines)), head);
                    } else {
                        send(response, callback, 404, "text/plain; charset=utf-8", "no such page on the dashboard\n", head);
                    }
                } catch (EngineException e) {
                    send(response, callback, e.kind().status, "text/plain; charset=utf-8", e.getMessage() + "\n", head);
                } catch (IOException | RuntimeException e) {
                    log.accept("dashboard: " + method + " " + path + " failed: " + e);
                    send(response, callback, 500, "text/plain; charset=utf-8", "the daemon could not answer: " + e.getMessage() + "\n", head);
                }
                return true;
            }
        });
        DashboardServer s = new DashboardServer(server);
        log.accept("serving the dashboard on http://" + server.hostPort() + "/");
        return s;
    }

    /** tail=N, 1 to {@link DashboardReader#MAX_LOG_LINES}; a bad value is a 400 with its reason. */
    private static int tail(Fields query) {
        String v = query.getValue("tail");
        if (v == null) return DEFAULT_LOG_LINES;
        if (!v.matches("[0-9]{1,4}") || Integer.parseInt(v) < 1 || Integer.parseInt(v) > DashboardReader.MAX_LOG_LINES) {
            throw EngineException.badRequest("tail must be a number from 1 to " + DashboardReader.MAX_LOG_LINES + ", not '" + v + "'");
        }
        return Integer.parseInt(v);
    }

    /** localhost, or an IPv4 or IPv6 loopback address (no name lookup: a name could be rebound). */
    static boolean loopbackHost(String host) {
        if (host == null) return false;
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (h.equalsIgnoreCase("localhost")) return true;
        if (h.matches("127\\.[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}")) return true;
        return h.equals("::1") || h.equalsIgnoreCase("0:0:0:0:0:0:0:1");
    }

    private static void send(Response response, Callback callback, int status, String type, String body, boolean head) {
        send(response, callback, status, type, body.getBytes(StandardCharsets.UTF_8), head);
    }

    private static void send(Response response, Callback callback, int status, String type, byte[] body, boolean head) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, head ? ByteBuffer.allocate(0) : ByteBuffer.wrap(body), callback);
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
