package dev.kiln.libos.net;

/**
 * IPv4 (RFC 791, host requirements from RFC 1122 3.2.1): strict header checks, options
 * skipped, fragments dropped (we never send any and do not reassemble), TTL 64 on output.
 */
final class Ipv4 {
    static final int HEADER = 20;
    /** RFC 791: every IPv4 link carries datagrams of 68 bytes unfragmented. */
    static final int MIN_MTU = 68;
    static final int MAX_MTU = 65535;
    static final int PROTO_ICMP = 1;
    static final int PROTO_TCP = 6;
    static final int PROTO_UDP = 17;
    private static final int DEFAULT_TTL = 64; // RFC 1700 / 1122 3.2.1.7 recommended value

    private final NetStack s;
    private int nextId;

    Ipv4(NetStack s) {
        this.s = s;
        this.nextId = s.random.nextInt(65536);
    }

    void receive(byte[] f, int off, int len, boolean l2broadcast) {
        NetStats st = s.stats;
        if (len < HEADER) {
            st.ipBadHeader++;
            return;
        }
        int vihl = Bytes.u8(f, off);
        int ihl = (vihl & 0xf) * 4;
        int total = Bytes.u16(f, off + 2);
        // RFC 1122 3.2.1.1-2: version 4, IHL >= 5, the total length fits what arrived
        // (Ethernet may pad short frames, so more bytes than `total` is fine).
        if ((vihl >>> 4) != 4 || ihl < HEADER || ihl > len || total < ihl || total > len) {
            st.ipBadHeader++;
            return;
        }
        if (!Checksum.valid(Checksum.add(0, f, off, ihl))) {
            st.ipBadChecksum++;
            return;
        }
        // RFC 791 fragmentation: MF set or a non-zero offset. We do not reassemble (a bounded,
        // timed reassembly buffer is an attack surface we avoid); peers use PMTU discovery.
        if ((Bytes.u16(f, off + 6) & 0x3fff) != 0) {
            st.ipFragmentsDropped++;
            return;
        }
        int protocol = Bytes.u8(f, off + 9);
        int src = Bytes.i32(f, off + 12);
        int dst = Bytes.i32(f, off + 16);
        boolean broadcast = dst == Ipv4Address.BROADCAST || (s.ip != 0 && s.isBroadcast(dst));
        // RFC 1122 3.2.1.3: a source that is broadcast or multicast is bogus; 0.0.0.0 is only
        // legitimate from a host that is booting (DHCP), so only on broadcast UDP.
        if (Ipv4Address.isMulticastOrBroadcast(src) || (src == 0 && !(broadcast && protocol == PROTO_UDP))
                || (s.ip != 0 && (src == s.ip || s.isBroadcast(src)))) {
            st.ipNotForUs++;
            return;
        }
        if (s.ip == 0) {
            // Unconfigured: only DHCP replies (UDP), unicast to the offered address or broadcast.
            if (protocol != PROTO_UDP) {
                st.ipNotForUs++;
                return;
            }
        } else if (dst != s.ip && !broadcast) {
            st.ipNotForUs++;
            return;
        }
        int p = off + ihl; // options, if any, are skipped (RFC 1122 3.2.1.8 allows ignoring them)
        int plen = total - ihl;
        switch (protocol) {
            case PROTO_ICMP:
                if (!broadcast && !l2broadcast) {
                    s.icmp.receive(f, p, plen, src);
                }
                break;
            case PROTO_UDP:
                s.udp.receive(f, off, ihl, plen, src, dst, broadcast || l2broadcast || s.ip == 0);
                break;
            case PROTO_TCP:
                // TCP is unicast only (RFC 9293 3.9.1, RFC 1122 4.2.3.10).
                if (!broadcast && !l2broadcast) {
                    s.tcp.receive(f, p, plen, src, dst);
                } else {
                    st.ipNotForUs++;
                }
                break;
            default:
                st.rxDropped++; // RFC 1122 asks for protocol unreachable; we stay silent
        }
    }

    /**
     * Sends tx[L4_OFF, L4_OFF + payloadLen) to dst, writing the IPv4 header. Returns false if
     * there is no route (off-link without a gateway, or unconfigured and not broadcast).
     */
    boolean send(int src, int dst, int protocol, int payloadLen) {
        if (payloadLen < 0 || HEADER + payloadLen > s.mtu) {
            s.stats.txTooBig++;
            return false;
        }
        int nextHop;
        if (dst == Ipv4Address.BROADCAST) {
            nextHop = dst;
        } else if (s.ip == 0) {
            return false;
        } else if (s.onLink(dst)) {
            nextHop = dst;
        } else if (s.gateway != 0) {
            nextHop = s.gateway;
        } else {
            return false;
        }
        byte[] t = s.tx;
        int o = NetStack.IP_OFF;
        t[o] = 0x45;
        t[o + 1] = 0;
        Bytes.put16(t, o + 2, HEADER + payloadLen);
        Bytes.put16(t, o + 4, nextId++ & 0xffff);
        Bytes.put16(t, o + 6, 0x4000); // DF: we rely on path MTU discovery, never fragment
        t[o + 8] = (byte) DEFAULT_TTL;
        t[o + 9] = (byte) protocol;
        Bytes.put16(t, o + 10, 0);
        Bytes.put32(t, o + 12, src);
        Bytes.put32(t, o + 16, dst);
        Bytes.put16(t, o + 10, Checksum.finish(Checksum.add(0, t, o, HEADER)));
        s.arp.send(nextHop, NetStack.ETH_HEADER + HEADER + payloadLen);
        return true;
    }
}
