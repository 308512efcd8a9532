package dev.kiln.engine.client;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.engine.api.ApiError;
import dev.kiln.engine.api.ApiJson;
import dev.kiln.engine.api.ApiPaths;
import dev.kiln.engine.api.CreateRequest;
import dev.kiln.engine.api.CreateResponse;
import dev.kiln.engine.api.DaemonInfo;
import dev.kiln.engine.api.DebugResponse;
import dev.kiln.engine.api.ProfileResponse;
import dev.kiln.engine.api.Event;
import dev.kiln.engine.api.LogEntry;
import dev.kiln.engine.api.StopResponse;
import dev.kiln.engine.api.VmDetails;
import dev.kiln.engine.api.VmSummary;
import dev.kiln.engine.api.VmStatsReading;
import dev.kiln.engine.api.WaitResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.CompletableResponseListener;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.InputStreamResponseListener;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Transport;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The one client of the daemon's API (the CLI's verbs and the tests use it): Jetty's HTTP
 * client over the unix socket, the request and answer records of {@code dev.kiln.engine.api}.
 * A refusal of the daemon is an {@link ApiException} with its message; no daemon at all is a
 * {@link DaemonUnreachableException}.
 */
public final class KilnClient implements AutoCloseable {
    /** The longest a plain request may take; stop, restart, wait and streams have their own. */
    static final long TIMEOUT_SECONDS = 60;
    /** The most of an answer buffered: Jetty's default, ample for JSON. */
    private static final int DEFAULT_MAX_ANSWER_BYTES = 2 << 20;
    /** GET /metrics of many VMs is larger: 1,000 VMs take several MiB of text. */
    private static final int METRICS_MAX_BYTES = 256 << 20;
    private final HttpClient http;
    private final Transport transport;
    private final Path socket;
    private final ObjectMapper json = ApiJson.mapper();

    private KilnClient(HttpClient http, Path socket) {
        this.http = http;
        this.socket = socket;
        this.transport = new Transport.TCPUnix(socket);
    }

    /** A client of the daemon on this socket (nothing is sent yet). */
    public static KilnClient of(Path socket) {
        QueuedThreadPool pool = new QueuedThreadPool(8, 1);
        pool.setName("kiln-client");
        pool.setDaemon(true);
        HttpClient http = new HttpClient();
        http.setExecutor(pool);
        http.setUserAgentField(null);
        http.setIdleTimeout(0);
        try {
            http.start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the HTTP client: " + e, e);
        }
        return new KilnClient(http, socket);
    }

    public Path socket() {
        return socket;
    }

    // ---- the routes ----------------------------------------------------------------------

    public DaemonInfo info() {
        return call(request("GET", ApiPaths.INFO), DaemonInfo.class, TIMEOUT_SECONDS);
    }

    /** GET /metrics: every VM's metrics in Prometheus' text format, as the daemon answered it. */
    public String metrics() {
        ContentResponse resp = send(request("GET", ApiPaths.METRICS), TIMEOUT_SECONDS, METRICS_MAX_BYTES);
        if (resp.getStatus() >= 300) throw refusal(resp.getStatus(), resp.getContent());
        return resp.getContentAsString();
    }

    /** GET /v1/stats: every running VM's cumulative figures, read now by the daemon. */
    public List<VmStatsReading> stats() {
        return call(request("GET", ApiPaths.STATS),
                json.getTypeFactory().constructType(new TypeReference<List<VmStatsReading>>() {}), TIMEOUT_SECONDS);
    }

    public CreateResponse create(CreateRequest req) {
        return call(request("POST", ApiPaths.VMS).body(jsonBody(req)), CreateResponse.class, TIMEOUT_SECONDS);
    }

    public List<VmSummary> list(boolean all) {
        return list(all, null);
    }

    /** @param label KEY=VALUE: only the VMs with that label; null: all */
    public List<VmSummary> list(boolean all, String label) {
        Request r = request("GET", ApiPaths.VMS);
        if (all) r.param("all", "true");
        if (label != null) r.param("label", label);
        return call(r, json.getTypeFactory().constructType(new TypeReference<List<VmSummary>>() {}), TIMEOUT_SECONDS);
    }

    public VmDetails inspect(String ref) {
        return call(request("GET", ApiPaths.vm(ApiPaths.VM, ref)), VmDetails.class, TIMEOUT_SECONDS);
    }

    public void start(String ref) {
        call(request("POST", ApiPaths.vm(ApiPaths.VM_START, ref)), Void.class, TIMEOUT_SECONDS);
    }

    /** @param graceSeconds null for the daemon's default (10 s) */
    public StopResponse stop(String ref, Integer graceSeconds) {
        Request r = request("POST", ApiPaths.vm(ApiPaths.VM_STOP, ref));
        if (graceSeconds != null) r.param("t", graceSeconds.toString());
        return call(r, StopResponse.class, TIMEOUT_SECONDS + (graceSeconds == null ? 10 : graceSeconds));
    }

    public StopResponse restart(String ref, Integer graceSeconds) {
        Request r = request("POST", ApiPaths.vm(ApiPaths.VM_RESTART, ref));
        if (graceSeconds != null) r.param("t", graceSeconds.toString());
        return call(r, StopResponse.class, TIMEOUT_SECONDS + (graceSeconds == null ? 10 : graceSeconds));
    }

    public void kill(String ref, String signal) {
        Request r = request("POST", ApiPaths.vm(ApiPaths.VM_KILL, ref));
        if (signal != null) r.param("signal", signal);
        call(r, Void.class, TIMEOUT_SECONDS);
    }

    public void remove(String ref, boolean force) {
        Request r = request("DELETE", ApiPaths.vm(ApiPaths.VM, ref));
        if (force) r.param("force", "true");
        call(r, Void.class, TIMEOUT_SECONDS);
    }

    /** Opens (or finds) the GDB stub of a running VM: the unix socket gdb attaches to. */
    public DebugResponse debug(String ref) {
        return call(request("POST", ApiPaths.vm(ApiPaths.VM_DEBUG, ref)), DebugResponse.class, TIMEOUT_SECONDS);
    }

    /** The Java stack of every green thread of a running native VM. */
    public dev.kiln.engine.api.StackResponse stack(String ref) {
        return call(request("GET", ApiPaths.vm(ApiPaths.VM_STACK, ref)), dev.kiln.engine.api.StackResponse.class,
                TIMEOUT_SECONDS);
    }

    /** Has the daemon write a core file of a running native VM in the VM's state directory. */
    public dev.kiln.engine.api.DumpResponse dump(String ref) {
        return call(request("POST", ApiPaths.vm(ApiPaths.VM_DUMP, ref)), dev.kiln.engine.api.DumpResponse.class,
                TIMEOUT_SECONDS);
    }

    /** Samples a running VM for {@code seconds} at {@code rateHz} and returns its folded stacks (kiln profile NAME). */
    public ProfileResponse profile(String ref, int seconds, int rateHz) {
        Request r = request("POST", ApiPaths.vm(ApiPaths.VM_PROFILE, ref));
        r.param("seconds", Integer.toString(seconds));
        r.param("rate", Integer.toString(rateHz));
        return call(r, ProfileResponse.class, TIMEOUT_SECONDS + seconds);
    }

    /** Blocks until the VM's run ends (condition not-running or next-exit; null: not-running). */
    public WaitResponse await(String ref, String condition) {
        Request r = request("POST", ApiPaths.vm(ApiPaths.VM_WAIT, ref));
        if (condition != null) r.param("condition", condition);
        return call(r, WaitResponse.class, 0);
    }

    /**
     * Reads a VM's log; with follow, until the VM ended for good or each returns false.
     *
     * @param since null for all that is kept
     * @param tail null for all
     */
    public void logs(String ref, boolean follow, Instant since, Integer tail, Predicate<LogEntry> each) {
        Request r = request("GET", ApiPaths.vm(ApiPaths.VM_LOGS, ref));
        if (follow) r.param("follow", "true");
        if (since != null) r.param("since", since.toString());
        if (tail != null) r.param("tail", tail.toString());
        stream(r, LogEntry.class, each);
    }

    /** Reads events (from since, up to until; null: from now, forever) until each returns false. */
    public void events(Instant since, Instant until, String vm, Predicate<Event> each) {
        Request r = request("GET", ApiPaths.EVENTS);
        if (since != null) r.param("since", since.toString());
        if (until != null) r.param("until", until.toString());
        if (vm != null) r.param("vm", vm);
        stream(r, Event.class, each);
    }

    // ---- plumbing ------------------------------------------------------------------------

    /**
     * A request on a connection of its own (Connection: close): connecting to a unix socket costs
     * microseconds, and a connection that is never reused cannot race the daemon closing it as idle.
     */
    private Request request(String method, String path) {
        return http.newRequest("http://kiln" + path).method(method).transport(transport)
                .headers(h -> h.put(HttpHeader.CONNECTION, "close"));
    }

    private BytesRequestContent jsonBody(Object value) {
        try {
            return new BytesRequestContent("application/json", json.writeValueAsBytes(value));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot encode the request: " + e.getMessage(), e);
        }
    }

    private <T> T call(Request r, Class<T> type, long timeoutSeconds) {
        return call(r, json.getTypeFactory().constructType(type), timeoutSeconds);
    }

    /** Sends r (timeoutSeconds 0: no limit); the daemon's absence, a timeout and an interrupt become this client's errors. */
    private ContentResponse send(Request r, long timeoutSeconds) {
        return send(r, timeoutSeconds, DEFAULT_MAX_ANSWER_BYTES);
    }

    /** Sends r and buffers the answer, at most maxBytes of it (more fails the call). */
    private ContentResponse send(Request r, long timeoutSeconds, int maxBytes) {
        if (timeoutSeconds > 0) r.timeout(timeoutSeconds, TimeUnit.SECONDS);
        try {
            return new CompletableResponseListener(r, maxBytes).send().get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TimeoutException) {
                throw new DaemonUnreachableException("the kiln daemon at unix://" + socket + " did not answer within "
                        + timeoutSeconds + " s", e.getCause());
            }
            throw unreachable(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private <T> T call(Request r, JavaType type, long timeoutSeconds) {
        ContentResponse resp = send(r, timeoutSeconds);
        byte[] body = resp.getContent();
        if (resp.getStatus() >= 300) throw refusal(resp.getStatus(), body);
        if (type.getRawClass() == Void.class || body.length == 0) return null;
        try {
            return json.readValue(body, type);
        } catch (IOException e) {
            throw new IllegalStateException("the daemon's answer is not the expected JSON: " + e.getMessage(), e);
        }
    }

    private <T> void stream(Request r, Class<T> type, Predicate<T> each) {
        InputStreamResponseListener listener = new InputStreamResponseListener();
        r.send(listener);
        Response resp;
        try {
            resp = listener.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw unreachable(e.getCause());
        } catch (TimeoutException e) {
            r.abort(e);
            throw new DaemonUnreachableException("the kiln daemon at unix://" + socket + " did not answer within "
                    + TIMEOUT_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        try (InputStream in = listener.getInputStream()) {
            if (resp.getStatus() >= 300) throw refusal(resp.getStatus(), in.readAllBytes());
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = lines.readLine()) != null; ) {
                if (line.isBlank()) continue; // a keep-alive
                if (!each.test(json.readValue(line, type))) {
                    r.abort(new IOException("the reader stopped"));
                    return;
                }
            }
        } catch (IOException e) {
            throw new DaemonUnreachableException("the stream from the kiln daemon broke: " + e.getMessage(), e);
        }
    }

    private ApiException refusal(int status, byte[] body) {
        try {
            return new ApiException(status, json.readValue(body, ApiError.class).message());
        } catch (IOException e) {
            return new ApiException(status, "HTTP " + status + " from the daemon: " + new String(body, StandardCharsets.UTF_8).strip());
        }
    }

    private DaemonUnreachableException unreachable(Throwable cause) {
        String why;
        if (!Files.exists(socket)) {
            why = "no such socket (is `kiln daemon` running? `kiln run -d` starts one)";
        } else if (cause instanceof ConnectException || cause instanceof java.net.SocketException) {
            String m = String.valueOf(cause.getMessage());
            why = m.contains("ermission") ? "permission denied: the socket lets in only its owner and its group (root's daemon: the"
                    + " group kiln)" : "nothing answers there (" + m + "): the daemon is not running";
        } else {
            why = cause.getMessage() == null ? cause.toString() : cause.getMessage();
        }
        return new DaemonUnreachableException("cannot reach the kiln daemon at unix://" + socket + ": " + why, cause);
    }

    @Override
    public void close() {
        try {
            http.stop();
        } catch (Exception e) {
            // nothing to release beyond what stop already did
        }
    }
}
