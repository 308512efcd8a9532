package dev.kiln.libos.classlib.com.sun.net.httpserver;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.concurrent.Executor;

/**
 * Kiln's HTTP/1.1 server behind com.sun.net.httpserver.HttpServer, on java.net's blocking sockets:
 * in an image every thread is a green thread, so a thread per connection costs a fiber, not an OS
 * thread. The dispatcher thread ("HTTP-Dispatcher", not a daemon, as the JDK's) accepts; each
 * connection's thread (also named "HTTP-Dispatcher", a daemon) reads requests and runs their
 * exchanges on the executor; with none (or null) it runs them itself, so a handler sees the thread
 * name the JDK's default executor shows. A connection waits for its exchange to end (the response
 * written in full) before it reads the next request (keep-alive).
 */
final class TKilnHttpServer extends THttpServer {
    /** The JDK's default idle interval: a keep-alive connection with no request for this long is closed. */
    static final int IDLE_MILLIS = 30_000;

    private final ServerSocket socket;
    private boolean bound;
    private boolean started;
    private boolean finishing;
    private Executor executor;
    private Thread dispatcher;
    private final ArrayList<TKilnHttpContext> contexts = new ArrayList<>();
    private final ArrayList<TKilnHttpConnection> connections = new ArrayList<>();
    private int activeExchanges;

    TKilnHttpServer() throws IOException {
        socket = new ServerSocket();
    }

    @Override
    public void bind(InetSocketAddress addr, int backlog) throws IOException {
        if (bound) {
            throw new BindException("HttpServer already bound");
        }
        if (addr == null) {
            throw new NullPointerException("null address");
        }
        socket.bind(addr, backlog);
        bound = true;
    }

    @Override
    public void start() {
        if (!bound || started || finishing) {
            throw new IllegalStateException("server in wrong state");
        }
        started = true;
        dispatcher = new Thread(new Dispatcher(), "HTTP-Dispatcher");
        dispatcher.start();
    }

    @Override
    public void setExecutor(Executor e) {
        if (started) {
            throw new IllegalStateException("server already started");
        }
        executor = e;
    }

    @Override
    public Executor getExecutor() {
        return executor;
    }

    /**
     * Stops accepting, waits up to delay seconds for the exchanges under way to end, then closes
     * every connection and waits for the dispatcher thread.
     */
    @Override
    public void stop(int delay) {
        if (delay < 0) {
            throw new IllegalArgumentException("negative delay parameter");
        }
        synchronized (this) {
            finishing = true;
        }
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
        long deadline = System.currentTimeMillis() + delay * 1000L;
        synchronized (this) {
            long left;
            while (activeExchanges > 0 && (left = deadline - System.currentTimeMillis()) > 0) {
                try {
                    wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        TKilnHttpConnection[] all;
        synchronized (this) {
            all = connections.toArray(new TKilnHttpConnection[0]);
            connections.clear();
        }
        for (TKilnHttpConnection c : all) {
            c.close();
        }
        if (dispatcher != null && dispatcher != Thread.currentThread()) {
            try {
                dispatcher.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public synchronized THttpContext createContext(String path, THttpHandler handler) {
        if (handler == null || path == null) {
            throw new NullPointerException("null handler, or path parameter");
        }
        return add(new TKilnHttpContext(path, handler, this));
    }

    @Override
    public synchronized THttpContext createContext(String path) {
        if (path == null) {
            throw new NullPointerException("null path parameter");
        }
        return add(new TKilnHttpContext(path, null, this));
    }

    private TKilnHttpContext add(TKilnHttpContext c) {
        if (find(c.getPath(), true) != null) {
            throw new IllegalArgumentException("cannot add context to list");
        }
        contexts.add(c);
        return c;
    }

    @Override
    public synchronized void removeContext(String path) {
        if (path == null) {
            throw new NullPointerException("null path parameter");
        }
        TKilnHttpContext c = find(path, true);
        if (c == null) {
            throw new IllegalArgumentException("cannot remove element from list");
        }
        contexts.remove(c);
    }

    @Override
    public synchronized void removeContext(THttpContext context) {
        if (!(context instanceof TKilnHttpContext)) {
            throw new IllegalArgumentException("wrong HttpContext type");
        }
        if (!contexts.remove(context)) {
            throw new IllegalArgumentException("no such context in list");
        }
    }

    @Override
    public InetSocketAddress getAddress() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    /** The context whose path is the longest prefix of path (exact: equal to it), or null. */
    synchronized TKilnHttpContext find(String path, boolean exact) {
        TKilnHttpContext best = null;
        for (int i = 0; i < contexts.size(); i++) {
            TKilnHttpContext c = contexts.get(i);
            String p = c.getPath();
            if (exact ? p.equals(path) : path.startsWith(p)) {
                if (best == null || p.length() > best.getPath().length()) {
                    best = c;
                }
            }
        }
        return best;
    }

    synchronized void exchangeStarted() {
        activeExchanges++;
    }

    synchronized void exchangeEnded() {
        activeExchanges--;
        notifyAll();
    }

    synchronized boolean isFinishing() {
        return finishing;
    }

    synchronized void removeConnection(TKilnHttpConnection c) {
        connections.remove(c);
    }

    /** Accepts connections until stop(): each gets its own thread. */
    private final class Dispatcher implements Runnable {
        @Override
        public void run() {
            while (true) {
                Socket s;
                try {
                    s = socket.accept();
                } catch (IOException e) {
                    if (isFinishing()) {
                        return;
                    }
                    continue; // a failed accept (the peer gave up) does not end the server
                }
                TKilnHttpConnection c = new TKilnHttpConnection(TKilnHttpServer.this, s);
                synchronized (TKilnHttpServer.this) {
                    if (finishing) {
                        c.close();
                        return;
                    }
                    connections.add(c);
                }
                Thread t = new Thread(c, "HTTP-Dispatcher");
                t.setDaemon(true);
                t.start();
            }
        }
    }

    Executor executor() {
        return executor;
    }
}
