package dev.kiln.engine.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * The resolver on a real UDP socket on loopback (127.0.0.1 stands for a VM's address: the
 * resolver finds the querier's network by its source address), asked with messages dnsjava
 * writes: what it answers, what it refuses, and that garbage never stops it.
 */
class NameResolverTest {
    private static final int LOOPBACK = 0x7f000001;

    @Test
    void answersItsNetworksNamesAndRefusesTheRest() throws Exception {
        ProjectNames names = new ProjectNames();
        names.register("shop", "web", List.of("www.shop"), LOOPBACK);
        names.register("shop", "web-2", List.of("www.shop"), 0x0a590007);
        names.register("other", "db", List.of(), 0x0a590009);
        try (NameResolver r = NameResolver.start(names, LOOPBACK, 0, line -> System.err.println("resolver: " + line));
             DatagramSocket s = new DatagramSocket()) {
            s.setSoTimeout(30_000); // a guard against a hang, not a measure
            InetSocketAddress at = r.address();

            Message a = ask(s, at, Message.newQuery(Record.newRecord(Name.fromString("WEB."), Type.A, DClass.IN)));
            assertEquals(Rcode.NOERROR, a.getRcode());
            assertTrue(a.getHeader().getFlag(Flags.AA) && a.getHeader().getFlag(Flags.QR));
            assertEquals(List.of("127.0.0.1"), addresses(a));

            Message both = ask(s, at, Message.newQuery(Record.newRecord(Name.fromString("www.shop."), Type.A, DClass.IN)));
            assertEquals(List.of("10.89.0.7", "127.0.0.1"), addresses(both), "every VM answering to the alias");

            Message aaaa = ask(s, at, Message.newQuery(Record.newRecord(Name.fromString("web."), Type.AAAA, DClass.IN)));
            assertEquals(Rcode.NOERROR, aaaa.getRcode());
            assertEquals(0, aaaa.getSection(Section.ANSWER).size(), "a known name without that type: no data");

            for (String refused : List.of("db.", "example.com.")) {
                Message m = ask(s, at, Message.newQuery(Record.newRecord(Name.fromString(refused), Type.A, DClass.IN)));
                assertEquals(Rcode.REFUSED, m.getRcode(), refused);
                assertEquals(0, m.getSection(Section.ANSWER).size());
            }

            Message notify = Message.newQuery(Record.newRecord(Name.fromString("web."), Type.A, DClass.IN));
            notify.getHeader().setOpcode(Opcode.NOTIFY);
            assertEquals(Rcode.NOTIMP, ask(s, at, notify).getRcode());

            // Garbage and a reply are dropped without an answer; the next query is answered.
            s.send(new DatagramPacket(new byte[] {1, 2, 3}, 3, at));
            Message reply = Message.newQuery(Record.newRecord(Name.fromString("web."), Type.A, DClass.IN));
            reply.getHeader().setFlag(Flags.QR);
            byte[] wire = reply.toWire();
            s.send(new DatagramPacket(wire, wire.length, at));
            Message after = ask(s, at, Message.newQuery(Record.newRecord(Name.fromString("web."), Type.A, DClass.IN)));
            assertEquals(List.of("127.0.0.1"), addresses(after), "the first datagram it answers is this query's");

            names.unregister(LOOPBACK);
            Message gone = ask(s, at, Message.newQuery(Record.newRecord(Name.fromString("web."), Type.A, DClass.IN)));
            assertEquals(Rcode.REFUSED, gone.getRcode(), "a querier that is no VM of a network any more");
        }
    }

    private static Message ask(DatagramSocket s, InetSocketAddress at, Message query) throws Exception {
        byte[] wire = query.toWire();
        s.send(new DatagramPacket(wire, wire.length, at));
        byte[] buf = new byte[4096];
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        s.receive(p);
        Message m = new Message(java.util.Arrays.copyOf(buf, p.getLength()));
        assertEquals(query.getHeader().getID(), m.getHeader().getID());
        return m;
    }

    private static List<String> addresses(Message m) {
        return m.getSection(Section.ANSWER).stream().map(r -> ((ARecord) r).getAddress().getHostAddress()).sorted().toList();
    }
}
