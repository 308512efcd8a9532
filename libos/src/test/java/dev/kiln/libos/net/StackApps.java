package dev.kiln.libos.net;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/** Small applications written on the stack's non-blocking socket API, stepped by the harness. */
final class StackApps {
    private StackApps() {}

    /** A tiny HTTP/1.0-style responder: one response per connection, then close. */
    static final class HttpResponder {
        private final TcpListener listener;
        private final byte[] response;
        private final List<Conn> conns = new ArrayList<>();
        int served;
        int maxConcurrent;

        private static final class Conn {
            final TcpSocket s;
            final StringBuilder request = new StringBuilder();
            int written = -1;

            Conn(TcpSocket s) {
                this.s = s;
            }
        }

        HttpResponder(NetStack stack, int port, String body) {
            listener = stack.listen(port, 128);
            String head = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " + body.length()
                    + "\r\nConnection: close\r\n\r\n";
            response = (head + body).getBytes();
        }

        private final byte[] buf = new byte[4096];

        void step() {
            TcpSocket s;
            while ((s = listener.accept()) != null) {
                conns.add(new Conn(s));
            }
            maxConcurrent = Math.max(maxConcurrent, conns.size());
            for (int i = conns.size() - 1; i >= 0; i--) {
                Conn c = conns.get(i);
                if (c.written < 0) {
                    int n;
                    while ((n = c.s.read(buf, 0, buf.length)) > 0) {
                        c.request.append(new String(buf, 0, n, java.nio.charset.StandardCharsets.ISO_8859_1));
                    }
                    if (c.request.indexOf("\r\n\r\n") >= 0) {
                        c.written = 0;
                    } else if (n < 0) {
                        c.s.close();
                        conns.remove(i);
                        continue;
                    }
                }
                if (c.written >= 0) {
                    if (c.written < response.length) {
                        int w = c.s.write(response, c.written, response.length - c.written);
                        if (w < 0) {
                            c.s.abort();
                            conns.remove(i);
                            continue;
                        }
                        c.written += w;
                    }
                    if (c.written == response.length) {
                        c.s.close();
                        conns.remove(i);
                        served++;
                    }
                }
            }
        }
    }

    /** Reads a stream to its end, hashing it, then closes. */
    static final class Sink {
        final TcpSocket s;
        final MessageDigest md = sha256();
        long count;
        boolean done;
        String hex;
        private final byte[] buf = new byte[65536];

        Sink(TcpSocket s) {
            this.s = s;
        }

        void step() {
            if (done) {
                return;
            }
            int n;
            while ((n = s.read(buf, 0, buf.length)) > 0) {
                md.update(buf, 0, n);
                count += n;
            }
            if (n < 0) {
                done = true;
                hex = hex(md.digest());
                s.close();
            }
        }
    }

    /** Writes data then closes. */
    static final class Source {
        final TcpSocket s;
        final byte[] data;
        int sent;
        boolean failed;

        Source(TcpSocket s, byte[] data) {
            this.s = s;
            this.data = data;
        }

        void step() {
            if (sent < data.length && !failed && !s.isConnecting()) {
                int w = s.write(data, sent, data.length - sent);
                if (w < 0) {
                    failed = true;
                    return;
                }
                sent += w;
                if (sent == data.length) {
                    s.close();
                }
            }
        }

        boolean finished() {
            return failed || (sent == data.length && s.state() == TcpSocket.CLOSED || s.state() == TcpSocket.TIME_WAIT);
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (byte x : b) {
            sb.append(Character.forDigit((x >> 4) & 0xf, 16)).append(Character.forDigit(x & 0xf, 16));
        }
        return sb.toString();
    }
}
