package dev.kiln.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Debian's chromium, headless, driven through the Chrome DevTools Protocol from Java
 * (java.net.http's WebSocket and Jackson): a browser for the tests that keeps them in JUnit
 * without a node toolchain. One page; commands answer or fail with the browser's own error;
 * {@link #await} polls an expression in the page until it holds, bounded only against hangs.
 */
final class HeadlessChromium implements AutoCloseable {
    static final String BINARY = "/usr/bin/chromium";
    private static final long GUARD_MS = 90_000;
    private final ObjectMapper json = new ObjectMapper();
    private final Process process;
    private final Path profile;
    private final StringBuffer stderr = new StringBuffer();
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    /** Events of the page: uncaught exceptions and console errors, for a test to check there were none. */
    final List<String> pageErrors = java.util.Collections.synchronizedList(new ArrayList<>());
    private final String session;

    private HeadlessChromium(Process process, Path profile, URI browser, int width, int height) throws Exception {
        this.process = process;
        this.profile = profile;
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(browser, new Listener()).get(GUARD_MS, TimeUnit.MILLISECONDS);
        String target = send(null, "Target.createTarget", Map.of("url", "about:blank")).get("targetId").asText();
        this.session = send(null, "Target.attachToTarget", Map.of("targetId", target, "flatten", true)).get("sessionId").asText();
        command("Page.enable", Map.of());
        command("Runtime.enable", Map.of());
        command("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
    }

    /** Starts chromium (fails naming the package if it is not installed) with a page of width x height. */
    static HeadlessChromium start(int width, int height) throws Exception {
        if (!Files.isExecutable(Path.of(BINARY))) {
            throw new AssertionError("prerequisite missing: " + BINARY + " is not installed (Debian package chromium:"
                    + " apt-get install --no-install-recommends chromium; scripts/bootstrap.sh installs it for ./run-tests)");
        }
        Path profile = Files.createTempDirectory("kiln-chromium");
        Process p = new ProcessBuilder(BINARY, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-extensions", "--disable-background-networking", "--user-data-dir=" + profile,
                "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0", "about:blank")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        StringBuffer err = new StringBuffer();
        CompletableFuture<URI> url = new CompletableFuture<>();
        Thread reader = new Thread(() -> { // chromium says where it listens on stderr: "DevTools listening on ws://..."
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    err.append(line).append('\n');
                    if (line.startsWith("DevTools listening on ")) url.complete(URI.create(line.substring("DevTools listening on ".length()).strip()));
                }
            } catch (IOException ignored) {
                // the browser went away: the wait below says so
            }
            url.completeExceptionally(new AssertionError("chromium ended without a DevTools address:\n" + err));
        }, "chromium-stderr");
        reader.setDaemon(true);
        reader.start();
        try {
            HeadlessChromium c = new HeadlessChromium(p, profile, url.get(GUARD_MS, TimeUnit.MILLISECONDS), width, height);
            c.stderr.append(err);
            return c;
        } catch (Exception | Error e) {
            p.destroyForcibly();
            throw e;
        }
    }

    /** Loads url in the page (returns once navigation started; wait for the page's own state with {@link #await}). */
    void navigate(String url) throws Exception {
        JsonNode r = command("Page.navigate", Map.of("url", url));
        if (r.hasNonNull("errorText")) throw new AssertionError("chromium cannot load " + url + ": " + r.get("errorText").asText());
    }

    /** The value of a JavaScript expression in the page (JSON-able values only). */
    JsonNode eval(String expression) throws Exception {
        JsonNode r = command("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true));
        if (r.hasNonNull("exceptionDetails")) throw new AssertionError("in the page, " + expression + " threw: " + r.get("exceptionDetails"));
        JsonNode v = r.get("result").get("value");
        return v == null ? json.nullNode() : v;
    }

    /** Evaluates expression until its value satisfies done; the guard stops a hang, with what was seen last. */
    JsonNode await(String what, String expression, Predicate<JsonNode> done) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(GUARD_MS);
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = eval(expression);
            if (done.test(last)) return last;
            Thread.sleep(100);
        }
        throw new AssertionError("the page never showed " + what + " (" + expression + " last gave " + last + ")"
                + (pageErrors.isEmpty() ? "" : "; page errors: " + pageErrors));
    }

    /** A PNG of the page as it is now, written to file. */
    void screenshot(Path file) throws Exception {
        JsonNode r = command("Page.captureScreenshot", Map.of("format", "png"));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, Base64.getDecoder().decode(r.get("data").asText()));
    }

    private JsonNode command(String method, Map<String, Object> params) throws Exception {
        return send(session, method, params);
    }

    private JsonNode send(String sessionId, String method, Map<String, Object> params) throws Exception {
        int id = ids.incrementAndGet();
        ObjectNode msg = json.createObjectNode();
        msg.put("id", id);
        msg.put("method", method);
        msg.set("params", json.valueToTree(params));
        if (sessionId != null) msg.put("sessionId", sessionId);
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        synchronized (socket) {
            socket.sendText(json.writeValueAsString(msg), true).get(GUARD_MS, TimeUnit.MILLISECONDS);
        }
        JsonNode a;
        try {
            a = answer.get(GUARD_MS, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("chromium did not answer " + method + "\n--- chromium:\n" + stderr);
        }
        if (a.has("error")) throw new AssertionError("chromium refused " + method + " " + params + ": " + a.get("error"));
        return a.get("result");
    }

    private void onMessage(String text) {
        try {
            JsonNode m = json.readTree(text);
            if (m.has("id")) {
                CompletableFuture<JsonNode> f = pending.remove(m.get("id").asInt());
                if (f != null) f.complete(m);
            } else if ("Runtime.exceptionThrown".equals(m.path("method").asText())) {
                pageErrors.add("exception: " + m.get("params").get("exceptionDetails"));
            } else if ("Runtime.consoleAPICalled".equals(m.path("method").asText())
                    && "error".equals(m.get("params").path("type").asText())) {
                pageErrors.add("console.error: " + m.get("params").get("args"));
            }
        } catch (IOException e) {
            pageErrors.add("unreadable DevTools message: " + e);
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                onMessage(text);
            }
            ws.request(1);
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            pending.values().forEach(f -> f.completeExceptionally(error));
        }
    }

    @Override
    public void close() throws Exception {
        try {
            socket.sendText("{\"id\":" + ids.incrementAndGet() + ",\"method\":\"Browser.close\"}", true).get(10, TimeUnit.SECONDS);
        } catch (Exception ignored) {
            // destroyed below all the same
        }
        socket.abort();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
        try (var all = Files.walk(profile)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a file chromium still held: /tmp is cleaned later
        }
    }
}
