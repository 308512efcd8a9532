package dev.kiln.libos.classlib.com.sun.net.httpserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Kiln's com.sun.net.httpserver against the JDK's own, on HotSpot and loopback: the same
 * handlers behind both servers, the same raw requests (several pipelined on one connection),
 * and the bytes of the responses must be equal (the Date header's value aside, which is checked
 * for its format). On HotSpot Kiln's classes use the JDK's java.net; in an image the same code
 * runs on libos's sockets (NativeHttpServerTest in cli serves curl from an image).
 */
class KilnHttpServerTest {
    private static final Pattern DATE = Pattern.compile("Date: ([^\r]*)\r\n");

    /** Each case: raw requests written at once on one connection; the answer is read until the server closes it. */
    private static final List<String> CASES = List.of(
            "GET /hello HTTP/1.1\r\nHost: x\r\n\r\nGET /hello?a=b HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
            "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 11\r\n\r\nhello worldGET /hello HTTP/1.1\r\nHost: x\r\n"
                    + "Connection: close\r\n\r\n",
            "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6\r\n world\r\n0\r\n"
                    + "\r\nGET /hello HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
            "GET /chunked HTTP/1.1\r\nHost: x\r\n\r\nGET /chunked HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
            "HEAD /hello HTTP/1.1\r\nHost: x\r\n\r\nGET /empty HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
            "GET /nowhere HTTP/1.1\r\nHost: x\r\n\r\n",
            "GET /hello HTTP/1.0\r\n\r\n",
            "GET /hello HTTP/1.0\r\nConnection: keep-alive\r\n\r\nGET /chunked HTTP/1.0\r\n\r\n",
            "GARBAGE\r\n\r\n",
            "GET /hello HTTP/1.1\r\nBad Name: 1\r\n\r\n",
            "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 1\r\n\r\nx",
            "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n",
            "GET /hello/sub HTTP/1.1\r\nHost: x\r\nUser-Agent: T\r\nConnection: close\r\n\r\n",
            "GET /throws HTTP/1.1\r\nHost: x\r\n\r\n",
            "POST /ignore HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nabcdeGET /hello HTTP/1.1\r\nHost: x\r\n"
                    + "Connection: close\r\n\r\n");

    @Test
    void kilnsServerAnswersAsTheJdksDoes() throws Exception {
        assertSameAnswers(null);
    }

    @Test
    void withAnExecutorTheAnswersAreTheSame() throws Exception {
        assertSameAnswers(r -> new Thread(r).start());
    }

    private static void assertSameAnswers(Executor executor) throws Exception {
        InetSocketAddress any = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        com.sun.net.httpserver.HttpServer jdk = com.sun.net.httpserver.HttpServer.create(any, 0);
        JdkHandlers.install(jdk);
        jdk.setExecutor(executor);
        THttpServer kiln = THttpServer.create(any, 0);
        KilnHandlers.install(kiln);
        kiln.setExecutor(executor);
        jdk.start();
        kiln.start();
        try {
            for (String c : CASES) {
                String expected = exchange(jdk.getAddress().getPort(), c);
                String actual = exchange(kiln.getAddress().getPort(), c);
                if (System.getProperty("kiln.test.showHttp") != null) {
                    System.out.println("---- " + c.replace("\r\n", "\\r\\n") + "\n" + expected);
                }
                // Only a handler that throws gets no answer at all; anything else is answered.
                assertEquals(c.contains("/throws"), expected.isEmpty(), "the JDK's answer to " + c + ": " + expected);
                assertEquals(expected, actual, "for the requests " + c.replace("\r\n", "\\r\\n"));
            }
        } finally {
            jdk.stop(0);
            kiln.stop(0);
        }
    }

    private static String exchange(int port, String requests) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(30_000);
            s.getOutputStream().write(requests.getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().flush();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            InputStream in = s.getInputStream();
            byte[] buf = new byte[4096];
            int n;
            while ((n = in.read(buf)) > 0) {
                all.write(buf, 0, n);
            }
            String text = all.toString(StandardCharsets.ISO_8859_1);
            Matcher m = DATE.matcher(text);
            while (m.find()) {
                // The JDK's own formatter is the reference for the format
                Instant.from(DateTimeFormatter.RFC_1123_DATE_TIME.parse(m.group(1)));
                assertTrue(m.group(1).endsWith(" GMT"), m.group(1));
            }
            return m.replaceAll("Date: (a date)\r\n");
        }
    }

    @Test
    void datesAreFormattedAsTheJdksServerDoes() {
        DateTimeFormatter jdk = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss zzz", Locale.US)
                .withZone(ZoneOffset.UTC).withZone(java.time.ZoneId.of("GMT"));
        long[] samples = {0L, 951_782_400_000L, 951_868_799_000L, 1_709_164_800_000L, 4_102_444_799_999L,
            1_798_761_600_000L, -86_400_000L, 253_402_300_799_000L};
        List<String> problems = new ArrayList<>();
        for (long t : samples) {
            String want = jdk.format(Instant.ofEpochMilli(t));
            String got = TKilnHttpDate.format(t);
            if (!want.equals(got)) {
                problems.add(t + ": " + got + " != " + want);
            }
        }
        java.util.Random r = new java.util.Random(7);
        for (int i = 0; i < 20_000; i++) {
            long t = r.nextLong(-5_000_000_000_000L, 50_000_000_000_000L);
            String want = jdk.format(Instant.ofEpochMilli(t));
            if (!want.equals(TKilnHttpDate.format(t))) {
                problems.add(t + ": " + TKilnHttpDate.format(t) + " != " + want);
            }
        }
        assertEquals(List.of(), problems);
    }

    /** The handlers, written against the JDK's API. */
    static final class JdkHandlers {
        static void install(com.sun.net.httpserver.HttpServer s) {
            s.createContext("/hello", x -> {
                byte[] body = ("hello " + x.getRequestURI() + " " + x.getRequestMethod() + " "
                        + x.getRequestHeaders().getFirst("user-agent") + "\n").getBytes(StandardCharsets.UTF_8);
                x.getResponseHeaders().add("Content-Type", "text/plain");
                x.sendResponseHeaders(200, x.getRequestMethod().equals("HEAD") ? -1 : body.length);
                try (OutputStream o = x.getResponseBody()) {
                    if (!x.getRequestMethod().equals("HEAD")) {
                        o.write(body);
                    }
                }
            });
            s.createContext("/echo", x -> {
                byte[] body = x.getRequestBody().readAllBytes();
                x.sendResponseHeaders(201, body.length);
                x.getResponseBody().write(body);
                x.close();
            });
            s.createContext("/chunked", x -> {
                x.sendResponseHeaders(200, 0);
                OutputStream o = x.getResponseBody();
                o.write("first ".getBytes(StandardCharsets.US_ASCII));
                o.flush();
                o.write(new byte[5000]);
                o.write("last".getBytes(StandardCharsets.US_ASCII));
                o.close();
            });
            s.createContext("/empty", x -> {
                x.sendResponseHeaders(204, -1);
                x.close();
            });
            s.createContext("/throws", x -> {
                throw new IOException("the handler failed");
            });
            s.createContext("/ignore", x -> {
                x.sendResponseHeaders(200, -1);
                x.close();
            });
        }
    }

    /** The same handlers against Kiln's API. */
    static final class KilnHandlers {
        static void install(THttpServer s) {
            s.createContext("/hello", x -> {
                byte[] body = ("hello " + x.getRequestURI() + " " + x.getRequestMethod() + " "
                        + x.getRequestHeaders().getFirst("user-agent") + "\n").getBytes(StandardCharsets.UTF_8);
                x.getResponseHeaders().add("Content-Type", "text/plain");
                x.sendResponseHeaders(200, x.getRequestMethod().equals("HEAD") ? -1 : body.length);
                try (OutputStream o = x.getResponseBody()) {
                    if (!x.getRequestMethod().equals("HEAD")) {
                        o.write(body);
                    }
                }
            });
            s.createContext("/echo", x -> {
                byte[] body = x.getRequestBody().readAllBytes();
                x.sendResponseHeaders(201, body.length);
                x.getResponseBody().write(body);
                x.close();
            });
            s.createContext("/chunked", x -> {
                x.sendResponseHeaders(200, 0);
                OutputStream o = x.getResponseBody();
                o.write("first ".getBytes(StandardCharsets.US_ASCII));
                o.flush();
                o.write(new byte[5000]);
                o.write("last".getBytes(StandardCharsets.US_ASCII));
                o.close();
            });
            s.createContext("/empty", x -> {
                x.sendResponseHeaders(204, -1);
                x.close();
            });
            s.createContext("/throws", x -> {
                throw new IOException("the handler failed");
            });
            s.createContext("/ignore", x -> {
                x.sendResponseHeaders(200, -1);
                x.close();
            });
        }
    }
}
