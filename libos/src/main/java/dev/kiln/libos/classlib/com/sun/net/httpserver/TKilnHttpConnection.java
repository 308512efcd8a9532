package dev.kiln.libos.classlib.com.sun.net.httpserver;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * One connection of {@link TKilnHttpServer}: reads a request head, checks it as the JDK's server
 * does (the same status codes and texts for a bad request line, header name, lengths and
 * encodings, an unknown path), and runs the exchange; then the next request on the same
 * connection, until either side closes it or it idles for {@link TKilnHttpServer#IDLE_MILLIS}.
 */
final class TKilnHttpConnection implements Runnable {
    /** Bounds on a request head (the JDK's defaults: 200 headers, 380 KiB). */
    private static final int MAX_HEADERS = 200;
    private static final int MAX_HEAD_BYTES = 380 * 1024;

    private final TKilnHttpServer server;
    private final Socket socket;
    private InputStream in;
    private OutputStream out;
    private boolean closed;
    private int headBytes;

    TKilnHttpConnection(TKilnHttpServer server, Socket socket) {
        this.server = server;
        this.socket = socket;
    }

    @Override
    public void run() {
        try {
            in = new BufferedInputStream(socket.getInputStream(), 4096);
            out = new BufferedOutputStream(socket.getOutputStream(), 8192);
            while (!server.isFinishing() && serveOne()) {
                // next request on this connection
            }
        } catch (IOException | RuntimeException e) {
            // the peer went away or broke the protocol: the connection ends
        } finally {
            close();
            server.removeConnection(this);
        }
    }

    /** Reads and answers one request; false when the connection must close. */
    private boolean serveOne() throws IOException {
        socket.setSoTimeout(TKilnHttpServer.IDLE_MILLIS);
        headBytes = 0;
        String requestLine;
        try {
            do {
                requestLine = readLine();
            } while (requestLine != null && requestLine.isEmpty());
        } catch (SocketTimeoutException e) {
            return false;
        }
        if (requestLine == null) {
            return false;
        }
        socket.setSoTimeout(0);
        int sp1 = requestLine.indexOf(' ');
        int sp2 = sp1 < 0 ? -1 : requestLine.indexOf(' ', sp1 + 1);
        if (sp2 < 0) {
            return reject(400, "Bad request line");
        }
        String method = requestLine.substring(0, sp1);
        String target = requestLine.substring(sp1 + 1, sp2);
        String version = requestLine.substring(sp2 + 1);
        URI uri;
        try {
            uri = new URI(target);
        } catch (URISyntaxException e) {
            return reject(400, "URISyntaxException thrown");
        }
        THeaders headers = new THeaders();
        if (!readHeaders(headers)) {
            return reject(400, "Too many headers or header too large");
        }
        for (String k : headers.keySet()) {
            if (!isToken(k)) {
                return reject(400, "Header key contains illegal characters");
            }
        }
        List<String> lengths = headers.get("Content-Length");
        List<String> encodings = headers.get("Transfer-encoding");
        if (lengths != null && (encodings != null || lengths.size() > 1)) {
            return reject(400, "Conflicting or malformed headers detected");
        }
        long length = 0;
        if (encodings != null && !encodings.isEmpty()) {
            if (!encodings.get(0).equalsIgnoreCase("chunked") || encodings.size() != 1) {
                return reject(501, "Unsupported Transfer-Encoding value");
            }
            length = -1;
        } else if (lengths != null && !lengths.isEmpty()) {
            try {
                length = Long.parseLong(lengths.get(0));
            } catch (NumberFormatException e) {
                return reject(400, "NumberFormatException thrown");
            }
            if (length < 0) {
                return reject(400, "Illegal Content-Length value");
            }
        }
        String path = uri.getPath();
        TKilnHttpContext context = server.find(path == null ? "" : path, false);
        if (context == null) {
            return reject(404, "No context found for request");
        }
        THttpHandler handler = context.getHandler();
        if (handler == null) {
            return reject(500, "No handler for context");
        }
        TKilnHttpExchange exchange = new TKilnHttpExchange(this, context, method, uri, version, headers, length);
        String connection = headers.getFirst("Connection");
        if (connection != null && connection.equalsIgnoreCase("close")) {
            exchange.closeAfter = true;
        }
        if (version.equalsIgnoreCase("HTTP/1.0")) {
            exchange.http10 = true;
            if (connection == null) {
                exchange.closeAfter = true;
                exchange.getResponseHeaders().set("Connection", "close");
            } else if (connection.equalsIgnoreCase("keep-alive")) {
                exchange.getResponseHeaders().set("Connection", "keep-alive");
                exchange.getResponseHeaders().set("Keep-Alive", "timeout=" + TKilnHttpServer.IDLE_MILLIS / 1000);
            }
        }
        String expect = headers.getFirst("Expect");
        if (expect != null && expect.equalsIgnoreCase("100-continue")) {
            writeReply(100, null, false);
        }
        run(exchange, new TFilter.Chain(context.getFilters(), handler));
        return !exchange.closeAfter && !closed;
    }

    /** Runs the exchange on the server's executor (or this thread) and waits until it has ended. */
    private void run(TKilnHttpExchange exchange, TFilter.Chain chain) {
        server.exchangeStarted();
        try {
            Runnable task = new ExchangeTask(exchange, chain);
            Executor e = server.executor();
            if (e == null) {
                task.run();
            } else {
                try {
                    e.execute(task);
                } catch (RuntimeException rejected) {
                    close();
                    exchange.ended();
                }
            }
            exchange.awaitEnd();
        } finally {
            server.exchangeEnded();
        }
    }

    /** The handler chain of one exchange; a handler that throws before its response is written closes the connection, as on the JDK. */
    private static final class ExchangeTask implements Runnable {
        private final TKilnHttpExchange exchange;
        private final TFilter.Chain chain;

        ExchangeTask(TKilnHttpExchange exchange, TFilter.Chain chain) {
            this.exchange = exchange;
            this.chain = chain;
        }

        @Override
        public void run() {
            try {
                chain.doFilter(exchange);
            } catch (IOException | RuntimeException e) {
                exchange.failed();
            }
        }
    }

    /** An error answered before any handler runs: a small HTML page, then the connection closes (the JDK's reply). */
    private boolean reject(int code, String message) {
        try {
            writeReply(code, "<h1>" + code + TKilnHttpExchange.reason(code) + "</h1>" + message, true);
        } catch (IOException e) {
            // the connection closes anyway
        }
        return false;
    }

    private void writeReply(int code, String text, boolean closeNow) throws IOException {
        StringBuilder sb = new StringBuilder(256);
        sb.append("HTTP/1.1 ").append(code).append(TKilnHttpExchange.reason(code)).append("\r\n");
        if (text != null && !text.isEmpty()) {
            sb.append("Content-Length: ").append(text.length()).append("\r\n")
                    .append("Content-Type: text/html\r\n");
        } else {
            sb.append("Content-Length: 0\r\n");
            text = "";
        }
        if (closeNow) {
            sb.append("Connection: close\r\n");
        }
        sb.append("\r\n").append(text);
        out.write(latin1(sb.toString()));
        out.flush();
    }

    static byte[] latin1(String s) {
        byte[] b = new byte[s.length()];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) s.charAt(i);
        }
        return b;
    }

    /** Header lines up to the empty one; continuation lines (starting with SP or HT) join the previous value. */
    private boolean readHeaders(THeaders headers) throws IOException {
        String name = null;
        StringBuilder value = null;
        int count = 0;
        for (;;) {
            String line = readLine();
            if (line == null) {
                throw new IOException("connection closed in the request head");
            }
            if (!line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t') && name != null) {
                value.append(' ').append(line.trim());
                continue;
            }
            if (name != null) {
                headers.add(name, value.toString());
                name = null;
            }
            if (line.isEmpty()) {
                return true;
            }
            if (++count > MAX_HEADERS) {
                return false;
            }
            int colon = line.indexOf(':');
            if (colon < 0) {
                name = line;
                value = new StringBuilder();
            } else {
                name = line.substring(0, colon);
                value = new StringBuilder(line.substring(colon + 1).trim());
            }
        }
    }

    /** A line ending in CRLF or LF, as ISO-8859-1 text without the ending; null at end of stream before any byte. */
    private String readLine() throws IOException {
        StringBuilder sb = new StringBuilder(64);
        for (;;) {
            int c = in.read();
            if (c < 0) {
                if (sb.length() == 0) {
                    return null;
                }
                throw new IOException("connection closed in the request head");
            }
            if (++headBytes > MAX_HEAD_BYTES) {
                throw new IOException("request head too large");
            }
            if (c == '\n') {
                int n = sb.length();
                if (n > 0 && sb.charAt(n - 1) == '\r') {
                    sb.setLength(n - 1);
                }
                return sb.toString();
            }
            sb.append((char) c);
        }
    }

    /** RFC 9110 token characters: what a header name may contain. */
    private static boolean isToken(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    InputStream rawIn() {
        return in;
    }

    OutputStream rawOut() {
        return out;
    }

    Socket socket() {
        return socket;
    }

    synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            socket.close();
        } catch (IOException e) {
            // nothing more to do
        }
    }
}
