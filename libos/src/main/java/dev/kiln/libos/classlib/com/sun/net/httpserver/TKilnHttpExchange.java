package dev.kiln.libos.classlib.com.sun.net.httpserver;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One exchange of {@link TKilnHttpServer}, with the JDK's response rules: sendResponseHeaders
 * adds Date; a length above 0 is sent as Content-length, 0 means chunked (HTTP/1.0: until the
 * connection closes), -1 means no body (Content-length: 0); 1xx and 204 carry no length, 304 and
 * HEAD no body. The exchange ends when its response body is closed (which first reads what is
 * left of the request body, so the next request can be read); then the connection goes on.
 */
final class TKilnHttpExchange extends THttpExchange {
    private final TKilnHttpConnection connection;
    private final TKilnHttpContext context;
    private final String method;
    private final URI uri;
    private final String protocol;
    private final THeaders requestHeaders;
    private final THeaders responseHeaders = new THeaders();
    private final Map<String, Object> attributes = new HashMap<>();
    private final RequestBody requestBody;
    private final ResponseBody responseBody = new ResponseBody();
    private InputStream userIn;
    private OutputStream userOut;
    private int responseCode = -1;
    private boolean sentHeaders;
    private boolean closed;
    private boolean ended;
    boolean http10;
    boolean closeAfter;

    TKilnHttpExchange(TKilnHttpConnection connection, TKilnHttpContext context, String method, URI uri,
            String protocol, THeaders requestHeaders, long length) {
        this.connection = connection;
        this.context = context;
        this.method = method;
        this.uri = uri;
        this.protocol = protocol;
        this.requestHeaders = requestHeaders;
        this.requestBody = new RequestBody(connection.rawIn(), length);
    }

    static String reason(int code) {
        switch (code) {
            case 100: return " Continue";
            case 200: return " OK";
            case 201: return " Created";
            case 202: return " Accepted";
            case 203: return " Non-Authoritative Information";
            case 204: return " No Content";
            case 205: return " Reset Content";
            case 206: return " Partial Content";
            case 300: return " Multiple Choices";
            case 301: return " Moved Permanently";
            case 302: return " Temporary Redirect";
            case 303: return " See Other";
            case 304: return " Not Modified";
            case 305: return " Use Proxy";
            case 400: return " Bad Request";
            case 401: return " Unauthorized";
            case 402: return " Payment Required";
            case 403: return " Forbidden";
            case 404: return " Not Found";
            case 405: return " Method Not Allowed";
            case 406: return " Not Acceptable";
            case 407: return " Proxy Authentication Required";
            case 408: return " Request Time-Out";
            case 409: return " Conflict";
            case 410: return " Gone";
            case 411: return " Length Required";
            case 412: return " Precondition Failed";
            case 413: return " Request Entity Too Large";
            case 414: return " Request-URI Too Large";
            case 415: return " Unsupported Media Type";
            case 500: return " Internal Server Error";
            case 501: return " Not Implemented";
            case 502: return " Bad Gateway";
            case 503: return " Service Unavailable";
            case 504: return " Gateway Timeout";
            case 505: return " HTTP Version Not Supported";
            default: return " ";
        }
    }

    @Override
    public THeaders getRequestHeaders() {
        return requestHeaders;
    }

    @Override
    public THeaders getResponseHeaders() {
        return responseHeaders;
    }

    @Override
    public URI getRequestURI() {
        return uri;
    }

    @Override
    public String getRequestMethod() {
        return method;
    }

    @Override
    public THttpContext getHttpContext() {
        return context;
    }

    @Override
    public InputStream getRequestBody() {
        return userIn != null ? userIn : requestBody;
    }

    @Override
    public OutputStream getResponseBody() {
        return userOut != null ? userOut : responseBody;
    }

    @Override
    public void setStreams(InputStream i, OutputStream o) {
        if (i != null) {
            userIn = i;
        }
        if (o != null) {
            userOut = o;
        }
    }

    @Override
    public InetSocketAddress getRemoteAddress() {
        return (InetSocketAddress) connection.socket().getRemoteSocketAddress();
    }

    @Override
    public InetSocketAddress getLocalAddress() {
        return (InetSocketAddress) connection.socket().getLocalSocketAddress();
    }

    @Override
    public int getResponseCode() {
        return responseCode;
    }

    @Override
    public String getProtocol() {
        return protocol;
    }

    @Override
    public Object getAttribute(String name) {
        if (name == null) {
            throw new NullPointerException("null name parameter");
        }
        return attributes.get(name);
    }

    @Override
    public void setAttribute(String name, Object value) {
        if (name == null) {
            throw new NullPointerException("null name parameter");
        }
        if (value == null) {
            attributes.remove(name);
        } else {
            attributes.put(name, value);
        }
    }

    @Override
    public void sendResponseHeaders(int rCode, long contentLen) throws IOException {
        if (sentHeaders) {
            throw new IOException("headers already sent");
        }
        responseCode = rCode;
        boolean noBody = false;
        boolean noLengthHeader = false;
        responseHeaders.set("Date", TKilnHttpDate.format(System.currentTimeMillis()));
        if ((rCode >= 100 && rCode < 200) || rCode == 204 || rCode == 304) {
            contentLen = -1;
            noLengthHeader = rCode != 304;
        }
        Body body;
        if (method.equals("HEAD") || rCode == 304) {
            noBody = true;
            body = new FixedLengthBody(0);
        } else if (contentLen == 0) {
            if (http10) {
                body = new UntilCloseBody();
                closeAfter = true;
            } else {
                responseHeaders.set("Transfer-encoding", "chunked");
                body = new ChunkedBody();
            }
        } else {
            if (contentLen == -1) {
                noBody = true;
                contentLen = 0;
            }
            if (!noLengthHeader) {
                responseHeaders.set("Content-length", Long.toString(contentLen));
            }
            body = new FixedLengthBody(contentLen);
        }
        if (!closeAfter) {
            List<String> c = responseHeaders.get("Connection");
            if (c != null) {
                for (int i = 0; i < c.size(); i++) {
                    if (c.get(i).equalsIgnoreCase("close")) {
                        closeAfter = true;
                    }
                }
            }
        }
        StringBuilder head = new StringBuilder(256);
        head.append("HTTP/1.1 ").append(rCode).append(reason(rCode)).append("\r\n");
        for (Map.Entry<String, List<String>> e : responseHeaders.entrySet()) {
            for (String v : e.getValue()) {
                head.append(e.getKey()).append(": ").append(v).append("\r\n");
            }
        }
        head.append("\r\n");
        OutputStream raw = connection.rawOut();
        raw.write(TKilnHttpConnection.latin1(head.toString()));
        responseBody.body = body;
        sentHeaders = true;
        if (noBody) {
            raw.flush();
            close();
        }
    }

    /**
     * Ends the exchange: the rest of the request body is read, the response body closed (which
     * writes a chunked body's last chunk and flushes). With no response sent, the connection closes.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (!sentHeaders) {
                connection.close();
                ended();
                return;
            }
            requestBody.close();
            responseBody.close();
        } catch (IOException e) {
            connection.close();
            ended();
        }
    }

    /** The handler threw: unless the response went out whole, the connection cannot be reused. */
    void failed() {
        if (!ended) {
            connection.close();
            ended();
        }
    }

    /** The response is written in full (or the connection is gone): the connection's thread goes on. */
    synchronized void ended() {
        if (closeAfter) {
            connection.close();
        }
        ended = true;
        notifyAll();
    }

    synchronized void awaitEnd() {
        while (!ended) {
            try {
                wait();
            } catch (InterruptedException e) {
                connection.close();
                return;
            }
        }
    }

    // ---- request body -----------------------------------------------------------------------

    /** The request body: Content-Length bytes, or chunked (length -1); closing reads the rest so the next request can follow. */
    private final class RequestBody extends InputStream {
        private final InputStream raw;
        private long remaining;
        private final boolean chunked;
        private boolean eof;
        private boolean streamClosed;

        RequestBody(InputStream raw, long length) {
            this.raw = raw;
            this.chunked = length < 0;
            this.remaining = chunked ? 0 : length;
            this.eof = length == 0;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n <= 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (streamClosed) {
                throw new IOException("Stream is closed");
            }
            if (off < 0 || len < 0 || len > b.length - off) {
                throw new IndexOutOfBoundsException();
            }
            if (len == 0) {
                return 0;
            }
            if (eof) {
                return -1;
            }
            if (remaining == 0) {
                if (!chunked || !nextChunk()) {
                    eof = true;
                    return -1;
                }
            }
            int n = raw.read(b, off, (int) Math.min(len, remaining));
            if (n < 0) {
                throw new IOException("connection closed before all data received");
            }
            remaining -= n;
            if (chunked && remaining == 0) {
                chunkEnd();
            }
            if (!chunked && remaining == 0) {
                eof = true;
            }
            return n;
        }

        /** Reads a chunk header; false after the last (zero) chunk and its trailer. */
        private boolean nextChunk() throws IOException {
            String line = line();
            int semi = line.indexOf(';');
            String hex = (semi >= 0 ? line.substring(0, semi) : line).trim();
            long size;
            try {
                size = Long.parseLong(hex, 16);
            } catch (NumberFormatException e) {
                throw new IOException("invalid chunk length");
            }
            if (size < 0) {
                throw new IOException("invalid chunk length");
            }
            if (size == 0) {
                while (!line().isEmpty()) {
                    // trailer fields are read and dropped
                }
                return false;
            }
            remaining = size;
            return true;
        }

        private void chunkEnd() throws IOException {
            if (raw.read() != '\r' || raw.read() != '\n') {
                throw new IOException("invalid chunk end");
            }
        }

        private String line() throws IOException {
            StringBuilder sb = new StringBuilder();
            for (;;) {
                int c = raw.read();
                if (c < 0) {
                    throw new IOException("end of stream reading chunk header");
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

        @Override
        public int available() throws IOException {
            if (streamClosed) {
                throw new IOException("Stream is closed");
            }
            return eof ? 0 : (int) Math.min(raw.available(), remaining);
        }

        @Override
        public void close() throws IOException {
            if (streamClosed) {
                return;
            }
            byte[] drain = new byte[2048];
            while (read(drain, 0, drain.length) >= 0) {
                // the unread rest of the body is skipped
            }
            streamClosed = true;
        }
    }

    // ---- response body ----------------------------------------------------------------------

    /** How the response body is framed on the connection. */
    private abstract class Body {
        abstract void write(byte[] b, int off, int len) throws IOException;

        void flush() throws IOException {
            connection.rawOut().flush();
        }

        abstract void finish() throws IOException;
    }

    private final class FixedLengthBody extends Body {
        private long remaining;

        FixedLengthBody(long length) {
            remaining = length;
        }

        @Override
        void write(byte[] b, int off, int len) throws IOException {
            if (len > remaining) {
                throw new IOException("too many bytes to write to stream");
            }
            connection.rawOut().write(b, off, len);
            remaining -= len;
        }

        @Override
        void finish() throws IOException {
            if (remaining > 0) {
                connection.close();
                throw new IOException("insufficient bytes written to stream");
            }
            flush();
        }
    }

    /** Chunks of up to 4 KiB as written; the empty last chunk at close. */
    private final class ChunkedBody extends Body {
        private final byte[] buf = new byte[4096];
        private int count;

        @Override
        void write(byte[] b, int off, int len) throws IOException {
            while (len > 0) {
                int n = Math.min(len, buf.length - count);
                System.arraycopy(b, off, buf, count, n);
                count += n;
                off += n;
                len -= n;
                if (count == buf.length) {
                    writeChunk();
                }
            }
        }

        private void writeChunk() throws IOException {
            if (count == 0) {
                return;
            }
            OutputStream raw = connection.rawOut();
            raw.write(TKilnHttpConnection.latin1(Integer.toHexString(count) + "\r\n"));
            raw.write(buf, 0, count);
            raw.write('\r');
            raw.write('\n');
            count = 0;
        }

        @Override
        void flush() throws IOException {
            writeChunk();
            super.flush();
        }

        @Override
        void finish() throws IOException {
            writeChunk();
            OutputStream raw = connection.rawOut();
            raw.write(TKilnHttpConnection.latin1("0\r\n\r\n"));
            raw.flush();
        }
    }

    /** HTTP/1.0 with no length: the body ends when the connection closes. */
    private final class UntilCloseBody extends Body {
        @Override
        void write(byte[] b, int off, int len) throws IOException {
            connection.rawOut().write(b, off, len);
        }

        @Override
        void finish() throws IOException {
            flush();
        }
    }

    /** The stream getResponseBody returns: writes fail until the headers are sent; closing it ends the exchange. */
    private final class ResponseBody extends OutputStream {
        Body body;
        private boolean streamClosed;

        private Body body() throws IOException {
            if (body == null) {
                throw new IOException("response headers not sent yet");
            }
            if (streamClosed) {
                throw new IOException("stream closed");
            }
            return body;
        }

        @Override
        public void write(int b) throws IOException {
            byte[] one = {(byte) b};
            body().write(one, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (off < 0 || len < 0 || len > b.length - off) {
                throw new IndexOutOfBoundsException();
            }
            if (len == 0) {
                return;
            }
            body().write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            body().flush();
        }

        @Override
        public void close() throws IOException {
            if (streamClosed) {
                return;
            }
            if (body == null) {
                throw new IOException("response headers not sent yet");
            }
            streamClosed = true;
            closed = true;
            try {
                body.finish();
                requestBody.close();
            } finally {
                ended();
            }
        }
    }
}
