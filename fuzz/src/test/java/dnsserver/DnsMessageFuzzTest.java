package dnsserver;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;

/**
 * The DNS example's message parser ({@link Query#parse}) and the resolver behind it under
 * Jazzer (`kiln fuzz parsers`; docs/fuzzing.md), as the server calls them: a 4096-byte receive
 * buffer holding the datagram, garbage after it. Neither may throw, read past the datagram, or
 * answer with anything but a well-formed header echoing the query's id. Seeds and findings:
 * src/test/resources/dnsserver/DnsMessageFuzzTestInputs/.
 */
class DnsMessageFuzzTest {
    private static final Resolver RESOLVER = new Resolver(ZoneData.ZONE);

    @FuzzTest(maxDuration = "60s")
    void query(byte[] data) {
        if (data.length > 4096) return;
        byte[] buf = new byte[4096];
        Arrays.fill(buf, (byte) 0xc0); // bytes after the datagram: a pointer, should anything read them
        System.arraycopy(data, 0, buf, 0, data.length);
        Query q = Query.parse(buf, data.length);
        if (q != null && q.rcode == Query.NOERROR && (q.name == null || q.questionEnd > data.length)) {
            throw new AssertionError("a NOERROR query with name " + q.name + " ending at " + q.questionEnd);
        }
        byte[] reply = RESOLVER.answer(buf, data.length);
        if (reply == null) return;
        if (q == null) throw new AssertionError("an answer to a message the parser would not answer");
        if (reply.length < 12 || ((reply[0] & 0xff) << 8 | (reply[1] & 0xff)) != q.id || (reply[2] & 0x80) == 0) {
            throw new AssertionError("reply without a response header for id " + q.id);
        }
        if (reply.length > Math.max(512, q.udpSize) && reply.length > 65535) throw new AssertionError("reply of " + reply.length);
    }
}
