package dnsserver;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;

/**
 * An authoritative DNS server over UDP (RFC 1034/1035) for the zone compiled in from
 * {@link ZoneText}, on plain java.net so the same code runs on HotSpot and in a Kiln image.
 * One thread: every query is answered from memory without blocking, so a second thread
 * would add nothing. The port is the first argument, else the PORT environment variable, else 53.
 */
public final class DnsServer {
    private DnsServer() {}

    public static void main(String[] args) throws IOException {
        int port = port(args);
        Zone zone = ZoneParser.parse(ZoneText.ZONE);
        Resolver resolver = new Resolver(zone);
        byte[] buf = new byte[4096];
        try (DatagramSocket socket = new DatagramSocket(port)) {
            System.out.println("dns-server: authoritative for " + zone.origin() + " (" + zone.recordCount()
                    + " records) on UDP port " + port);
            DatagramPacket packet = new DatagramPacket(buf, buf.length);
            while (true) {
                packet.setData(buf, 0, buf.length);
                socket.receive(packet);
                byte[] reply;
                try {
                    reply = resolver.answer(buf, packet.getLength());
                } catch (RuntimeException bug) {
                    // Every length is checked, so this would be a bug; one bad packet must not stop the server.
                    System.err.println("dns-server: internal error on a query: " + bug);
                    continue;
                }
                if (reply != null) {
                    socket.send(new DatagramPacket(reply, reply.length, packet.getAddress(), packet.getPort()));
                }
            }
        }
    }

    static int port(String[] args) {
        String text = args.length > 0 ? args[0] : System.getenv("PORT");
        if (text == null || text.isEmpty()) {
            return 53;
        }
        int p;
        try {
            p = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            p = -1;
        }
        if (p < 1 || p > 65535) {
            System.err.println("dns-server: bad port '" + text + "' (1 to 65535)");
            System.exit(2);
        }
        return p;
    }
}
