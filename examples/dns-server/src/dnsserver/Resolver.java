package dnsserver;

/**
 * Answers one query from the zone, as an authoritative server (RFC 1034 4.3.2, RFC 2308):
 * records of the asked type (all of them for ANY); NODATA (NOERROR, no answer, the SOA in the
 * authority section) for an existing name without that type; NXDOMAIN with the SOA for a name
 * that does not exist; REFUSED for names outside the zone; FORMERR/NOTIMP for what cannot be
 * parsed or is not a standard query. The answer's owner names point to the question's name,
 * so they come back in the client's own letter case. A response larger than the client can
 * receive is truncated (TC) to the header and question, so the client retries over TCP.
 */
final class Resolver {
    private static final int TYPE_ANY = 255, CLASS_IN = 1, CLASS_ANY = 255;
    private static final int EDNS_SIZE = 1232; // what we advertise: fits any path without fragments

    private final Zone zone;

    Resolver(Zone zone) {
        this.zone = zone;
    }

    /** The reply to msg[0, len), or null if nothing may be sent. */
    byte[] answer(byte[] msg, int len) {
        Query q = Query.parse(msg, len);
        if (q == null) {
            return null;
        }
        MessageWriter w = new MessageWriter();
        int flags = 0x8000 | (q.flags & 0x7900); // QR, the opcode and RD echoed
        if (q.rcode != Query.NOERROR) {
            header(w, q.id, flags | q.rcode, 0, 0, 0, 0);
            return w.toBytes();
        }
        // Header, then the question copied from the query as sent.
        header(w, q.id, 0, 1, 0, 0, 0);
        w.bytes(msg, 12, q.questionEnd - 12);
        w.knownName(q.name, 12);
        int rcode = Query.NOERROR;
        int answers = 0, authority = 0;
        boolean authoritative = false;
        if (q.edns && q.ednsVersion != 0) {
            return badVersion(w, q, flags);
        }
        if (q.qclass != CLASS_IN && q.qclass != CLASS_ANY) {
            rcode = Query.REFUSED;
        } else if (q.qtype == 251 || q.qtype == 252) {
            rcode = Query.NOTIMP; // IXFR/AXFR: zone transfers are not offered
        } else if (!zone.contains(q.name)) {
            rcode = Query.REFUSED; // not our zone, and we do not recurse
        } else {
            authoritative = true;
            Record[] rrs = zone.lookup(q.name);
            if (rrs == null) {
                rcode = Query.NXDOMAIN;
            } else {
                for (Record r : rrs) {
                    if (r.type == q.qtype || q.qtype == TYPE_ANY) {
                        w.record(q.name, r, r.ttl);
                        answers++;
                    }
                }
            }
            if (answers == 0) {
                Record soa = zone.soa();
                w.record(zone.origin(), soa, Math.min(soa.ttl, soa.soaMinimum()));
                authority = 1;
            }
        }
        int additional = 0;
        int limit = q.edns ? Math.min(q.udpSize, EDNS_SIZE) : 512;
        if (w.length() + (q.edns ? 11 : 0) > limit) {
            // Too big for UDP: header and question only, TC set.
            MessageWriter t = new MessageWriter();
            header(t, q.id, 0, 1, 0, 0, 0);
            t.bytes(msg, 12, q.questionEnd - 12);
            w = t;
            answers = 0;
            authority = 0;
            flags |= 0x0200;
        }
        if (q.edns) {
            opt(w, 0);
            additional = 1;
        }
        w.put16(2, flags | (authoritative ? 0x0400 : 0) | rcode);
        w.put16(6, answers);
        w.put16(8, authority);
        w.put16(10, additional);
        return w.toBytes();
    }

    /** RFC 6891 6.1.3: an EDNS version above 0 gets BADVERS (extended RCODE 16) and our OPT. */
    private static byte[] badVersion(MessageWriter w, Query q, int flags) {
        opt(w, 1);
        w.put16(2, flags);
        w.put16(10, 1);
        return w.toBytes();
    }

    private static void opt(MessageWriter w, int extendedRcode) {
        w.u8(0);          // owner: the root
        w.u16(Query.TYPE_OPT);
        w.u16(EDNS_SIZE); // CLASS: our UDP payload size
        w.u8(extendedRcode);
        w.u8(0);          // EDNS version 0
        w.u16(0);         // flags (DO clear: no DNSSEC)
        w.u16(0);         // no options
    }

    private static void header(MessageWriter w, int id, int flags, int qd, int an, int ns, int ar) {
        w.u16(id);
        w.u16(flags);
        w.u16(qd);
        w.u16(an);
        w.u16(ns);
        w.u16(ar);
    }
}
