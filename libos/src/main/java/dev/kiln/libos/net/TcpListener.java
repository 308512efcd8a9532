package dev.kiln.libos.net;

import java.util.ArrayDeque;

/**
 * A listening port (passive open). The backlog bounds connections that are half open
 * (SYN-RECEIVED) plus those established but not yet accepted; SYNs beyond it are dropped
 * silently, so the peer retries later (as Linux does when the accept queue is full).
 */
public final class TcpListener {
    private final Tcp tcp;
    final int port;
    final int backlog;
    final ArrayDeque<TcpSocket> ready = new ArrayDeque<>();
    int halfOpen;
    int sendBuffer;
    int receiveBuffer;
    boolean closed;

    TcpListener(Tcp tcp, int port, int backlog, int sendBuffer, int receiveBuffer) {
        this.tcp = tcp;
        this.port = port;
        this.backlog = backlog;
        this.sendBuffer = sendBuffer;
        this.receiveBuffer = receiveBuffer;
    }

    public int port() {
        return port;
    }

    /** Buffer sizes for connections accepted from now on. */
    public void setBufferSizes(int sendBytes, int receiveBytes) {
        this.sendBuffer = Math.max(1024, sendBytes);
        this.receiveBuffer = Math.max(1024, receiveBytes);
    }

    boolean full() {
        return halfOpen + ready.size() >= backlog;
    }

    public boolean isAcceptable() {
        return !ready.isEmpty();
    }

    /** The next established connection, or null. */
    public TcpSocket accept() {
        TcpSocket c = ready.poll();
        if (c != null) {
            c.listener = null;
        }
        return c;
    }

    public int backlogSize() {
        return halfOpen + ready.size();
    }

    /** Stops listening; connections not yet accepted are reset. */
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        tcp.unlisten(this);
        TcpSocket c;
        while ((c = ready.poll()) != null) {
            c.listener = null;
            c.abort();
        }
        tcp.abortHalfOpen(this);
    }
}
