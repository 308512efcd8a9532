package dev.kiln.cli;

import dev.kiln.cli.bench.WrkResult;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * examples/http-server on HotSpot, on loopback: the same source that becomes the image, checked
 * with curl, raw sockets (pipelining, malformed requests) and a short wrk run.
 */
class HttpServerExampleTest {
    private static HostJavaApp server;
    private static int port;

    @BeforeAll
    static void start() throws Exception {
        port = Tools.freePort();
        server = HostJavaApp.start(Tools.example("http-server"), List.of(), List.of(), Integer.toString(port));
        server.awaitOutput("listening on port " + port, 60_000);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    /**
     * Sends raw bytes, then reads until the server closes the connection; 30 s of silence (a
     * hang guard, not a deadline: the machine may be loaded) ends it with "<<no close>>".
     */
    static String exchange(int port, String request) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(30_000);
            s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            InputStream in = s.getInputStream();
            byte[] b = new byte[8192];
            try {
                int n;
                while ((n = in.read(b)) > 0) {
                    out.write(b, 0, n);
                }
            } catch (SocketTimeoutException e) {
                out.write("<<no close>>".getBytes(StandardCharsets.US_ASCII));
            }
            return out.toString(StandardCharsets.ISO_8859_1);
        }
    }

    static List<String> statusLines(String responses) {
        return responses.lines().filter(l -> l.startsWith("HTTP/1.1 ")).toList();
    }

    @Test
    void curlGetsThePageAndTheJson() throws Exception {
        Tools.require("curl");
        var page = Tools.run(90, "curl", "-sS", "-i", "http://127.0.0.1:" + port + "/");
        assertEquals(0, page.status(), page.output());
        assertTrue(page.output().startsWith("HTTP/1.1 200 OK\r\n"), page.output());
        assertTrue(page.output().contains("Content-Type: text/html"), page.output());
        assertTrue(page.output().contains("<h1>Hello from Kiln</h1>"), page.output());
        var json = Tools.run(90, "curl", "-sS", "-f", "http://127.0.0.1:" + port + "/api/stats");
        assertEquals(0, json.status(), json.output());
        assertTrue(json.output().matches("\\{\"uptime_ms\":\\d+,\"requests_served\":\\d+,\"open_connections\":\\d+,"
                + "\"connections_accepted\":\\d+}\\n"), json.output());
        var head = Tools.run(90, "curl", "-sS", "-I", "http://127.0.0.1:" + port + "/");
        assertTrue(head.output().contains("Content-Length: "), head.output());
    }

    @Test
    void statusCodesForBadRequests() throws Exception {
        assertStatusCodes(port);
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrder() throws Exception {
        assertPipelining(port);
    }

    @Test
    void keepAliveAndHttp10() throws Exception {
        assertKeepAlive(port);
    }

    /** The status codes of bad requests, each response followed by a close. Shared with the image test. */
    static void assertStatusCodes(int port) throws Exception {
        assertEquals("HTTP/1.1 404 Not Found", statusLines(exchange(port, "GET /nope HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")).get(0));
        String r405 = exchange(port, "DELETE / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertTrue(r405.startsWith("HTTP/1.1 405 Method Not Allowed\r\n") && r405.contains("\r\nAllow: GET, HEAD\r\n"), r405);
        String[][] bad = {
            {"GET / HTTP/1.1\r\n\r\n", "400"},                                   // no Host
            {"GET  / HTTP/1.1\r\nHost: x\r\n\r\n", "400"},                      // double space
            {"GET / HTTP/1.1 extra\r\nHost: x\r\n\r\n", "400"},                 // three parts
            {"G(T / HTTP/1.1\r\nHost: x\r\n\r\n", "400"},                       // not a token
            {"GET nope HTTP/1.1\r\nHost: x\r\n\r\n", "400"},                    // not origin-form
            {"GET / HTTP/1.1\r\nHost: x\r\nBad Name: y\r\n\r\n", "400"},        // space in a name
            {"GET / HTTP/1.1\r\nHost : x\r\n\r\n", "400"},                      // space before the colon
            {"GET / HTTP/1.1\r\nHost: x\r\n folded\r\n\r\n", "400"},           // obsolete folding
            {"GET / HTTP/1.1\r\nHost: x\ry\r\n\r\n", "400"},                    // bare CR
            {"GET / HTTP/1.1\r\nHost: x\r\nHost: y\r\n\r\n", "400"},           // two Hosts
            {"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello", "400"},
            {"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n", "400"},
            {"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999999999999\r\n\r\n", "400"},
            {"GET / HTTP/x.y\r\nHost: x\r\n\r\n", "400"},
            {"GET / HTTP/2.0\r\nHost: x\r\n\r\n", "505"},
            {"POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", "501"},
            {"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 2000000\r\n\r\n", "413"},
            {"GET / HTTP/1.1\r\nHost: x\r\nX: " + "a".repeat(9000) + "\r\n\r\n", "431"},
        };
        for (String[] c : bad) {
            String r = exchange(port, c[0]);
            String what = c[0].length() > 80 ? c[0].substring(0, 80) : c[0];
            assertTrue(r.startsWith("HTTP/1.1 " + c[1] + " "), what + " ->\n" + r);
            assertTrue(r.contains("\r\nConnection: close\r\n") && !r.endsWith("<<no close>>"), "closed after: " + what + "\n" + r);
        }
    }

    /** Pipelined requests, one with a body, are answered in order. Shared with the image test. */
    static void assertPipelining(int port) throws Exception {
        String r = exchange(port, "GET / HTTP/1.1\r\nHost: x\r\n\r\n"
                + "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello"     // body skipped exactly
                + "\r\nGET /nope HTTP/1.1\r\nHost: x\r\n\r\n"                       // an empty line before is allowed
                + "HEAD /api/stats HTTP/1.1\r\nHost: x\r\n\r\n"
                + "GET /api/stats HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertEquals(List.of("HTTP/1.1 200 OK", "HTTP/1.1 405 Method Not Allowed", "HTTP/1.1 404 Not Found", "HTTP/1.1 200 OK",
                "HTTP/1.1 200 OK"), statusLines(r), r);
        assertTrue(r.endsWith("}\n"), "the last response is the JSON, complete:\n" + r);
    }

    /** Keep-alive by default in HTTP/1.1, on request in HTTP/1.0, close wins. Shared with the image test. */
    static void assertKeepAlive(int port) throws Exception {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(30_000);
            InputStream in = s.getInputStream();
            for (int i = 0; i < 200; i++) {
                // The request in two pieces: the server must wait for the rest of the head.
                s.getOutputStream().write("GET /api/stats HT".getBytes(StandardCharsets.US_ASCII));
                s.getOutputStream().flush();
                s.getOutputStream().write("TP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                String resp = readResponse(in);
                assertTrue(resp.startsWith("HTTP/1.1 200 OK\r\n") && !resp.contains("Connection:"), resp);
            }
        }
        String plain10 = exchange(port, "GET / HTTP/1.0\r\n\r\n");
        assertTrue(plain10.startsWith("HTTP/1.1 200 OK") && plain10.contains("Connection: close") && !plain10.endsWith("<<no close>>"), plain10);
        String keep10 = exchange(port, "GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\nGET / HTTP/1.0\r\n\r\n");
        assertEquals(2, statusLines(keep10).size(), keep10);
        assertTrue(keep10.contains("Connection: keep-alive"), keep10);
        String closeWins = exchange(port, "GET / HTTP/1.1\r\nHost: x\r\nConnection: keep-alive, close\r\n\r\nGET / HTTP/1.1\r\nHost: x\r\n\r\n");
        assertEquals(1, statusLines(closeWins).size(), closeWins);
    }

    /** One response read by its Content-Length. */
    static String readResponse(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) {
                throw new IOException("EOF in the head: " + head);
            }
            head.write(c);
        }
        Matcher m = Pattern.compile("Content-Length: (\\d+)").matcher(head.toString(StandardCharsets.ISO_8859_1));
        assertTrue(m.find(), head.toString());
        byte[] body = in.readNBytes(Integer.parseInt(m.group(1)));
        return head.toString(StandardCharsets.ISO_8859_1) + new String(body, StandardCharsets.ISO_8859_1);
    }

    @Test
    void wrkLoadThenNoConnectionLeft() throws Exception {
        Tools.require("wrk", "curl");
        var w = Tools.run(60, "wrk", "-t", "2", "-c", "32", "-d", "2s", "--latency", "http://127.0.0.1:" + port + "/");
        assertEquals(0, w.status(), w.output());
        WrkResult r = WrkResult.parse(w.output());
        // How many requests wrk managed is a figure for kiln bench http, not a test's business.
        assertTrue(r.requests() > 0 && r.errors() == 0, w.output());
        // wrk has closed its connections: only the one asking remains open (the server may
        // see the closes a little later).
        long end = System.nanoTime() + 60_000_000_000L;
        String json;
        do {
            json = Tools.run(90, "curl", "-sS", "http://127.0.0.1:" + port + "/api/stats").output();
        } while (!json.contains("\"open_connections\":1,") && System.nanoTime() < end);
        assertTrue(json.contains("\"open_connections\":1,"), json);
    }
}
