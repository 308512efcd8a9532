package dev.kiln.libos.net;

/**
 * The stack's settings: addresses (static, from the manifest or `kiln run --ip`, or DHCP when
 * {@link #ip} is 0) and every bound that keeps memory finite. Plain fields so that the image's
 * boot code can fill it without reflection.
 */
public final class NetConfig {
    /** Our MAC address, low 48 bits. */
    public long mac;
    /** Static address; 0 means "use DHCP". */
    public int ip;
    public int prefixLength = 24;
    /** Default gateway; 0 means "on-link only". */
    public int gateway;
    /** The DNS resolver to ask (the boot info's net_dns); 0 means none. */
    public int dns;
    /** Layer-3 MTU of the device. */
    public int mtu = 1500;
    /** Seeds the initial sequence numbers, ephemeral ports and DHCP transaction ids. */
    public long randomSeed = 0x6b696c6e6e6574L;

    /** First DHCP retransmission interval; doubles up to 64 s (RFC 2131 4.1 suggests 4 s). */
    public long dhcpRetransmitNanos = 4_000_000_000L;

    // ARP (RFC 826, RFC 1122 2.3.2.1-2)
    public int arpCacheEntries = 64;
    public long arpEntryLifetimeNanos = 60_000_000_000L;
    public long arpRetryNanos = 1_000_000_000L;
    public int arpMaxRequests = 3;
    /** Frames held while their next hop is resolved, for all destinations together. */
    public int arpPendingFrames = 16;

    // UDP
    /**
     * Datagrams a socket holds until the app receives them; beyond, new ones are dropped. 256
     * is about what Linux's default socket buffer (208 KiB) holds of small datagrams: with 32, a
     * DNS server that fell behind for a moment dropped all but 32 of a client's window of 200
     * (kiln bench dns). Slots are allocated on first use, so a socket that never sees a burst
     * never holds them.
     */
    public int udpQueueDatagrams = 256;

    // TCP
    /** Connections in any state but TIME_WAIT (those are bounded by tcpMaxTimeWait). */
    public int tcpMaxConnections = 1024;
    /** TIME_WAIT entries kept; beyond this the oldest is recycled (as Linux's tcp_max_tw_buckets). */
    public int tcpMaxTimeWait = 4096;
    public int tcpSendBuffer = 64 * 1024;
    public int tcpReceiveBuffer = 64 * 1024;
    /**
     * Bytes of send and receive rings all TCP connections may hold together. A handshake that
     * would exceed it is answered with a reset, a connect() fails; half-open connections hold
     * no rings. An image sets it to three quarters of its heap, so that peers cannot make it run out.
     */
    public long tcpBufferBudget = Long.MAX_VALUE;
    /** Out-of-order ranges remembered per connection. */
    public int tcpReassemblyRanges = 64;
    /** MSL; TIME_WAIT lasts 2 MSL (RFC 9293 3.4.2). */
    public long tcpMslNanos = 30_000_000_000L;
    /** RFC 6298 2.4 says 1 s; it allows less and Linux uses 200 ms. */
    public long tcpMinRtoNanos = 200_000_000L;
    public int tcpMaxSynRetries = 6;
    public int tcpMaxRetries = 12;
    /** An orphaned FIN-WAIT-2 (the app closed, the peer never does) is dropped after this. */
    public long tcpFinWait2TimeoutNanos = 60_000_000_000L;
    // Keepalive (RFC 9293 3.8.4; RFC 1122 4.2.3.6: off by default, idle >= 2 h)
    public boolean tcpKeepalive = false;
    public long tcpKeepaliveIdleNanos = 7_200_000_000_000L;
    public long tcpKeepaliveIntervalNanos = 75_000_000_000L;
    public int tcpKeepaliveProbes = 9;

    public NetConfig() {}

    /** A static configuration. */
    public static NetConfig staticIp(long mac, int ip, int prefixLength, int gateway) {
        NetConfig c = new NetConfig();
        c.mac = mac;
        c.ip = ip;
        c.prefixLength = prefixLength;
        c.gateway = gateway;
        return c;
    }
}
