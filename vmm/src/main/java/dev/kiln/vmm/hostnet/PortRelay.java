package dev.kiln.vmm.hostnet;

import dev.kiln.vmm.sandbox.MonitorFilters;
import dev.kiln.vmm.sandbox.MonitorThreads;
import dev.kiln.vmm.sandbox.Sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Publishes TCP ports of a VM that lives in its own network namespace: a listener on
 * 127.0.0.1:HOSTPORT in the host namespace, and for each accepted connection a connection to
 * GUESTIP:GUESTPORT opened on a thread inside the VM's namespace, with bytes copied both ways
 * (half-closes passed on). The host namespace itself has no route to the guest.
 */
public final class PortRelay implements AutoCloseable {
    /** One published port. */
    public record Mapping(int hostPort, int guestPort) {}

    /** At most this many relayed connections at once; more are closed at accept. */
    static final int MAX_CONNECTIONS = 1024;
    private static final int CONNECT_TIMEOUT_MS = 5000;

    private final PrivateNetns ns;
    private final InetAddress guest;
    private final List<ServerSocket> listeners = new ArrayList<>();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Consumer<String> log;
    private volatile boolean closed;

    /**
     * Binds every listener first (so a port in use fails before anything runs), then starts
     * accepting. log receives one line per connection that could not be relayed.
     */
    public PortRelay(PrivateNetns ns, InetAddress guest, List<Mapping> mappings, Consumer<String> log)
            throws IOException {
        this.ns = ns;
        this.guest = guest;
        this.log = log;
        try {
            for (Mapping m : mappings) {
                ServerSocket s = new ServerSocket();
                listeners.add(s);
                try {
                    s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), m.hostPort()), 128);
                } catch (BindException e) {
                    throw new BindException("127.0.0.1:" + m.hostPort() + " is in use (" + e.getMessage() + ")");
                }
            }
        } catch (IOException e) {
            close();
            throw e;
        }
        MonitorThreads.ready(); // the acceptors, once confined, start threads through its launcher
        for (int i = 0; i < mappings.size(); i++) {
            ServerSocket s = listeners.get(i);
            int guestPort = mappings.get(i).guestPort();
            MonitorThreads.start("kiln-publish-" + mappings.get(i).hostPort(), () -> accept(s, guestPort));
        }
    }

    private void accept(ServerSocket listener, int guestPort) {
        Sandbox.confine(MonitorFilters.relayAccept());
        while (!closed) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                if (!closed) log.accept("accept on 127.0.0.1:" + listener.getLocalPort() + " failed: " + e.getMessage());
                return;
            }
            if (open.size() >= 2 * MAX_CONNECTIONS) {
                closeQuietly(client);
                continue;
            }
            open.add(client);
            // The connection to the guest is made inside the VM's namespace, on this new thread.
            ns.startInside("kiln-relay", () -> relay(client, guestPort));
        }
    }

    private void relay(Socket client, int guestPort) {
        Socket upstream = new Socket();
        open.add(upstream);
        try {
            upstream.connect(new InetSocketAddress(guest, guestPort), CONNECT_TIMEOUT_MS);
            client.setTcpNoDelay(true);
            upstream.setTcpNoDelay(true);
            // Set up: from here on both directions only copy bytes, each on a confined platform
            // thread (a virtual thread cannot be confined: its carrier thread changes).
            Sandbox.confine(MonitorFilters.relayCopy());
            Thread back = MonitorThreads.start("kiln-relay-back", () -> {
                Sandbox.confine(MonitorFilters.relayCopy());
                pump(upstream, client);
            });
            pump(client, upstream);
            back.join();
        } catch (IOException e) {
            if (!closed) log.accept("cannot relay to " + guest.getHostAddress() + ":" + guestPort + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeQuietly(client);
            closeQuietly(upstream);
            open.remove(client);
            open.remove(upstream);
        }
    }

    /** Copies until EOF, then half-closes the other side's output; an error closes both. */
    private static void pump(Socket from, Socket to) {
        byte[] buf = new byte[16384];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            for (int n; (n = in.read(buf)) >= 0; ) out.write(buf, 0, n);
            to.shutdownOutput();
        } catch (IOException e) {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // already closed or reset: nothing left to release
        }
    }

    /** Closes the listeners and every relayed connection. */
    @Override
    public void close() {
        closed = true;
        for (ServerSocket s : listeners) closeQuietly(s);
        for (Socket s : open) closeQuietly(s);
    }
}
