package front;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

/**
 * A name's IPv4 address from a DNS server: one A query (RFC 1035) over UDP, port 53, three
 * tries of 2 s. Kiln images have no name resolver in InetAddress yet, so the front asks the
 * daemon's resolver itself; once libos resolves names, this becomes InetAddress.getByName.
 */
final class NameLookup {
    static DatagramSocket socket;
    static DatagramPacket packet;
    static byte[] reply = new byte[512];
    static int id = 0x4b00;

    private NameLookup() {}

    static InetAddress address(String server, String name) throws IOException {
        if (socket == null) {
            socket = new DatagramSocket();
            socket.setSoTimeout(2_000);
        }
        InetAddress to = InetAddress.getByName(server);
        id = (id + 1) & 0xffff;
        byte[] q = query(name, id);
        for (int attempt = 0; attempt < 3; attempt++) {
            socket.send(new DatagramPacket(q, q.length, to, 53));
            packet = new DatagramPacket(reply, reply.length);
            try {
                socket.receive(packet);
            } catch (SocketTimeoutException e) {
                continue;
            }
            if (packet.getLength() < 12 || ((reply[0] & 255) << 8 | (reply[1] & 255)) != id) continue;
            return answer(name, packet.getLength());
        }
        throw new UnknownHostException(name + ": no answer from " + server);
    }

    static byte[] query(String name, int id) {
        byte[] out = new byte[12 + name.length() + 2 + 4];
        out[0] = (byte) (id >> 8);
        out[1] = (byte) id;
        out[2] = 1; // recursion desired
        out[5] = 1; // one question
        int at = 12;
        for (String label : name.split("\\.")) {
            out[at++] = (byte) label.length();
            for (int i = 0; i < label.length(); i++) out[at++] = (byte) label.charAt(i);
        }
        out[at++] = 0;
        out[at + 1] = 1; // type A
        out[at + 3] = 1; // class IN
        return out;
    }

    /** The first A record of the reply in reply[0..len). */
    static InetAddress answer(String name, int len) throws UnknownHostException {
        int rcode = reply[3] & 15;
        if (rcode != 0) throw new UnknownHostException(name + ": the resolver answered rcode " + rcode);
        int questions = (reply[4] & 255) << 8 | (reply[5] & 255);
        int answers = (reply[6] & 255) << 8 | (reply[7] & 255);
        int at = 12;
        for (int i = 0; i < questions; i++) at = skipName(at) + 4;
        for (int i = 0; i < answers && at + 10 <= len; i++) {
            at = skipName(at);
            int type = (reply[at] & 255) << 8 | (reply[at + 1] & 255);
            int rdlen = (reply[at + 8] & 255) << 8 | (reply[at + 9] & 255);
            at += 10;
            if (type == 1 && rdlen == 4 && at + 4 <= len) {
                return InetAddress.getByAddress(name, new byte[] {reply[at], reply[at + 1], reply[at + 2], reply[at + 3]});
            }
            at += rdlen;
        }
        throw new UnknownHostException(name + ": no address in the resolver's answer");
    }

    static int skipName(int at) {
        while (true) {
            int b = reply[at] & 255;
            if (b == 0) return at + 1;
            if ((b & 0xc0) == 0xc0) return at + 2;
            at += 1 + b;
        }
    }
}
