package dnsserver;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;

/**
 * An authoritative DNS server over UDP (RFC 1034/1035) for the zone compiled in from
 * zone/kiln.test.zone (as {@link ZoneData}), on plain java.net so the same code runs on HotSpot and in a Kiln image.
 * One thread: every query is answered from memory without blocking, so a second thread
 * would add nothing. The port is the first argument, else the PORT environment variable, else 53.
 */
public final class DnsServer {
    private DnsServer() {}

    public static void main(String[] args) throws IOException {
        int port = port(args.length > 0 ? args[0] : System.getenv("PORT"), 53);
        if (port < 0) {
            System.err.println("dns-server: the port must be a number from 1 to 65535");
            System.exit(2);
        }
        Zone zone = ZoneData.ZONE;
        Resolver resolver = new Resolver(zone);
        byte[] buf = new byte[4096];
        // Never closed: the server runs until the VM or process is stopped.
        DatagramSocket socket = new DatagramSocket(port);
        System.out.println("dns-server: authoritative for " + zone.origin() + " (" + zone.recordCount()
                + " records) on UDP port " + port);
        DatagramPacket packet = new DatagramPacket(buf, buf.length);
        while (true) {
            packet.setData(buf, 0, buf.length);
            socket.receive(packet);
            byte[] reply = resolver.answer(buf, packet.getLength());
            if (reply != null) {
                socket.send(new DatagramPacket(reply, reply.length, packet.getAddress(), packet.getPort()));
            }
        }
    }

    /** The port in text (null or empty: the default), or -1 if it is not 1 to 65535. */
    static int port(String text, int dflt) {
        if (text == null || text.isEmpty()) {
            return dflt;
        }
        int p = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9' || (p = p * 10 + (c - '0')) > 65535) {
                return -1;
            }
        }
        return p == 0 ? -1 : p;
    }
}
