package dev.kiln.libos.net;

/**
 * What {@link NetStack} needs of TCP: segments in, timers, counts. It is {@link ClosedTcp} until
 * the program opens its first TCP socket, then {@link Tcp}. TeaVM includes in an image only the methods of classes the
 * program can instantiate, so a direct call on a field of type {@code Tcp} would pull all of TCP
 * into an image that never uses it (a UDP-only DNS server); an interface call does not.
 */
interface Transport {
    void receive(byte[] f, int off, int len, int src, int dst);

    void poll();

    long nextDeadline();

    /** The interface address changed: connections bound to the old one end. */
    void abortAll();

    boolean hasPendingOutput();

    int connectionCount();

    int timeWaitCount();

    /** Bytes of send and receive rings the connections hold. */
    long bufferBytes();

    String describe();
}
