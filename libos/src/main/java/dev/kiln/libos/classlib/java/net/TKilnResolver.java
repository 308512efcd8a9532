package dev.kiln.libos.classlib.java.net;

import dev.kiln.libos.dns.DnsException;
import dev.kiln.libos.dns.StubResolver;
import dev.kiln.libos.socket.Network;
import java.io.IOException;

/**
 * InetAddress's name lookups in an image (java.net.KilnResolver there): libos's stub resolver
 * ({@link StubResolver}) asking the resolver the monitor announced (the boot info's net_dns,
 * `kiln run --dns`) through this package's own DatagramSocket. Failures become
 * UnknownHostException worded as HotSpot on Linux words them (glibc's getaddrinfo messages).
 */
final class TKilnResolver {
    private static StubResolver resolver;

    private TKilnResolver() {
    }

    /** The IPv4 addresses of a name that is neither a literal nor "localhost". */
    static int[] lookup(String host) throws TUnknownHostException {
        StubResolver r;
        try {
            r = resolver();
        } catch (TSocketException e) {
            throw new TUnknownHostException(host + ": Temporary failure in name resolution (" + e.getMessage() + ")");
        }
        if (r == null) {
            throw new TUnknownHostException(host + ": Temporary failure in name resolution (no DNS resolver: "
                    + "the VM was given none, see kiln run --dns)");
        }
        try {
            return r.resolve(host);
        } catch (DnsException e) {
            if (e.kind() == DnsException.Kind.NO_SUCH_NAME) {
                throw new TUnknownHostException(host + ": Name or service not known");
            }
            throw new TUnknownHostException(host + ": Temporary failure in name resolution");
        }
    }

    private static StubResolver resolver() throws TSocketException {
        if (resolver == null) {
            Network n = TSocket.network();
            int server = n.stack.dnsServer();
            if (server == 0) {
                return null;
            }
            resolver = new StubResolver(new UdpTransport(server), n.clock::nanoTime,
                    n.clock.nanoTime() ^ ((long) n.stack.address() << 20));
        }
        return resolver;
    }

    /** One query at a time over a socket of its own, answers accepted only from the resolver's port 53. */
    private static final class UdpTransport implements StubResolver.Transport {
        private final int server;
        private TDatagramSocket socket;
        private final byte[] buffer = new byte[1232]; // the largest answer EDNS advises without fragments; plain DNS is 512

        UdpTransport(int server) {
            this.server = server;
        }

        @Override
        public byte[] exchange(byte[] query, long timeoutMillis) throws IOException {
            if (socket == null) {
                socket = new TDatagramSocket();
                socket.connect(new TInet4Address(null, server), 53);
            }
            socket.send(new TDatagramPacket(query, query.length));
            return receiveMore(timeoutMillis);
        }

        @Override
        public byte[] receiveMore(long timeoutMillis) throws IOException {
            socket.setSoTimeout((int) Math.max(1, Math.min(timeoutMillis, Integer.MAX_VALUE)));
            TDatagramPacket p = new TDatagramPacket(buffer, buffer.length);
            try {
                socket.receive(p);
            } catch (TSocketTimeoutException e) {
                return null;
            }
            byte[] out = new byte[p.getLength()];
            System.arraycopy(buffer, 0, out, 0, out.length);
            return out;
        }
    }
}
