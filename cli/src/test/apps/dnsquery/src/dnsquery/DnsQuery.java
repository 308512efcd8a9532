package dnsquery;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;

/**
 * `dnsquery SERVER NAME...`: for each NAME, one A query (RFC 1035, recursion desired) to
 * SERVER:53 and one line: "NAME rcode=N A=1.2.3.4,..." (the answer section's A records), or
 * "NAME timeout" after 10 s without an answer (tried 3 times). Exits 0 once every name got a line.
 * State lives in fields, not in locals kept across a blocking call (see docs/net.md on
 * TeaVM's miscompile of those).
 */
public final class DnsQuery {
    static DatagramSocket socket;
    static InetAddress server;
    static byte[] reply = new byte[1500];
    static int id = 0x4b00;
    static int next, attempt;
    static String current;
    static DatagramPacket packet;

    private DnsQuery() {}

    public static void main(String[] args) throws IOException {
        server = InetAddress.getByAddress(dotted(args[0]));
        socket = new DatagramSocket();
        socket.setSoTimeout(10_000);
        for (next = 1; next < args.length; next++) System.out.println(ask(args[next]));
        System.out.println("dnsquery done");
    }

    static String ask(String name) throws IOException {
        current = name;
        id++;
        for (attempt = 0; attempt < 3; attempt++) {
            byte[] q = query(current, id);
            socket.send(new DatagramPacket(q, q.length, server, 53));
            packet = new DatagramPacket(reply, reply.length);
            try {
                socket.receive(packet);
            } catch (SocketTimeoutException e) {
                continue;
            }
            if (packet.getLength() < 12 || ((reply[0] & 255) << 8 | (reply[1] & 255)) != id) continue;
            return current + " " + parse(packet.getLength());
        }
        return current + " timeout";
    }

    static byte[] query(String name, int id) {
        byte[] out = new byte[12 + name.length() + 2 + 4];
        out[0] = (byte) (id >> 8);
        out[1] = (byte) id;
        out[2] = 1; // RD
        out[5] = 1; // QDCOUNT
        int at = 12;
        for (String label : name.split("\\.")) {
            out[at++] = (byte) label.length();
            for (int i = 0; i < label.length(); i++) out[at++] = (byte) label.charAt(i);
        }
        out[at++] = 0;
        out[at + 1] = 1; // QTYPE A
        out[at + 3] = 1; // QCLASS IN
        return out;
    }

    /** "rcode=N A=..." from the reply in reply[0..len). */
    static String parse(int len) {
        int rcode = reply[3] & 15;
        int qd = (reply[4] & 255) << 8 | (reply[5] & 255);
        int an = (reply[6] & 255) << 8 | (reply[7] & 255);
        int at = 12;
        for (int i = 0; i < qd; i++) at = skipName(at) + 4;
        StringBuilder a = new StringBuilder();
        for (int i = 0; i < an && at < len; i++) {
            at = skipName(at);
            int type = (reply[at] & 255) << 8 | (reply[at + 1] & 255);
            int rdlen = (reply[at + 8] & 255) << 8 | (reply[at + 9] & 255);
            at += 10;
            if (type == 1 && rdlen == 4) {
                if (a.length() > 0) a.append(',');
                a.append(reply[at] & 255).append('.').append(reply[at + 1] & 255).append('.')
                        .append(reply[at + 2] & 255).append('.').append(reply[at + 3] & 255);
            }
            at += rdlen;
        }
        return "rcode=" + rcode + " A=" + a;
    }

    static int skipName(int at) {
        while (true) {
            int b = reply[at] & 255;
            if (b == 0) return at + 1;
            if ((b & 0xc0) == 0xc0) return at + 2;
            at += 1 + b;
        }
    }

    static byte[] dotted(String s) {
        String[] parts = s.split("\\.");
        byte[] b = new byte[4];
        for (int i = 0; i < 4; i++) b[i] = (byte) Integer.parseInt(parts[i]);
        return b;
    }
}
