package httpserver;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;

/**
 * One connection: reads requests one after another from its own buffer (so pipelined requests
 * that arrive together are answered in order, none lost), and writes the responses to a buffer
 * that is flushed when no further complete request is already buffered, so a pipelined batch
 * goes out in few segments. The head is bounded (431), bodies are read and discarded up to
 * MAX_BODY (413 beyond), and any error closes the connection after its response.
 */
final class HttpConnection implements Runnable {
    static final int MAX_HEAD = 8192;
    static final long MAX_BODY = 1 << 20;

    private final Socket socket;
    private final Routes routes;
    private final ServerStats stats;
    private final byte[] in = new byte[MAX_HEAD];
    private int start;
    private int end;
    private final byte[] out = new byte[16384];
    private int outLen;
    private InputStream input;
    private OutputStream output;

    HttpConnection(Socket socket, Routes routes, ServerStats stats) {
        this.socket = socket;
        this.routes = routes;
        this.stats = stats;
    }

    @Override
    public void run() {
        try {
            socket.setSoTimeout(HttpServer.IDLE_TIMEOUT_MS);
            input = socket.getInputStream();
            output = socket.getOutputStream();
            serve();
        } catch (IOException e) {
            // the peer went away, reset or idled out: nothing to answer
        } finally {
            try {
                socket.close();
            } catch (IOException ignored) {
                // already gone
            }
            stats.connectionClosed();
        }
    }

    private void serve() throws IOException {
        Request r = new Request();
        while (true) {
            int headLen = readHead();
            if (headLen < 0) {
                flush();
                return; // clean end between requests, or an incomplete head at EOF
            }
            int status = RequestParser.parse(in, start, headLen, r);
            start += headLen;
            if (status == 0 && r.contentLength > MAX_BODY) {
                status = 413;
            }
            if (status != 0) {
                // Refused: answer and close. (Each path calls write with its own values: TeaVM
                // 0.12.3 miscompiled a shared call after an if/else that merged two booleans,
                // passing constant false for keep-alive; see docs/net.md.)
                write(Response.error(status), false, false, 1);
                stats.requestServed();
                flush();
                lingeringClose();
                return;
            }
            if (r.contentLength > 0 && !skipBody(r.contentLength)) {
                flush();
                return;
            }
            Response resp = routes.handle(r);
            boolean keep = r.keepAlive;
            write(resp, r.method.equals("HEAD"), keep, r.minorVersion);
            stats.requestServed();
            if (!keep) {
                flush();
                return;
            }
            if (RequestParser.headLength(in, start, end) < 0) {
                flush(); // no further request already here: the client is waiting for this one
            }
        }
    }

    /**
     * Reads until buf holds a complete head; returns its length, or -1 at EOF. Empty lines before
     * a request are skipped (RFC 9112 2.2). A head that cannot fit in MAX_HEAD is a 431.
     */
    private int readHead() throws IOException {
        while (true) {
            while (start < end && (in[start] == '\r' || in[start] == '\n')) {
                start++;
            }
            int n = RequestParser.headLength(in, start, end);
            if (n >= 0) {
                return n;
            }
            if (start > 0) {
                System.arraycopy(in, start, in, 0, end - start);
                end -= start;
                start = 0;
            }
            if (end == in.length) {
                write(Response.error(431), false, false, 1);
                flush();
                lingeringClose();
                return -1;
            }
            int got = input.read(in, end, in.length - end);
            if (got < 0) {
                return -1;
            }
            end += got;
        }
    }

    /** Discards n body bytes (buffered ones first); false if the peer closed before sending them. */
    private boolean skipBody(long n) throws IOException {
        long left = n;
        int buffered = (int) Math.min(left, end - start);
        start += buffered;
        left -= buffered;
        while (left > 0) {
            start = 0;
            end = 0;
            int got = input.read(in, 0, (int) Math.min(in.length, left));
            if (got < 0) {
                return false;
            }
            left -= got;
        }
        return true;
    }

    /**
     * After refusing a request, the client may still be sending (a body, the rest of a huge
     * head). Closing with unread data makes the kernel send a RST, which can destroy the error
     * response before the client reads it; so half-close and read a little first (as HTTP
     * servers' "lingering close" does), bounded in bytes and time.
     */
    private void lingeringClose() {
        try {
            socket.shutdownOutput();
            socket.setSoTimeout(2000);
            int total = 0;
            int n;
            while (total < 1 << 20 && (n = input.read(in, 0, in.length)) > 0) {
                total += n;
            }
        } catch (IOException ignored) {
            // the peer is gone or silent: close now
        }
    }

    /**
     * Appends one response. The HTTP minor version comes as an int and is compared here: with
     * `r.minorVersion == 0` computed at the call site, TeaVM 0.12.3 passed a wrong value in the
     * image (docs/net.md), and every HTTP/1.1 response said "Connection: keep-alive".
     */
    private void write(Response resp, boolean head, boolean keep, int minorVersion) throws IOException {
        append(resp.statusLine);
        append(CONTENT_LENGTH);
        appendDecimal(resp.body.length);
        if (!keep) {
            append(CLOSE_END);
        } else if (minorVersion == 0) {
            append(KEEP_ALIVE_END); // an HTTP/1.0 client assumes close otherwise
        } else {
            append(END);
        }
        if (!head) {
            append(resp.body);
        }
    }

    private static final byte[] CONTENT_LENGTH = Response.ascii("Content-Length: ");
    private static final byte[] END = Response.ascii("\r\n\r\n");
    private static final byte[] CLOSE_END = Response.ascii("\r\nConnection: close\r\n\r\n");
    private static final byte[] KEEP_ALIVE_END = Response.ascii("\r\nConnection: keep-alive\r\n\r\n");

    /** A non-negative int in decimal, written straight into the output buffer (no garbage). */
    private void appendDecimal(int v) throws IOException {
        int n = 1;
        for (int x = v; x >= 10; x /= 10) {
            n++;
        }
        if (outLen + n > out.length) {
            flush();
        }
        for (int i = outLen + n - 1; i >= outLen; i--) {
            out[i] = (byte) ('0' + v % 10);
            v /= 10;
        }
        outLen += n;
    }

    private void append(byte[] b) throws IOException {
        if (outLen + b.length > out.length) {
            flush();
        }
        if (b.length > out.length) {
            output.write(b);
            return;
        }
        System.arraycopy(b, 0, out, outLen, b.length);
        outLen += b.length;
    }

    private void flush() throws IOException {
        if (outLen > 0) {
            output.write(out, 0, outLen);
            outLen = 0;
        }
        output.flush();
    }
}
