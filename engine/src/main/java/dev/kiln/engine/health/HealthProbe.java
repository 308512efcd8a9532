package dev.kiln.engine.health;

import dev.kiln.engine.api.HealthCheck;
import dev.kiln.engine.api.HealthReport;
import dev.kiln.engine.net.GuestEndpoint;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * One probe of a health check, from the host through the VM's network: tcp:PORT passes when
 * the guest accepts a TCP connection on PORT; http:PORT/PATH when a GET of PATH gets a status
 * line with a status below 400 (what `curl -f`, the usual Docker health command, accepts). The
 * whole probe must end within the timeout. Blocking; run it on a virtual thread.
 */
final class HealthProbe {
    /** The most of the answer read: the status line is all a probe needs. */
    static final int MAX_STATUS_LINE = 1024;

    private HealthProbe() {}

    static HealthReport.Result run(HealthCheck check, GuestEndpoint endpoint) {
        Instant start = Instant.now();
        long deadline = System.nanoTime() + check.timeoutMs() * 1_000_000L;
        String output;
        boolean ok;
        try (SocketChannel ch = endpoint.open()) {
            Socket s = ch.socket();
            s.connect(endpoint.address(check.port()), remainingMs(deadline));
            if (!check.http()) {
                ok = true;
                output = "connected to port " + check.port();
            } else {
                s.setSoTimeout(remainingMs(deadline));
                String status = httpGet(s, check, deadline);
                int code = statusCode(status);
                ok = code > 0 && code < 400;
                output = code > 0 ? "GET " + check.path() + ": " + status : "GET " + check.path() + ": not an HTTP answer: " + status;
            }
        } catch (SocketTimeoutException e) {
            ok = false;
            output = "timed out after " + check.timeoutMs() + " ms";
        } catch (IOException | RuntimeException e) {
            ok = false;
            output = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        return new HealthReport.Result(start, Instant.now(), ok, output);
    }

    private static int remainingMs(long deadline) throws SocketTimeoutException {
        long ms = (deadline - System.nanoTime()) / 1_000_000L;
        if (ms <= 0) throw new SocketTimeoutException("timed out");
        return (int) Math.min(ms, Integer.MAX_VALUE);
    }

    /** Sends a GET and returns the status line (without CRLF). */
    private static String httpGet(Socket s, HealthCheck check, long deadline) throws IOException {
        OutputStream out = s.getOutputStream();
        String request = "GET " + check.path() + " HTTP/1.1\r\nHost: " + s.getInetAddress().getHostAddress() + ":" + check.port()
                + "\r\nUser-Agent: kiln-health\r\nConnection: close\r\n\r\n";
        out.write(request.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = s.getInputStream();
        StringBuilder line = new StringBuilder();
        while (line.length() < MAX_STATUS_LINE) {
            s.setSoTimeout(remainingMs(deadline));
            int c = in.read();
            if (c < 0 || c == '\n') break;
            if (c != '\r') line.append((char) c);
        }
        if (line.isEmpty()) throw new IOException("the connection closed without an answer");
        return line.toString();
    }

    /** The status of "HTTP/1.x NNN reason", or -1. */
    static int statusCode(String statusLine) {
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/") || !parts[1].matches("[1-5][0-9][0-9]")) return -1;
        return Integer.parseInt(parts[1]);
    }
}
