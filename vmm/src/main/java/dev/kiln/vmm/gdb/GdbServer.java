package dev.kiln.vmm.gdb;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Where gdb connects (kiln run --gdb): a TCP port on the loopback address or a unix socket, never
 * another address (a debugger reads and writes all of guest memory). One debugger at a time;
 * after it detaches the next may attach. The listener and each session run on one thread of
 * their own, started by the caller.
 */
public final class GdbServer implements AutoCloseable {
    private final ServerSocketChannel listener;
    private final Path unixPath;
    private final String address;
    private final GdbStub stub;

    private GdbServer(ServerSocketChannel listener, Path unixPath, String address, GdbStub stub) {
        this.listener = listener;
        this.unixPath = unixPath;
        this.address = address;
        this.stub = stub;
    }

    /**
     * Parses {@code unix:PATH}, {@code HOST:PORT} or {@code PORT} (HOST: 127.0.0.1, ::1 or localhost;
     * PORT 0 picks a free one). IllegalArgumentException, with a one-line reason, for anything else.
     */
    public static SocketAddress endpoint(String spec) {
        if (spec.startsWith("unix:")) {
            String path = spec.substring(5);
            if (path.isEmpty()) throw new IllegalArgumentException("--gdb unix: needs a path");
            return UnixDomainSocketAddress.of(path);
        }
        int colon = spec.lastIndexOf(':');
        String host = colon < 0 ? "127.0.0.1" : spec.substring(0, colon);
        String port = colon < 0 ? spec : spec.substring(colon + 1);
        if (host.startsWith("[") && host.endsWith("]")) host = host.substring(1, host.length() - 1);
        int p;
        try {
            p = Integer.parseInt(port);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--gdb: '" + spec + "' is not unix:PATH, 127.0.0.1:PORT or PORT");
        }
        if (p < 0 || p > 65535) throw new IllegalArgumentException("--gdb: port " + p + " is not 0 to 65535");
        InetAddress a;
        if (host.equals("127.0.0.1") || host.equals("localhost")) {
            a = InetAddress.getLoopbackAddress();
        } else if (host.equals("::1")) {
            a = InetAddress.ofLiteral("::1");
        } else {
            throw new IllegalArgumentException("--gdb listens on the loopback address or a unix socket only, not on '"
                    + host + "' (a debugger can read and write all of the guest's memory)");
        }
        return new InetSocketAddress(a, p);
    }

    /** Binds the endpoint; a unix socket file is created (and must not exist). */
    public static GdbServer bind(SocketAddress endpoint, GdbStub stub) throws IOException {
        if (endpoint instanceof UnixDomainSocketAddress u) {
            ServerSocketChannel ch = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            ch.bind(u);
            return new GdbServer(ch, u.getPath(), "unix:" + u.getPath(), stub);
        }
        ServerSocketChannel ch = ServerSocketChannel.open();
        ch.bind(endpoint, 1);
        InetSocketAddress bound = (InetSocketAddress) ch.getLocalAddress();
        String host = bound.getAddress().getHostAddress();
        return new GdbServer(ch, null, (host.contains(":") ? "[" + host + "]" : host) + ":" + bound.getPort(), stub);
    }

    /** The address gdb connects to: "127.0.0.1:PORT" or "unix:PATH". */
    public String address() {
        return address;
    }

    /** Accepts debuggers one after another until closed; run it on a thread of its own. */
    public void serve(Consumer<String> log) {
        while (listener.isOpen()) {
            try (SocketChannel c = listener.accept()) {
                log.accept("debugger attached");
                InputStream in = Channels.newInputStream(c);
                OutputStream out = Channels.newOutputStream(c);
                stub.serve(new RspReader(in), out);
                log.accept("debugger detached");
            } catch (IOException e) {
                if (!listener.isOpen()) return;
                log.accept("debugger connection lost: " + e.getMessage());
            } catch (RuntimeException e) {
                log.accept("debugger session ended: " + e.getMessage());
            }
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        if (unixPath != null) Files.deleteIfExists(unixPath);
    }
}
