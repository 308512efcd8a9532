package dev.kiln.engine.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;

/**
 * How the host reaches a guest's TCP ports: a socket created where the guest's address is
 * routable (for a VM in a namespace of its own, inside that namespace), not yet connected.
 */
public interface GuestEndpoint {
    /**
     * A new unconnected socket from which {@link #address} is reachable: by default one of the
     * daemon's own namespace (a guest on the bridge, or published by passt on loopback).
     */
    default SocketChannel open() throws IOException {
        return SocketChannel.open();
    }

    /** The guest's address with the given port. */
    InetSocketAddress address(int port);
}
