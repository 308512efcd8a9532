package dnsserver;

/**
 * One resource record of the zone, ready for the wire: rdata bytes, except that domain names
 * inside the rdata (NS, SOA) are kept as names so the response writer can compress them.
 * Its owner is the name it is filed under in {@link Zone}.
 */
final class Record {
    static final int SOA = 6;

    final int type;
    final int ttl;
    final String[] names; // names at the start of the rdata (NS: target; SOA: mname, rname), else empty
    final byte[] rdata;   // the rest of the rdata

    Record(int type, int ttl, String[] names, byte[] rdata) {
        this.type = type;
        this.ttl = ttl;
        this.names = names;
        this.rdata = rdata;
    }

    /** The SOA's MINIMUM field (its last 4 bytes): the TTL of negative answers (RFC 2308). */
    int soaMinimum() {
        int n = rdata.length;
        return ((rdata[n - 4] & 0xff) << 24) | ((rdata[n - 3] & 0xff) << 16) | ((rdata[n - 2] & 0xff) << 8) | (rdata[n - 1] & 0xff);
    }
}
