package dev.kiln.libos.net;

/**
 * The TCP/IP stack of one network interface: single-threaded and event-driven. The runtime
 * hands it every received Ethernet frame ({@link #receive}), calls {@link #poll} to run the
 * timers, and sleeps until {@link #nextDeadline}. Frames leave through the {@link FrameSink}.
 * Sockets ({@link TcpSocket}, {@link TcpListener}, {@link UdpSocket}) are non-blocking and
 * report readiness, so a green-thread layer can park on them.
 *
 * <p>Every received frame is untrusted: parsing checks every length before it reads, and a
 * malformed frame is counted and dropped. Nothing here throws because of a packet; as a last
 * line of defence {@link #receive} counts any exception in {@link NetStats#internalErrors}
 * (the fuzz test requires that counter to stay zero).
 */
public final class NetStack {
    static final int ETH_HEADER = 14;
    static final int ETHERTYPE_IPV4 = 0x0800;
    static final int ETHERTYPE_ARP = 0x0806;
    static final long MAC_BROADCAST = 0xffffffffffffL;
    /** Offset of an IPv4 header without options in the transmit buffer. */
    static final int IP_OFF = ETH_HEADER;
    /** Offset of the transport header in the transmit buffer (we never send IP options). */
    static final int L4_OFF = ETH_HEADER + Ipv4.HEADER;

    final NetConfig config;
    final NetStats stats = new NetStats();
    private final Clock clock;
    private final FrameSink sink;
    /** The one transmit buffer: every outgoing frame is built here, then handed to the sink. */
    final byte[] tx;
    final Prng random;

    final long mac;
    /** The IP MTU: the device's (NetConfig.mtu), lowered by DHCP's interface MTU option if it says so. */
    int mtu;
    int ip;
    int netmask;
    int gateway;

    final Arp arp;
    final Ipv4 ipv4;
    final Icmp icmp;
    final Udp udp;
    /**
     * TCP as the stack sees it: {@link ClosedTcp} (every port closed, a RST for every segment)
     * until the first listen() or connect() creates {@link Tcp}. The stack reaches TCP only
     * through the {@link Transport} interface, and TeaVM compiles into an image only the methods
     * of classes the program can instantiate, so an image that opens no TCP socket (a DNS server)
     * carries none of the TCP machinery, about a tenth of its size.
     */
    Transport tcp;
    private Tcp tcpSockets;
    private DhcpClient dhcp;
    long now;

    public NetStack(NetConfig config, Clock clock, FrameSink sink) {
        this.config = config;
        this.clock = clock;
        this.sink = sink;
        this.mac = config.mac & MAC_BROADCAST;
        if (config.mtu < Ipv4.MIN_MTU || config.mtu > Ipv4.MAX_MTU) {
            throw new IllegalArgumentException("MTU " + config.mtu + " is outside " + Ipv4.MIN_MTU + ".." + Ipv4.MAX_MTU);
        }
        if (config.ip == 0 && config.mtu < DhcpClient.MIN_MTU) {
            throw new IllegalArgumentException("MTU " + config.mtu + " is too small for DHCP (RFC 2131 needs "
                    + DhcpClient.MIN_MTU + "): give the interface a static address");
        }
        this.mtu = config.mtu;
        this.tx = new byte[ETH_HEADER + config.mtu];
        this.random = new Prng(config.randomSeed);
        this.now = clock.nanoTime();
        this.arp = new Arp(this);
        this.ipv4 = new Ipv4(this);
        this.icmp = new Icmp(this);
        this.udp = new Udp(this);
        this.tcp = new ClosedTcp(this);
        if (config.ip != 0) {
            configure(config.ip, Ipv4Address.mask(config.prefixLength), config.gateway);
        } else {
            dhcp = new DhcpClient(this);
            dhcp.start();
        }
    }

    /** Sets (or, with ip 0, removes) the interface address; announces it with a gratuitous ARP. */
    void configure(int ip, int netmask, int gateway) {
        if (this.ip != 0 && this.ip != ip) {
            tcp.abortAll(); // connections are bound to the old address
        }
        this.ip = ip;
        this.netmask = netmask;
        this.gateway = gateway;
        if (ip != 0) {
            arp.announce(); // RFC 5227 3: gratuitous ARP at start
        }
    }

    /**
     * DHCP's interface MTU option (RFC 2132 5.1): it may lower the MTU below the device's, never
     * raise it; 0 (no option) or a value below 68 means the device's. New TCP connections size
     * their segments by it; UDP's limit follows at once.
     */
    void setMtu(int offered) {
        mtu = offered >= Ipv4.MIN_MTU && offered < config.mtu ? offered : config.mtu;
    }

    /** The IP MTU in use. */
    public int mtu() {
        return mtu;
    }

    // ---- the driver's interface ---------------------------------------------------------

    /** Processes one received Ethernet frame (without FCS). The array may be reused after return. */
    public void receive(byte[] frame, int length) {
        now = clock.nanoTime();
        stats.rxFrames++;
        try {
            if (frame == null || length < ETH_HEADER || length > frame.length) {
                stats.rxDropped++;
                return;
            }
            long dst = Bytes.u48(frame, 0);
            if (dst != mac && dst != MAC_BROADCAST) {
                stats.rxDropped++;
                return;
            }
            int type = Bytes.u16(frame, 12);
            if (type == ETHERTYPE_IPV4) {
                ipv4.receive(frame, ETH_HEADER, length - ETH_HEADER, dst == MAC_BROADCAST);
            } else if (type == ETHERTYPE_ARP) {
                arp.receive(frame, ETH_HEADER, length - ETH_HEADER);
            } else {
                stats.rxDropped++; // IPv6, VLAN tags, LLDP...: not ours
            }
        } catch (RuntimeException e) {
            stats.internalErrors++;
            stats.lastInternalError = e.toString();
        } catch (OutOfMemoryError e) {
            stats.outOfMemory++; // the frame is lost; the budget (tcpBufferBudget) should keep this from happening
        }
    }

    /** Runs the timers due at nowNanos: retransmissions, ARP retries, TIME_WAIT, DHCP. */
    public void poll(long nowNanos) {
        now = nowNanos;
        try {
            arp.poll();
            tcp.poll();
            if (dhcp != null) {
                dhcp.poll();
            }
        } catch (RuntimeException e) {
            stats.internalErrors++;
            stats.lastInternalError = e.toString();
        }
    }

    /** Runs the timers with the time from the clock. */
    public void poll() {
        poll(clock.nanoTime());
    }

    /** The earliest time poll() has something to do, or Long.MAX_VALUE. */
    public long nextDeadline() {
        long d = Math.min(arp.nextDeadline(), tcp.nextDeadline());
        if (dhcp != null) {
            d = Math.min(d, dhcp.nextDeadline());
        }
        return d;
    }

    // ---- sockets --------------------------------------------------------------------------

    /** Port 0 chooses a free ephemeral port (RFC 6335); see {@link TcpListener#port()}. */
    public TcpListener listen(int port, int backlog) {
        return openTcp().listen(port, backlog);
    }

    public TcpSocket connect(int remoteIp, int remotePort) {
        return openTcp().connect(remoteIp, remotePort);
    }

    /** An active open with its own buffer sizes (bytes, at least 1024 each; 0 = the configured size). */
    public TcpSocket connect(int remoteIp, int remotePort, int sendBuffer, int receiveBuffer) {
        return openTcp().connect(remoteIp, remotePort,
                sendBuffer <= 0 ? config.tcpSendBuffer : Math.max(1024, sendBuffer),
                receiveBuffer <= 0 ? config.tcpReceiveBuffer : Math.max(1024, receiveBuffer));
    }

    /** Port 0 chooses a free ephemeral port (RFC 6335). */
    public UdpSocket bindUdp(int port) {
        return udp.bind(port);
    }

    // ---- state ------------------------------------------------------------------------------

    public NetStats stats() {
        return stats;
    }

    public int address() {
        return ip;
    }

    public int netmask() {
        return netmask;
    }

    public int gatewayAddress() {
        return gateway;
    }

    public long macAddress() {
        return mac;
    }

    public DhcpClient dhcp() {
        return dhcp;
    }

    /** Some TCP connection still has data or a FIN the peer has not acknowledged. */
    public boolean hasPendingOutput() {
        return tcp.hasPendingOutput();
    }

    /** Connections the stack still holds, TIME_WAIT included. */
    public int tcpConnectionCount() {
        return tcp.connectionCount();
    }

    /** Connections in any state but TIME_WAIT. */
    public int tcpActiveConnectionCount() {
        return tcp.connectionCount() - tcp.timeWaitCount();
    }

    /** Bytes of send and receive rings the TCP connections hold (bounded by NetConfig.tcpBufferBudget). */
    public long tcpBufferBytes() {
        return tcp.bufferBytes();
    }

    /** The TCP connections, one per line, for diagnostics. */
    public String describeConnections() {
        return tcp.describe();
    }

    long time() {
        return now;
    }

    /** The TCP layer with sockets, created by the first listen() or connect() (see {@link #tcp}). */
    Tcp openTcp() {
        if (tcpSockets == null) {
            tcpSockets = new Tcp(this);
            tcp = tcpSockets;
        }
        return tcpSockets;
    }

    // ---- transmit ----------------------------------------------------------------------------

    /** Sends tx[0, length) after writing the Ethernet header for dstMac. */
    void sendFrame(long dstMac, int etherType, int length) {
        Bytes.put48(tx, 0, dstMac);
        Bytes.put48(tx, 6, mac);
        Bytes.put16(tx, 12, etherType);
        stats.txFrames++;
        sink.send(tx, 0, length);
    }

    /**
     * The one place a TCP segment becomes bytes: g (filled by a socket or by the RST of a closed
     * port) is serialized from our address behind an IPv4 header and sent. False if it does not
     * fit the MTU or has no route.
     */
    boolean sendTcp(TcpSegment g) {
        g.src = ip;
        int len = g.length();
        if (Ipv4.HEADER + len > mtu) {
            stats.txTooBig++; // the segment was sized for a larger MTU: a bug
            return false;
        }
        g.write(tx, L4_OFF);
        return ipv4.send(ip, g.dst, Ipv4.PROTO_TCP, len);
    }

    /** Hands a frame built elsewhere (ARP's pending queue) to the device. */
    void sendRaw(byte[] frame, int length) {
        stats.txFrames++;
        sink.send(frame, 0, length);
    }

    boolean onLink(int addr) {
        return ((addr ^ ip) & netmask) == 0;
    }

    boolean isBroadcast(int addr) {
        return addr == Ipv4Address.BROADCAST || (netmask != 0 && netmask != -1 && addr == (ip | ~netmask));
    }
}
