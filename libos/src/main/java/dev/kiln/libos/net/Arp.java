package dev.kiln.libos.net;

/**
 * ARP for IPv4 over Ethernet (RFC 826): a bounded cache with lifetimes, replies for our
 * address, gratuitous announcements (RFC 5227 3), and a bounded queue of frames waiting for
 * their next hop to resolve (RFC 1122 2.3.2.2 asks for at least one per destination).
 */
final class Arp {
    static final int LEN = 28;
    private static final int OP_REQUEST = 1;
    private static final int OP_REPLY = 2;

    private final NetStack s;
    // The cache: parallel arrays, linear search (it is small and bounded).
    private final int[] cacheIp;
    private final long[] cacheMac;
    private final long[] cacheExpires;
    private int cacheSize;
    // Resolutions in progress.
    private final int[] resIp;
    private final int[] resTries;
    private final long[] resNext;
    private int resCount;
    // Frames waiting for a resolution; preallocated, so queueing makes no garbage.
    private final byte[][] pending;
    private final int[] pendingLen;
    private final int[] pendingHop;
    private int pendingCount;

    Arp(NetStack s) {
        this.s = s;
        NetConfig c = s.config;
        int entries = Math.max(1, c.arpCacheEntries);
        cacheIp = new int[entries];
        cacheMac = new long[entries];
        cacheExpires = new long[entries];
        int frames = Math.max(1, c.arpPendingFrames);
        resIp = new int[frames];
        resTries = new int[frames];
        resNext = new long[frames];
        pending = new byte[frames][];
        pendingLen = new int[frames];
        pendingHop = new int[frames];
    }

    /** The MAC for an IPv4 address, or -1 if unknown or expired. */
    long lookup(int ip) {
        for (int i = 0; i < cacheSize; i++) {
            if (cacheIp[i] == ip) {
                if (cacheExpires[i] - s.now <= 0) {
                    removeCache(i);
                    return -1;
                }
                return cacheMac[i];
            }
        }
        return -1;
    }

    int cacheSize() {
        return cacheSize;
    }

    private boolean update(int ip, long mac) {
        for (int i = 0; i < cacheSize; i++) {
            if (cacheIp[i] == ip) {
                cacheMac[i] = mac;
                cacheExpires[i] = s.now + s.config.arpEntryLifetimeNanos;
                return true;
            }
        }
        return false;
    }

    private void insert(int ip, long mac) {
        int slot;
        if (cacheSize < cacheIp.length) {
            slot = cacheSize++;
        } else {
            slot = 0; // full: replace the entry closest to expiry
            for (int i = 1; i < cacheSize; i++) {
                if (cacheExpires[i] - cacheExpires[slot] < 0) {
                    slot = i;
                }
            }
        }
        cacheIp[slot] = ip;
        cacheMac[slot] = mac;
        cacheExpires[slot] = s.now + s.config.arpEntryLifetimeNanos;
    }

    private void removeCache(int i) {
        cacheSize--;
        cacheIp[i] = cacheIp[cacheSize];
        cacheMac[i] = cacheMac[cacheSize];
        cacheExpires[i] = cacheExpires[cacheSize];
    }

    void receive(byte[] f, int off, int len) {
        if (len < LEN || Bytes.u16(f, off) != 1 || Bytes.u16(f, off + 2) != NetStack.ETHERTYPE_IPV4
                || Bytes.u8(f, off + 4) != 6 || Bytes.u8(f, off + 5) != 4) {
            s.stats.rxDropped++;
            return;
        }
        int op = Bytes.u16(f, off + 6);
        long sha = Bytes.u48(f, off + 8);
        int spa = Bytes.i32(f, off + 14);
        int tpa = Bytes.i32(f, off + 24);
        boolean shaValid = sha != s.mac && ((sha >>> 40) & 1) == 0 && sha != 0;
        if (s.ip == 0 || !shaValid || (op != OP_REQUEST && op != OP_REPLY)) {
            s.stats.rxDropped++;
            return;
        }
        boolean spaValid = spa != 0 && spa != s.ip && !Ipv4Address.isMulticastOrBroadcast(spa);
        // RFC 826 "packet reception": update an existing entry first, add one only if the
        // packet is addressed to us; so strangers cannot fill the cache.
        boolean merged = spaValid && update(spa, sha);
        if (tpa == s.ip) {
            if (spaValid && !merged) {
                insert(spa, sha);
            }
            if (op == OP_REQUEST) {
                write(OP_REPLY, sha, s.ip, spa);
                s.sendFrame(sha, NetStack.ETHERTYPE_ARP, NetStack.ETH_HEADER + LEN);
                s.stats.arpRepliesSent++;
            }
        }
        if (spaValid && (merged || tpa == s.ip)) {
            flush(spa, sha);
        }
    }

    private void write(int op, long tha, int spa, int tpa) {
        byte[] t = s.tx;
        int o = NetStack.ETH_HEADER;
        Bytes.put16(t, o, 1);
        Bytes.put16(t, o + 2, NetStack.ETHERTYPE_IPV4);
        t[o + 4] = 6;
        t[o + 5] = 4;
        Bytes.put16(t, o + 6, op);
        Bytes.put48(t, o + 8, s.mac);
        Bytes.put32(t, o + 14, spa);
        Bytes.put48(t, o + 18, tha);
        Bytes.put32(t, o + 24, tpa);
    }

    /** Gratuitous ARP: a request for our own address (RFC 5227 3 "ARP Announcement"). */
    void announce() {
        write(OP_REQUEST, 0, s.ip, s.ip);
        s.sendFrame(NetStack.MAC_BROADCAST, NetStack.ETHERTYPE_ARP, NetStack.ETH_HEADER + LEN);
        s.stats.arpRequestsSent++;
    }

    private void request(int ip) {
        write(OP_REQUEST, 0, s.ip, ip);
        s.sendFrame(NetStack.MAC_BROADCAST, NetStack.ETHERTYPE_ARP, NetStack.ETH_HEADER + LEN);
        s.stats.arpRequestsSent++;
    }

    /**
     * Sends the IPv4 frame in tx[0, length) (Ethernet header not yet written) to nextHop,
     * or queues it and starts resolving.
     */
    void send(int nextHop, int length) {
        if (nextHop == Ipv4Address.BROADCAST || s.isBroadcast(nextHop)) {
            s.sendFrame(NetStack.MAC_BROADCAST, NetStack.ETHERTYPE_IPV4, length);
            return;
        }
        long mac = lookup(nextHop);
        if (mac >= 0) {
            s.sendFrame(mac, NetStack.ETHERTYPE_IPV4, length);
            return;
        }
        boolean resolving = false;
        for (int r = 0; r < resCount; r++) {
            if (resIp[r] == nextHop) {
                resolving = true;
            }
        }
        if (pendingCount == pending.length || (!resolving && resCount == resIp.length)) {
            s.stats.arpPendingDropped++; // bounded: the transport layer retransmits
            return;
        }
        int i = pendingCount++;
        if (pending[i] == null) {
            pending[i] = new byte[s.tx.length];
        }
        System.arraycopy(s.tx, 0, pending[i], 0, length);
        pendingLen[i] = length;
        pendingHop[i] = nextHop;
        if (!resolving) {
            resIp[resCount] = nextHop;
            resTries[resCount] = 1;
            resNext[resCount] = s.now + s.config.arpRetryNanos;
            resCount++;
            request(nextHop);
        }
    }

    private void flush(int ip, long mac) {
        for (int r = 0; r < resCount; r++) {
            if (resIp[r] == ip) {
                removeResolution(r);
                break;
            }
        }
        int w = 0;
        for (int i = 0; i < pendingCount; i++) {
            byte[] f = pending[i];
            if (pendingHop[i] == ip) {
                Bytes.put48(f, 0, mac);
                Bytes.put48(f, 6, s.mac);
                Bytes.put16(f, 12, NetStack.ETHERTYPE_IPV4);
                s.sendRaw(f, pendingLen[i]);
            } else {
                swapPending(w++, i);
            }
        }
        pendingCount = w;
    }

    private void dropPending(int ip) {
        int w = 0;
        for (int i = 0; i < pendingCount; i++) {
            if (pendingHop[i] == ip) {
                s.stats.arpPendingDropped++;
            } else {
                swapPending(w++, i);
            }
        }
        pendingCount = w;
    }

    private void swapPending(int a, int b) {
        if (a == b) {
            return;
        }
        byte[] f = pending[a];
        pending[a] = pending[b];
        pending[b] = f;
        pendingLen[a] = pendingLen[b];
        pendingHop[a] = pendingHop[b];
    }

    private void removeResolution(int r) {
        resCount--;
        resIp[r] = resIp[resCount];
        resTries[r] = resTries[resCount];
        resNext[r] = resNext[resCount];
    }

    void poll() {
        for (int r = resCount - 1; r >= 0; r--) {
            if (resNext[r] - s.now > 0) {
                continue;
            }
            if (resTries[r] >= s.config.arpMaxRequests) {
                int ip = resIp[r];
                removeResolution(r);
                dropPending(ip); // unreachable: give up (RFC 1122 2.3.2.1 flood limits)
            } else {
                resTries[r]++;
                resNext[r] = s.now + s.config.arpRetryNanos;
                request(resIp[r]);
            }
        }
    }

    long nextDeadline() {
        long d = Long.MAX_VALUE;
        for (int r = 0; r < resCount; r++) {
            d = Math.min(d, resNext[r]);
        }
        return d;
    }
}
