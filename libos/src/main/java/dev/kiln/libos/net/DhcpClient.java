package dev.kiln.libos.net;

/**
 * A DHCP client (RFC 2131, options from RFC 2132): DISCOVER, OFFER, REQUEST, ACK; then
 * renewing at T1 (unicast to the server), rebinding at T2 (broadcast) and starting over when
 * the lease expires or the server NAKs. Retransmissions back off exponentially from 4 s to
 * 64 s with +-1 s of jitter (RFC 2131 4.1). Replies are untrusted like every packet.
 */
public final class DhcpClient {
    public static final int INIT = 0;
    public static final int SELECTING = 1;
    public static final int REQUESTING = 2;
    public static final int BOUND = 3;
    public static final int RENEWING = 4;
    public static final int REBINDING = 5;

    static final int CLIENT_PORT = 68;
    static final int SERVER_PORT = 67;
    private static final int MAGIC = 0x63825363;
    private static final int FIXED = 236; // the BOOTP part before the options
    private static final int DISCOVER = 1;
    private static final int OFFER = 2;
    private static final int REQUEST = 3;
    private static final int ACK = 5;
    private static final int NAK = 6;
    private static final long SECOND = 1_000_000_000L;
    /** RFC 2132 5.1: the MTU to use on this interface (at least 68); we never go above the device's. */
    private static final int OPTION_INTERFACE_MTU = 26;
    /** RFC 2131 2: a DHCP client must be able to receive 576-byte datagrams. */
    static final int MIN_MTU = 576;

    private final NetStack s;
    private UdpSocket socket;
    private final byte[] msg = new byte[576];
    private final byte[] in;
    private int state = INIT;
    private int xid;
    private int attempts;
    private long deadline = Long.MAX_VALUE;
    private long retransmitBase;

    private int offered;
    private int server;
    private int leasedIp;
    private long leaseStart;
    private long t1;
    private long t2;
    private long leaseEnd;
    private int leases;

    DhcpClient(NetStack s) {
        this.s = s;
        this.in = new byte[s.config.mtu];
        this.retransmitBase = Math.max(SECOND / 100, s.config.dhcpRetransmitNanos);
    }

    public int state() {
        return state;
    }

    /** How many ACKs have configured (or renewed) the address. */
    public int leasesObtained() {
        return leases;
    }

    public int leasedAddress() {
        return leasedIp;
    }

    /** For tests: the first retransmission interval (RFC 2131 suggests 4 s). */
    public void setRetransmitBase(long nanos) {
        retransmitBase = nanos;
    }

    void start() {
        if (socket == null) {
            socket = s.bindUdp(CLIENT_PORT);
        }
        toSelecting();
    }

    private void toSelecting() {
        state = SELECTING;
        attempts = 0;
        xid = (int) s.random.nextLong();
        offered = 0;
        server = 0;
        send(DISCOVER);
    }

    long nextDeadline() {
        return socket != null && socket.isReadable() ? s.now : deadline;
    }

    void poll() {
        if (socket == null) {
            return;
        }
        int n;
        while ((n = socket.receive(in, 0, in.length)) >= 0) {
            if (n <= in.length) {
                onMessage(n);
            }
        }
        if (s.now - deadline >= 0) {
            onTimer();
        }
    }

    private void onTimer() {
        switch (state) {
            case SELECTING:
                send(DISCOVER);
                break;
            case REQUESTING:
                if (attempts >= 4) {
                    toSelecting();
                } else {
                    send(REQUEST);
                }
                break;
            case BOUND:
                state = RENEWING; // RFC 2131 4.4.5: T1 expired
                attempts = 0;
                send(REQUEST);
                break;
            case RENEWING:
            case REBINDING:
                if (s.now - leaseEnd >= 0) {
                    s.configure(0, 0, 0); // the lease is gone: stop using the address
                    leasedIp = 0;
                    toSelecting();
                } else {
                    if (state == RENEWING && s.now - (leaseStart + t2) >= 0) {
                        state = REBINDING;
                    }
                    send(REQUEST);
                }
                break;
            default:
                deadline = Long.MAX_VALUE;
        }
    }

    private void armRetransmit() {
        long backoff = Math.min(64 * SECOND, retransmitBase << Math.min(attempts, 4));
        long jitter = (s.random.nextInt(2001) - 1000) * 1_000_000L * (retransmitBase >= 2 * SECOND ? 1 : 0);
        attempts++;
        deadline = s.now + backoff + jitter;
        if (state == RENEWING || state == REBINDING) {
            // RFC 2131 4.4.5: wait half the time remaining until T2 (or lease end), at least 60 s.
            long limit = state == RENEWING ? leaseStart + t2 : leaseEnd;
            long wait = Math.max(Math.min(60 * SECOND, limit - s.now), (limit - s.now) / 2);
            deadline = s.now + Math.max(wait, SECOND / 10);
        }
    }

    private void send(int type) {
        byte[] m = msg;
        for (int i = 0; i < m.length; i++) {
            m[i] = 0;
        }
        m[0] = 1; // BOOTREQUEST
        m[1] = 1; // Ethernet
        m[2] = 6;
        Bytes.put32(m, 4, xid);
        boolean haveAddress = state == RENEWING || state == REBINDING;
        // Broadcast flag: we cannot receive unicast before we have an address (RFC 2131 4.1).
        Bytes.put16(m, 10, haveAddress ? 0 : 0x8000);
        if (haveAddress) {
            Bytes.put32(m, 12, leasedIp); // ciaddr
        }
        Bytes.put48(m, 28, s.mac);
        Bytes.put32(m, FIXED, MAGIC);
        int p = FIXED + 4;
        m[p++] = 53;
        m[p++] = 1;
        m[p++] = (byte) type;
        if (type == REQUEST && state == REQUESTING) {
            m[p++] = 50; // requested address
            m[p++] = 4;
            Bytes.put32(m, p, offered);
            p += 4;
            m[p++] = 54; // server identifier
            m[p++] = 4;
            Bytes.put32(m, p, server);
            p += 4;
        }
        m[p++] = 55; // parameter request list: mask, router, lease, T1, T2, interface MTU
        m[p++] = 6;
        m[p++] = 1;
        m[p++] = 3;
        m[p++] = 51;
        m[p++] = 58;
        m[p++] = 59;
        m[p++] = OPTION_INTERFACE_MTU;
        m[p++] = (byte) 255;
        int len = Math.max(300, p); // BOOTP minimum message size, some servers insist
        int dst = state == RENEWING ? server : Ipv4Address.BROADCAST;
        socket.send(dst, SERVER_PORT, m, 0, len);
        armRetransmit();
    }

    private void onMessage(int n) {
        byte[] m = in;
        if (n < FIXED + 4 || m[0] != 2 || Bytes.i32(m, 4) != xid || Bytes.u48(m, 28) != s.mac
                || Bytes.i32(m, FIXED) != MAGIC) {
            return;
        }
        int type = 0;
        int serverId = 0;
        int mask = 0;
        int router = 0;
        long lease = 0;
        long renew = 0;
        long rebind = 0;
        int mtu = 0;
        int p = FIXED + 4;
        while (p < n) {
            int code = Bytes.u8(m, p);
            if (code == 255) {
                break;
            }
            if (code == 0) {
                p++;
                continue;
            }
            if (p + 1 >= n) {
                break;
            }
            int len = Bytes.u8(m, p + 1);
            int v = p + 2;
            if (v + len > n) {
                break;
            }
            if (code == 53 && len == 1) {
                type = Bytes.u8(m, v);
            } else if (code == 54 && len == 4) {
                serverId = Bytes.i32(m, v);
            } else if (code == 1 && len == 4) {
                mask = Bytes.i32(m, v);
            } else if (code == 3 && len >= 4) {
                router = Bytes.i32(m, v);
            } else if (code == 51 && len == 4) {
                lease = Bytes.i32(m, v) & 0xffffffffL;
            } else if (code == 58 && len == 4) {
                renew = Bytes.i32(m, v) & 0xffffffffL;
            } else if (code == 59 && len == 4) {
                rebind = Bytes.i32(m, v) & 0xffffffffL;
            } else if (code == OPTION_INTERFACE_MTU && len == 2) {
                mtu = Bytes.u16(m, v);
            }
            p = v + len;
        }
        int yiaddr = Bytes.i32(m, 16);
        if (state == SELECTING && type == OFFER) {
            if (yiaddr == 0 || Ipv4Address.isMulticastOrBroadcast(yiaddr) || serverId == 0) {
                return;
            }
            offered = yiaddr;
            server = serverId;
            state = REQUESTING;
            attempts = 0;
            send(REQUEST);
        } else if ((state == REQUESTING || state == RENEWING || state == REBINDING) && type == ACK) {
            int ip = yiaddr != 0 ? yiaddr : leasedIp;
            if (ip == 0 || Ipv4Address.isMulticastOrBroadcast(ip)) {
                return;
            }
            if (mask == 0) {
                mask = Ipv4Address.mask(24);
            }
            if (lease == 0) {
                lease = 3600;
            }
            // RFC 2131 4.4.5 defaults: T1 = lease / 2, T2 = lease * 7/8.
            t1 = (renew > 0 && renew < lease ? renew : lease / 2) * SECOND;
            t2 = (rebind > 0 && rebind < lease ? rebind : lease * 7 / 8) * SECOND;
            if (t2 < t1) {
                t2 = t1;
            }
            leaseStart = s.now;
            leaseEnd = s.now + lease * SECOND;
            if (serverId != 0) {
                server = serverId;
            }
            state = BOUND;
            leases++;
            s.setMtu(mtu);
            deadline = leaseStart + t1;
            if (ip != s.ip || mask != s.netmask || router != s.gateway) {
                leasedIp = ip;
                s.configure(ip, mask, router);
            }
        } else if ((state == REQUESTING || state == RENEWING || state == REBINDING) && type == NAK) {
            if (s.ip != 0) {
                s.configure(0, 0, 0);
            }
            leasedIp = 0;
            toSelecting();
        }
    }
}
