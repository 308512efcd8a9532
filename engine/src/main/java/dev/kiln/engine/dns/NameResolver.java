package dev.kiln.engine.dns;

import dev.kiln.image.StaticIp;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.List;
import java.util.function.Consumer;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Header;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * The resolver of project names, on the bridge's gateway address, UDP port 53 (the guest's
 * resolver address by convention: its gateway). Messages are parsed and written by dnsjava.
 *
 * <p>What it answers, to a query from a VM of a project network (found by its source address):
 * an A query for a name (or alias) of a running VM of the same network gets every address
 * that answers to it (TTL {@link #TTL_SECONDS}, authoritative); another type of query for such
 * a name gets no records (NOERROR, "no data"). Everything else is REFUSED and nothing is
 * forwarded: names outside the project (the VMs have no route to the outside yet), queries from
 * an address that is not a VM of a network, several questions, classes other than IN; an
 * opcode other than QUERY is NOTIMP. A message that does not parse is dropped (its sender may
 * be forged; answering garbage would only amplify it); a reply is never answered.
 */
public final class NameResolver implements AutoCloseable {
    public static final int PORT = 53;
    static final long TTL_SECONDS = 5;
    private static final int MAX_UDP = 512;

    private final ProjectNames names;
    private final DatagramChannel channel;
    private final Consumer<String> log;
    private final Thread thread;
    private volatile boolean closed;

    private NameResolver(ProjectNames names, DatagramChannel channel, Consumer<String> log) {
        this.names = names;
        this.channel = channel;
        this.log = log;
        this.thread = Thread.ofPlatform().name("kiln-dns").daemon().unstarted(this::serve);
    }

    /** Binds gateway:port (UDP) and starts answering on one thread. */
    public static NameResolver start(ProjectNames names, int gateway, int port, Consumer<String> log) throws IOException {
        DatagramChannel ch = DatagramChannel.open();
        try {
            ch.bind(new InetSocketAddress(InetAddress.getByAddress(bytes(gateway)), port));
        } catch (IOException e) {
            ch.close();
            throw new IOException("the name resolver cannot listen on " + StaticIp.text(gateway) + ":" + port + " (UDP): "
                    + e.getMessage(), e);
        }
        NameResolver r = new NameResolver(names, ch, log);
        r.thread.start();
        return r;
    }

    public InetSocketAddress address() throws IOException {
        return (InetSocketAddress) channel.getLocalAddress();
    }

    private void serve() {
        ByteBuffer in = ByteBuffer.allocate(65536);
        while (!closed) {
            try {
                in.clear();
                SocketAddress from = channel.receive(in);
                in.flip();
                byte[] query = new byte[in.remaining()];
                in.get(query);
                byte[] answer = answer(query, ((InetSocketAddress) from).getAddress());
                if (answer != null) channel.send(ByteBuffer.wrap(answer), from);
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException | RuntimeException e) {
                if (!closed) log.accept("name resolver: " + e); // one bad datagram never ends the resolver
            }
        }
    }

    /** The reply to one datagram from source, or null to drop it. */
    byte[] answer(byte[] datagram, InetAddress source) {
        Message query;
        try {
            query = new Message(datagram);
        } catch (IOException e) {
            return null; // not DNS
        }
        Header qh = query.getHeader();
        if (qh.getFlag(Flags.QR)) return null;
        Message reply = new Message(qh.getID());
        Header h = reply.getHeader();
        h.setFlag(Flags.QR);
        if (qh.getFlag(Flags.RD)) h.setFlag(Flags.RD);
        h.setOpcode(qh.getOpcode());
        List<Record> questions = query.getSection(Section.QUESTION);
        if (questions.size() == 1) reply.addRecord(questions.getFirst(), Section.QUESTION);
        if (qh.getOpcode() != Opcode.QUERY) {
            h.setRcode(Rcode.NOTIMP);
            return reply.toWire(MAX_UDP);
        }
        String network = source.getAddress().length == 4 ? names.networkOf(toInt(source.getAddress())) : null;
        if (questions.size() != 1 || network == null || questions.getFirst().getDClass() != DClass.IN) {
            h.setRcode(Rcode.REFUSED);
            return reply.toWire(MAX_UDP);
        }
        Record q = questions.getFirst();
        Name name = q.getName();
        List<Integer> found = names.lookup(network, name.toString());
        if (found.isEmpty()) {
            h.setRcode(Rcode.REFUSED);
            return reply.toWire(MAX_UDP);
        }
        h.setFlag(Flags.AA);
        if (q.getType() == Type.A) {
            for (int a : found) {
                try {
                    reply.addRecord(new ARecord(name, DClass.IN, TTL_SECONDS, InetAddress.getByAddress(bytes(a))), Section.ANSWER);
                } catch (java.net.UnknownHostException impossible) {
                    throw new IllegalStateException(impossible);
                }
            }
        }
        return reply.toWire(MAX_UDP);
    }

    private static int toInt(byte[] a) {
        return ((a[0] & 255) << 24) | ((a[1] & 255) << 16) | ((a[2] & 255) << 8) | (a[3] & 255);
    }

    private static byte[] bytes(int a) {
        return new byte[] {(byte) (a >>> 24), (byte) (a >>> 16), (byte) (a >>> 8), (byte) a};
    }

    @Override
    public void close() {
        closed = true;
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing a datagram channel does not fail in a way we could act on
        }
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
