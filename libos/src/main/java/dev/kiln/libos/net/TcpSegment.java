package dev.kiln.libos.net;

/**
 * A received TCP segment, parsed and checked (RFC 9293 3.1). One instance is reused for every
 * segment, and the payload stays in the received frame: no per-packet garbage.
 */
final class TcpSegment {
    static final int FIN = 0x01;
    static final int SYN = 0x02;
    static final int RST = 0x04;
    static final int PSH = 0x08;
    static final int ACK = 0x10;
    static final int URG = 0x20;

    int src;
    int dst;
    int srcPort;
    int dstPort;
    int seq;
    int ack;
    int flags;
    /** The raw 16-bit window field; scaling is the connection's business. */
    int window;
    byte[] buf;
    int dataOff;
    int dataLen;
    /** MSS option value, or 0 if absent (meaningful on SYN segments only). */
    int mss;
    /** Window scale option shift, or -1 if absent. */
    int wscale;
    /** SACK-permitted option present (RFC 2018 2). */
    boolean sackPermitted;
    /** SACK blocks (RFC 2018 3), absolute sequence numbers, at most four. */
    final int[] sackStart = new int[4];
    final int[] sackEnd = new int[4];
    int sackBlocks;

    boolean has(int flag) {
        return (flags & flag) != 0;
    }

    /** SEG.LEN: data plus one for each of SYN and FIN (RFC 9293 3.4). */
    int seqLen() {
        return dataLen + (has(SYN) ? 1 : 0) + (has(FIN) ? 1 : 0);
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
        if (len < Tcp.HEADER) {
            return false;
        }
        int hlen = (Bytes.u8(f, off + 12) >>> 4) * 4;
        if (hlen < Tcp.HEADER || hlen > len) {
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
        if (hlen > Tcp.HEADER) {
            parseOptions(f, off + Tcp.HEADER, off + hlen);
        }
        return true;
    }

    private void parseOptions(byte[] f, int i, int end) {
        while (i < end) {
            int kind = Bytes.u8(f, i);
            if (kind == 0) {
                return; // end of option list
            }
            if (kind == 1) {
                i++; // NOP
                continue;
            }
            if (i + 1 >= end) {
                return;
            }
            int olen = Bytes.u8(f, i + 1);
            if (olen < 2 || i + olen > end) {
                return; // malformed: ignore the rest (RFC 9293 3.2 "must be prepared")
            }
            if (kind == 2 && olen == 4) {
                mss = Bytes.u16(f, i + 2);
            } else if (kind == 3 && olen == 3) {
                wscale = Bytes.u8(f, i + 2);
            } else if (kind == 4 && olen == 2) {
                sackPermitted = true;
            } else if (kind == 5 && olen >= 10 && (olen - 2) % 8 == 0) {
                for (int b = i + 2; b < i + olen && sackBlocks < 4; b += 8) {
                    sackStart[sackBlocks] = Bytes.i32(f, b);
                    sackEnd[sackBlocks] = Bytes.i32(f, b + 4);
                    sackBlocks++;
                }
            }
            i += olen;
        }
    }
}
