package dev.kiln.libos.net;

/**
 * One TCP segment as a struct (RFC 9293 3.1): the header's fields, the options Kiln knows, and
 * where the payload lies. Both directions use it: {@link #read} parses and checks a received
 * segment in place (the payload stays in the frame), and {@link #write} is the one place that
 * turns a segment into bytes; the sockets fill fields and never write a header themselves.
 * Instances are reused (one for input, one for output per stack): no per-packet garbage.
 */
final class TcpSegment {
    static final int FIN = 0x01;
    static final int SYN = 0x02;
    static final int RST = 0x04;
    static final int PSH = 0x08;
    static final int ACK = 0x10;
    static final int URG = 0x20;

    /** The fixed header; options follow, up to {@link #MAX_OPTIONS} bytes (data offset 15 words). */
    static final int HEADER = 20;
    static final int MAX_OPTIONS = 40;
    /** SACK blocks a received segment may carry (40 option bytes hold at most four). */
    static final int MAX_SACK_BLOCKS = 4;
    // Option kinds (RFC 9293 3.2, RFC 7323, RFC 2018) and their sizes as we write them.
    private static final int OPT_END = 0;
    private static final int OPT_NOP = 1;
    private static final int OPT_MSS = 2;
    private static final int OPT_WSCALE = 3;
    private static final int OPT_SACK_PERMITTED = 4;
    private static final int OPT_SACK = 5;

    /** IPv4 source and destination (for the checksum's pseudo-header). */
    int src;
    int dst;
    int srcPort;
    int dstPort;
    int seq;
    int ack;
    int flags;
    /** The raw 16-bit window field; scaling is the connection's business. */
    int window;
    /** MSS option value, or 0 if absent (meaningful on SYN segments only). */
    int mss;
    /** Window scale option shift, or -1 if absent. */
    int wscale = -1;
    /** SACK-permitted option present (RFC 2018 2). */
    boolean sackPermitted;
    /** SACK blocks (RFC 2018 3), absolute sequence numbers. */
    final int[] sackStart = new int[MAX_SACK_BLOCKS];
    final int[] sackEnd = new int[MAX_SACK_BLOCKS];
    int sackBlocks;

    /** The payload: dataLen bytes at dataOff of buf (a received frame), or at ringOff of ring (a send buffer). */
    byte[] buf;
    int dataOff;
    int dataLen;
    ByteRing ring;
    int ringOff;

    boolean has(int flag) {
        return (flags & flag) != 0;
    }

    /** SEG.LEN: data plus one for each of SYN and FIN (RFC 9293 3.4). */
    int seqLen() {
        return dataLen + (has(SYN) ? 1 : 0) + (has(FIN) ? 1 : 0);
    }

    /** Empties the struct for a new outgoing segment: no options, no payload. */
    TcpSegment clear() {
        src = 0;
        dst = 0;
        srcPort = 0;
        dstPort = 0;
        seq = 0;
        ack = 0;
        flags = 0;
        window = 0;
        mss = 0;
        wscale = -1;
        sackPermitted = false;
        sackBlocks = 0;
        buf = null;
        dataOff = 0;
        dataLen = 0;
        ring = null;
        ringOff = 0;
        return this;
    }

    /** Payload from a send buffer: len bytes at offset rel from the ring's head. */
    void payload(ByteRing r, int rel, int len) {
        ring = r;
        ringOff = rel;
        buf = null;
        dataLen = len;
    }

    /** Payload from an array. */
    void payload(byte[] b, int off, int len) {
        buf = b;
        dataOff = off;
        ring = null;
        dataLen = len;
    }

    /** Adds a SACK block; false when the struct already holds {@link #MAX_SACK_BLOCKS}. */
    boolean addSack(int start, int end) {
        if (sackBlocks == MAX_SACK_BLOCKS) {
            return false;
        }
        sackStart[sackBlocks] = start;
        sackEnd[sackBlocks] = end;
        sackBlocks++;
        return true;
    }

    /** Bytes of options {@link #write} produces (a multiple of 4). */
    int optionsLength() {
        return optionsLength(sackBlocks);
    }

    /** The options' length with `blocks` SACK blocks (each option padded with NOPs to 4 bytes). */
    int optionsLength(int blocks) {
        return (mss > 0 ? 4 : 0) + (wscale >= 0 ? 4 : 0) + (sackPermitted ? 4 : 0) + (blocks > 0 ? 4 + 8 * blocks : 0);
    }

    /** Header, options and payload: the bytes {@link #write} produces. */
    int length() {
        return HEADER + optionsLength() + dataLen;
    }

    /**
     * Serializes the segment into t at off, checksum included (over src and dst); returns its
     * length. The caller makes sure {@link #length} bytes fit and the options fit in 40 bytes.
     */
    int write(byte[] t, int off) {
        int hlen = HEADER + optionsLength();
        Bytes.put16(t, off, srcPort);
        Bytes.put16(t, off + 2, dstPort);
        Bytes.put32(t, off + 4, seq);
        Bytes.put32(t, off + 8, ack);
        t[off + 12] = (byte) ((hlen / 4) << 4);
        t[off + 13] = (byte) flags;
        Bytes.put16(t, off + 14, window);
        Bytes.put16(t, off + 16, 0);
        Bytes.put16(t, off + 18, 0); // urgent pointer: URG is never sent
        int p = off + HEADER;
        if (mss > 0) {
            t[p] = OPT_MSS;
            t[p + 1] = 4;
            Bytes.put16(t, p + 2, mss);
            p += 4;
        }
        if (wscale >= 0) {
            t[p] = OPT_NOP;
            t[p + 1] = OPT_WSCALE;
            t[p + 2] = 3;
            t[p + 3] = (byte) wscale;
            p += 4;
        }
        if (sackPermitted) {
            t[p] = OPT_NOP;
            t[p + 1] = OPT_NOP;
            t[p + 2] = OPT_SACK_PERMITTED;
            t[p + 3] = 2;
            p += 4;
        }
        if (sackBlocks > 0) {
            t[p] = OPT_NOP;
            t[p + 1] = OPT_NOP;
            t[p + 2] = OPT_SACK;
            t[p + 3] = (byte) (2 + 8 * sackBlocks);
            p += 4;
            for (int i = 0; i < sackBlocks; i++) {
                Bytes.put32(t, p, sackStart[i]);
                Bytes.put32(t, p + 4, sackEnd[i]);
                p += 8;
            }
        }
        if (dataLen > 0) {
            if (ring != null) {
                ring.peek(ringOff, t, p, dataLen);
            } else {
                System.arraycopy(buf, dataOff, t, p, dataLen);
            }
        }
        int len = hlen + dataLen;
        Bytes.put16(t, off + 16, Checksum.finish(Checksum.add(Checksum.pseudo(src, dst, Ipv4.PROTO_TCP, len), t, off, len)));
        return len;
    }

    /**
     * A received segment, as every TCP receive path takes it: checks the checksum, then parses;
     * false (counted in stats) for a bad checksum or a malformed header, and the caller drops it.
     */
    boolean read(NetStats stats, byte[] f, int off, int len, int src, int dst) {
        if (!Checksum.valid(Checksum.add(Checksum.pseudo(src, dst, Ipv4.PROTO_TCP, len), f, off, len))) {
            stats.tcpBadChecksum++;
            return false;
        }
        if (!parse(f, off, len, src, dst)) {
            stats.tcpBadSegment++;
            return false;
        }
        return true;
    }

    /**
     * Parses tcp[off, off+len) of a datagram from src to dst. Returns false for anything
     * malformed; then the caller drops it.
     */
    boolean parse(byte[] f, int off, int len, int src, int dst) {
        if (len < HEADER) {
            return false;
        }
        int hlen = (Bytes.u8(f, off + 12) >>> 4) * 4;
        if (hlen < HEADER || hlen > len) {
            return false;
        }
        this.src = src;
        this.dst = dst;
        srcPort = Bytes.u16(f, off);
        dstPort = Bytes.u16(f, off + 2);
        seq = Bytes.i32(f, off + 4);
        ack = Bytes.i32(f, off + 8);
        flags = Bytes.u8(f, off + 13) & 0x3f; // CWR/ECE ignored: we do not negotiate ECN
        window = Bytes.u16(f, off + 14);
        buf = f;
        ring = null;
        dataOff = off + hlen;
        dataLen = len - hlen;
        mss = 0;
        wscale = -1;
        sackPermitted = false;
        sackBlocks = 0;
        if (srcPort == 0 || dstPort == 0) {
            return false;
        }
        // Combinations no correct TCP sends; dropping them is what every stack does.
        if (has(SYN) && (has(FIN) || has(RST))) {
            return false;
        }
        if (hlen > HEADER) {
            parseOptions(f, off + HEADER, off + hlen);
        }
        return true;
    }

    private void parseOptions(byte[] f, int i, int end) {
        while (i < end) {
            int kind = Bytes.u8(f, i);
            if (kind == OPT_END) {
                return;
            }
            if (kind == OPT_NOP) {
                i++;
                continue;
            }
            if (i + 1 >= end) {
                return;
            }
            int olen = Bytes.u8(f, i + 1);
            if (olen < 2 || i + olen > end) {
                return; // malformed: ignore the rest (RFC 9293 3.2 "must be prepared")
            }
            if (kind == OPT_MSS && olen == 4) {
                mss = Bytes.u16(f, i + 2);
            } else if (kind == OPT_WSCALE && olen == 3) {
                wscale = Bytes.u8(f, i + 2);
            } else if (kind == OPT_SACK_PERMITTED && olen == 2) {
                sackPermitted = true;
            } else if (kind == OPT_SACK && olen >= 10 && (olen - 2) % 8 == 0) {
                for (int b = i + 2; b < i + olen && sackBlocks < MAX_SACK_BLOCKS; b += 8) {
                    sackStart[sackBlocks] = Bytes.i32(f, b);
                    sackEnd[sackBlocks] = Bytes.i32(f, b + 4);
                    sackBlocks++;
                }
            }
            i += olen;
        }
    }
}
