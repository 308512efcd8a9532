package dev.kiln.libos.net;

/**
 * One TCP connection: its transmission control block and state machine (RFC 9293 3.3.2,
 * event processing after 3.10), plus the non-blocking application interface. Operations
 * never block: read and write move what they can and return, and the readiness methods say
 * when trying again makes sense, which is what a green-thread socket layer parks on.
 *
 * <p>Memory per connection is bounded by its two rings, fixed at open; the out-of-order
 * bookkeeping is bounded too ({@link Assembler}). In TIME-WAIT the rings are released.
 */
public final class TcpSocket {
    // States (RFC 9293 3.3.2). LISTEN is a TcpListener, not a state of this class.
    public static final int CLOSED = 0;
    public static final int SYN_SENT = 2;
    public static final int SYN_RECEIVED = 3;
    public static final int ESTABLISHED = 4;
    public static final int FIN_WAIT_1 = 5;
    public static final int FIN_WAIT_2 = 6;
    public static final int CLOSE_WAIT = 7;
    public static final int CLOSING = 8;
    public static final int LAST_ACK = 9;
    public static final int TIME_WAIT = 10;

    // Why a connection ended.
    public static final int ERR_NONE = 0;
    public static final int ERR_REFUSED = 1;
    public static final int ERR_RESET = 2;
    public static final int ERR_TIMEOUT = 3;
    public static final int ERR_ABORTED = 4;

    private static final int DEFAULT_MSS = 536; // RFC 9293 3.7.1, when the peer sends none
    /**
     * The smallest peer MSS we honour: RFC 791's minimum MTU (68) minus 40. Anything smaller
     * cannot come from a real IPv4 link; it would only make us send needlessly tiny segments.
     * (It was 64, which broke links whose MTU is below 104: our segments no longer fit.)
     */
    private static final int MIN_PEER_MSS = Ipv4.MIN_MTU - Ipv4.HEADER - TcpSegment.HEADER;

    private final Tcp tcp;
    private final NetStack s;
    final long key;
    int index = -1;
    /** The listener while not yet accepted. */
    TcpListener listener;
    int state;
    private int error;

    final int localPort;
    final int remoteIp;
    final int remotePort;

    // Send sequence space (RFC 9293 3.3.1). sndMax is the highest sequence number sent, since
    // after a timeout sndNxt goes back to sndUna (go-back-N without SACK).
    int iss;
    int sndUna;
    int sndNxt;
    int sndMax;
    int sndWnd;
    private int sndWl1;
    private int sndWl2;
    private int maxSndWnd;
    private int sndShift;
    int mss;
    private ByteRing sendBuf;
    /** Sequence number of the first byte in sendBuf. */
    private int sndBufSeq;
    private boolean finQueued;
    private boolean finSent;
    private int finSeq;

    // Receive sequence space.
    int irs;
    int rcvNxt;
    private int rcvShift;
    /** RCV.NXT + RCV.WND as last advertised: never moved left (RFC 9293 3.8.6.2.2). */
    private int rcvAdvRight;
    private ByteRing recvBuf;
    private final Assembler reassembly;
    private boolean finReceived;
    private boolean ackNow;
    /** Both sides sent SACK-permitted: our ACKs carry SACK blocks, and we use the peer's. */
    private boolean sackOk;
    /** The sender's scoreboard: SACKed ranges as offsets from SND.UNA (RFC 6675 2). */
    private final Assembler sacked = new Assembler(64);
    /** End of the last hole retransmitted in this recovery episode (RFC 6675 HighRxt). */
    private int highRxt;

    private final RttEstimator rtt;
    final NewReno cc = new NewReno();
    private int retries;

    // Timers: absolute deadlines in nanoseconds, 0 when off.
    private long rtoDeadline;
    private long persistDeadline;
    private long persistInterval;
    private int unansweredProbes;
    private long keepaliveDeadline;
    private int keepaliveProbes;
    private boolean keepalive;
    long timeWaitDeadline;
    private long finWait2Deadline;
    private boolean userClosed;
    /** The rings' sizes; they are allocated (and counted against tcpBufferBudget) once the connection is established or actively opened. */
    private final int sendBufferSize;
    private final int receiveBufferSize;
    private boolean buffersAllocated;

    TcpSocket(Tcp tcp, int localPort, int remoteIp, int remotePort, int sendBuffer, int receiveBuffer) {
        this.tcp = tcp;
        this.s = tcp.s;
        this.localPort = localPort;
        this.remoteIp = remoteIp;
        this.remotePort = remotePort;
        this.key = Tcp.key(remoteIp, remotePort, localPort);
        this.sendBufferSize = sendBuffer;
        this.receiveBufferSize = receiveBuffer;
        this.reassembly = new Assembler(Math.max(1, s.config.tcpReassemblyRanges));
        this.rtt = new RttEstimator(s.config.tcpMinRtoNanos);
        this.keepalive = s.config.tcpKeepalive;
        this.mss = Math.min(DEFAULT_MSS, tcp.localMss());
        // Smallest shift with which the whole receive buffer can be advertised (RFC 7323 2.3).
        int shift = 0;
        while (shift < 14 && (receiveBuffer >>> shift) > 65535) {
            shift++;
        }
        this.rcvShift = shift;
    }

    // ---- opening (called by Tcp) ----------------------------------------------------------

    /**
     * Allocates the two rings if the stack's buffer budget allows; false (nothing allocated)
     * if not. A half-open connection has none: a flood of SYNs costs no ring memory, and only a
     * peer that completed the handshake (so sees our packets) can make the stack allocate.
     */
    boolean allocateBuffers() {
        if (buffersAllocated) {
            return true;
        }
        if (!tcp.reserveBuffers(sendBufferSize + receiveBufferSize)) {
            return false;
        }
        buffersAllocated = true;
        sendBuf = new ByteRing(sendBufferSize);
        recvBuf = new ByteRing(receiveBufferSize);
        return true;
    }

    /** Ring bytes this connection needs before it can be established. */
    int bufferBytesNeeded() {
        return buffersAllocated ? 0 : sendBufferSize + receiveBufferSize;
    }

    private void releaseSendBuffer() {
        if (sendBuf != null) {
            tcp.releaseBuffers(sendBuf.capacity());
            sendBuf = null;
        }
    }

    private void releaseReceiveBuffer() {
        if (recvBuf != null) {
            tcp.releaseBuffers(recvBuf.capacity());
            recvBuf = null;
        }
    }

    void activeOpen(int iss) {
        initSend(iss);
        state = SYN_SENT;
    }

    void passiveOpen(TcpSegment g, int iss) {
        initSend(iss);
        state = SYN_RECEIVED;
        irs = g.seq;
        rcvNxt = g.seq + 1;
        rcvAdvRight = rcvNxt;
        applySynOptions(g);
        sndWnd = g.window; // never scaled in a SYN (RFC 7323 2.2)
        maxSndWnd = sndWnd;
        sndWl1 = g.seq;
        sndWl2 = iss;
    }

    private void initSend(int iss) {
        this.iss = iss;
        sndUna = iss;
        sndNxt = iss;
        sndMax = iss;
        sndBufSeq = iss + 1;
        cc.init(mss, iss);
    }

    /** MSS (RFC 9293 3.7.1) and window scale (RFC 7323 2.2: only if both sides sent it). */
    private void applySynOptions(TcpSegment g) {
        sackOk = g.sackPermitted;
        int peerMss = g.mss > 0 ? g.mss : DEFAULT_MSS;
        mss = Math.min(Math.max(peerMss, MIN_PEER_MSS), tcp.localMss()); // never above what our MTU carries
        if (g.wscale >= 0) {
            sndShift = Math.min(g.wscale, 14); // RFC 7323 2.3: larger values are treated as 14
        } else {
            sndShift = 0;
            rcvShift = 0;
        }
        cc.init(mss, iss);
    }

    // ---- input -----------------------------------------------------------------------------

    void onSegment(TcpSegment g) {
        if (state == SYN_SENT) {
            onSynSent(g);
        } else if (state != CLOSED) {
            onSynchronized(g);
        }
        if (state != CLOSED) {
            output();
        }
    }

    /** RFC 9293 3.10.7.3, SYN-SENT. */
    private void onSynSent(TcpSegment g) {
        boolean ack = g.has(TcpSegment.ACK);
        if (ack && (Seq.le(g.ack, iss) || Seq.gt(g.ack, sndMax))) {
            tcp.reset(g);
            return;
        }
        if (g.has(TcpSegment.RST)) {
            if (ack) {
                terminate(ERR_REFUSED);
            }
            return;
        }
        if (!g.has(TcpSegment.SYN)) {
            return;
        }
        irs = g.seq;
        rcvNxt = g.seq + 1;
        rcvAdvRight = rcvNxt;
        applySynOptions(g);
        sndWnd = g.window;
        maxSndWnd = sndWnd;
        sndWl1 = g.seq;
        sndWl2 = g.ack;
        if (ack) {
            sndUna = g.ack;
            rtt.onAck(g.ack, s.now);
            retries = 0;
            rtoDeadline = 0;
            establish();
            ackNow = true;
            // Data on a SYN-ACK is rare; it is not accepted here and the peer retransmits it.
        } else {
            // Simultaneous open (RFC 9293 3.5 figure 8): answer with SYN,ACK on the same ISS.
            state = SYN_RECEIVED;
            sndNxt = iss;
        }
    }

    private void establish() {
        state = ESTABLISHED;
        keepaliveProbes = 0;
        keepaliveDeadline = keepalive ? s.now + s.config.tcpKeepaliveIdleNanos : 0;
    }

    /** RFC 9293 3.10.7.4, every state from SYN-RECEIVED on. */
    private void onSynchronized(TcpSegment g) {
        boolean syn = g.has(TcpSegment.SYN);
        boolean rst = g.has(TcpSegment.RST);
        boolean fin = g.has(TcpSegment.FIN);
        int segLen = g.seqLen();
        int wnd = receiveWindow();

        if (state == SYN_RECEIVED && syn && g.seq == irs) {
            if (!g.has(TcpSegment.ACK)) {
                sndNxt = iss; // a retransmitted SYN: our SYN,ACK was lost, send it again
                return;
            }
            if (g.ack == iss + 1 && listener == null) {
                // Simultaneous open (RFC 9293 3.5 figure 8, line 6): the peer's SYN,ACK is
                // "unacceptable" by the letter of 3.10.7.4 (its SYN lies before RCV.NXT), yet it
                // acknowledges our SYN; as Linux does, it completes the handshake.
                sndUna = g.ack;
                sndWnd = g.window; // never scaled in a SYN (RFC 7323 2.2)
                maxSndWnd = Math.max(maxSndWnd, sndWnd);
                sndWl1 = g.seq;
                sndWl2 = g.ack;
                rtt.onAck(g.ack, s.now);
                retries = 0;
                rtoDeadline = 0;
                establish();
                ackNow = true;
                return;
            }
        }

        // First: is the sequence number acceptable (the table in 3.10.7.4)?
        boolean acceptable;
        if (segLen == 0) {
            acceptable = wnd == 0 ? g.seq == rcvNxt : Seq.inWindow(g.seq, rcvNxt, rcvNxt + wnd);
        } else {
            acceptable = wnd != 0 && (Seq.inWindow(g.seq, rcvNxt, rcvNxt + wnd)
                    || Seq.inWindow(g.seq + segLen - 1, rcvNxt, rcvNxt + wnd));
        }
        int seq = g.seq;
        int dOff = g.dataOff;
        int dLen = g.dataLen;
        if (!acceptable) {
            if (wnd == 0 && g.seq == rcvNxt && !syn) {
                // Zero window: the data cannot be taken, but ACKs and RSTs still count. A zero
                // window probe (one byte of new data, 3.8.6.1) is answered: the ACK tells the
                // peer the window is still closed, and without answers it would give up on us.
                if (dLen > 0 || fin) {
                    ackNow = true;
                }
                dLen = 0;
                fin = false;
            } else {
                if (!rst) {
                    ackNow = true;
                    if (state == TIME_WAIT && fin) {
                        timeWaitDeadline = s.now + 2 * s.config.tcpMslNanos; // retransmitted FIN
                    }
                }
                return;
            }
        }

        // Second: RST (RFC 5961 3.2: exact match resets, in-window gets a challenge ACK).
        if (rst) {
            if (state == TIME_WAIT) {
                // RFC 1337: a RST must not end TIME-WAIT early (its job is to outlive old
                // duplicates); a peer that closed for good answers our last ACKs with RSTs.
                return;
            }
            if (g.seq == rcvNxt) {
                terminate(state == SYN_RECEIVED && listener != null ? ERR_NONE : ERR_RESET);
            } else {
                challengeAck();
            }
            return;
        }
        // Fourth: SYN in a synchronized state (RFC 5961 4.2): challenge ACK.
        if (syn) {
            challengeAck();
            return;
        }

        // Trim what lies before RCV.NXT and beyond the window / buffer.
        if (Seq.lt(seq, rcvNxt)) {
            int cut = rcvNxt - seq;
            if (cut > dLen) {
                dLen = 0;
                fin = false; // the FIN was before rcvNxt: a duplicate
            } else {
                dOff += cut;
                dLen -= cut;
            }
            seq = rcvNxt;
        }
        int room = Math.min(wnd, storageRoom()) - (seq - rcvNxt);
        if (dLen > room) {
            dLen = Math.max(0, room);
            fin = false;
        }

        // Fifth: the ACK field.
        if (!g.has(TcpSegment.ACK)) {
            return;
        }
        if (state == SYN_RECEIVED) {
            if (Seq.gt(g.ack, sndUna) && Seq.le(g.ack, sndMax)) {
                if (!allocateBuffers() && !(tcp.reclaimOrphans(this) && allocateBuffers())) {
                    // Out of buffer memory (tcpBufferBudget) even after giving up orphans whose
                    // peers do not answer: refuse the connection now rather than let the image
                    // run out of heap. The peer sees a reset.
                    s.stats.tcpMemoryRefusals++;
                    abortWith(ERR_NONE);
                    return;
                }
                establish();
                sndWnd = g.window << sndShift;
                maxSndWnd = Math.max(maxSndWnd, sndWnd);
                sndWl1 = g.seq;
                sndWl2 = g.ack;
                if (listener != null) {
                    listener.halfOpen--;
                    listener.ready.add(this);
                }
            } else {
                tcp.reset(g);
                return;
            }
        }
        if (Seq.gt(g.ack, sndMax)) {
            ackNow = true; // acknowledges something we never sent
            return;
        }
        if (Seq.lt(g.ack, sndUna - maxSndWnd)) {
            challengeAck(); // RFC 5961 5.2: too old to be genuine
            return;
        }
        int window = g.window << sndShift;
        keepaliveProbes = 0;
        unansweredProbes = 0; // the peer is there: a zero window may stay closed as long as it likes
        if (keepalive && keepaliveDeadline != 0) {
            keepaliveDeadline = s.now + s.config.tcpKeepaliveIdleNanos;
        }
        if (sackOk && g.sackBlocks > 0) {
            recordSack(g, g.ack);
        }
        if (Seq.gt(g.ack, sndUna)) {
            onNewAck(g.ack);
        } else if (g.ack == sndUna && g.dataLen == 0 && !g.has(TcpSegment.FIN) && window == sndWnd
                && sndMax != sndUna && window != 0) {
            // The RFC 5681 section 2 definition of a duplicate ACK; with a zero window it only
            // answers our window probe, which is no sign of loss.
            onDupAck(g.ack);
        }
        // Window update, only from a segment newer than the last one used (RFC 9293 3.10.7.4).
        if (Seq.lt(sndWl1, g.seq) || (sndWl1 == g.seq && Seq.le(sndWl2, g.ack))) {
            sndWnd = window;
            maxSndWnd = Math.max(maxSndWnd, window);
            sndWl1 = g.seq;
            sndWl2 = g.ack;
            if (window > 0) {
                persistDeadline = 0;
            }
        }
        boolean finAcked = finSent && Seq.gt(sndUna, finSeq);
        switch (state) {
            case FIN_WAIT_1:
                if (finAcked) {
                    state = FIN_WAIT_2;
                    releaseSendBuffer(); // everything, the FIN included, is acknowledged
                    if (userClosed) {
                        finWait2Deadline = s.now + s.config.tcpFinWait2TimeoutNanos;
                    }
                }
                break;
            case CLOSING:
                if (finAcked) {
                    enterTimeWait();
                }
                break;
            case LAST_ACK:
                if (finAcked) {
                    terminate(ERR_NONE);
                    return;
                }
                break;
            default:
                break;
        }

        // Seventh: segment text.
        if (dLen > 0) {
            if (state == ESTABLISHED || state == FIN_WAIT_1 || state == FIN_WAIT_2) {
                acceptData(g.buf, dOff, dLen, seq);
            }
            ackNow = true;
        }

        // Eighth: FIN, accepted only in order (an out-of-order FIN is retransmitted by the peer);
        // out of order it gets a duplicate ACK at once, as out-of-order data does (RFC 5681 4.2).
        if (fin && seq + dLen != rcvNxt) {
            ackNow = true;
        } else if (fin) {
            if (!finReceived) {
                finReceived = true;
                rcvNxt++;
            }
            ackNow = true;
            switch (state) {
                case ESTABLISHED:
                    state = CLOSE_WAIT;
                    break;
                case FIN_WAIT_1:
                    if (finAcked) {
                        enterTimeWait();
                    } else {
                        state = CLOSING;
                    }
                    break;
                case FIN_WAIT_2:
                    enterTimeWait();
                    break;
                case TIME_WAIT:
                    timeWaitDeadline = s.now + 2 * s.config.tcpMslNanos;
                    break;
                default:
                    break;
            }
        }
    }

    private void challengeAck() {
        if (tcp.allowChallengeAck()) {
            ackNow = true;
        }
    }

    /** Places in-window data: in order straight into the ring, out of order past its end. */
    private void acceptData(byte[] b, int off, int len, int seq) {
        int rel = seq - rcvNxt;
        if (userClosed || recvBuf == null) {
            // Nobody will read it: acknowledge in-order data and throw it away.
            if (rel == 0) {
                rcvNxt += len;
            }
            return;
        }
        if (!reassembly.add(rel, len)) {
            if (rel != 0) {
                s.stats.tcpReassemblyDrops++;
                return;
            }
            // Every hole descriptor is in use, but data at RCV.NXT needs none: take it. Refusing
            // it would stall the connection for good, since the peer can only send it again.
            recvBuf.writeAt(0, b, off, len);
            recvBuf.commit(len);
            rcvNxt += len;
            reassembly.advance(len);
            return;
        }
        recvBuf.writeAt(rel, b, off, len);
        int ready = reassembly.removeFront();
        if (ready > 0) {
            recvBuf.commit(ready);
            rcvNxt += ready;
        }
    }

    /** Adds the peer's SACK blocks to the scoreboard; blocks outside (ack, SND.MAX] are ignored. */
    private void recordSack(TcpSegment g, int ack) {
        int base = Seq.gt(ack, sndUna) ? ack : sndUna;
        for (int i = 0; i < g.sackBlocks; i++) {
            int st = g.sackStart[i];
            int en = g.sackEnd[i];
            if (Seq.le(en, base) || Seq.gt(en, sndMax) || Seq.ge(st, en)) {
                continue;
            }
            if (Seq.lt(st, base)) {
                st = base;
            }
            // Offsets from the current SND.UNA; onNewAck shifts them when SND.UNA moves.
            sacked.add(st - sndUna, en - st);
        }
    }

    private void onNewAck(int ack) {
        int acked = ack - sndUna;
        sacked.advance(acked);
        if (Seq.lt(highRxt, ack)) {
            highRxt = ack;
        }
        int inBuf = ack - sndBufSeq;
        if (sendBuf != null && inBuf > 0) {
            int n = Math.min(inBuf, sendBuf.count());
            sendBuf.discard(n);
            sndBufSeq += n;
        }
        sndUna = ack;
        if (Seq.lt(sndNxt, sndUna)) {
            sndNxt = sndUna;
        }
        rtt.onAck(ack, s.now);
        retries = 0;
        if (state != SYN_RECEIVED && cc.onNewAck(ack, acked, sndMax - sndUna)) {
            // NewReno partial ACK; with SACK, the next hole instead of blindly SND.UNA.
            if (!sackOk || !retransmitNextHole()) {
                retransmitFirst();
            }
        }
        // RFC 6298 5.2 and 5.3: stop the timer when all is acknowledged, else restart it.
        rtoDeadline = sndNxt != sndUna ? s.now + rtt.rto() : 0;
        persistInterval = 0;
    }

    private void onDupAck(int ack) {
        boolean wasInRecovery = cc.inRecovery;
        if (cc.onDupAck(ack, sndMax - sndUna, sndMax)) {
            s.stats.tcpFastRetransmits++;
            highRxt = sndUna;
            if (!sackOk || !retransmitNextHole()) {
                retransmitFirst();
            }
        } else if (wasInRecovery && sackOk && retransmitNextHole()) {
            // One segment left the network, one hole goes in: use the inflation for it.
            cc.cwnd -= mss;
        }
    }

    /**
     * RFC 6675-style: retransmits the first not-SACKed range at or after HighRxt that lies
     * below the highest SACKed byte (so it is known lost, not merely in flight).
     */
    private boolean retransmitNextHole() {
        int rel = Math.max(0, highRxt - sndUna);
        for (int i = 0; i < sacked.ranges(); i++) {
            if (rel < sacked.rangeStart(i)) {
                // RFC 6675 IsLost(): only with DupThresh (3) segments' worth SACKed above it;
                // less is more likely reordering than loss.
                if (sacked.bytesBelow(Integer.MAX_VALUE) - sacked.bytesBelow(rel) < 3 * mss) {
                    return false;
                }
                int len = Math.min(mss, sacked.rangeStart(i) - rel);
                rtt.cancelTiming();
                int sent = transmit(sndUna + rel, len);
                if (sent <= 0) {
                    return false;
                }
                s.stats.tcpRetransmits++;
                highRxt = sndUna + rel + sent;
                if (Seq.gt(highRxt, sndNxt)) {
                    sndNxt = highRxt;
                }
                return true;
            }
            rel = Math.max(rel, sacked.rangeEnd(i));
        }
        return false;
    }

    private void retransmitFirst() {
        rtt.cancelTiming(); // Karn
        int sent = transmit(sndUna, Math.min(mss, sndMax - sndUna)); // what was sent, nothing new
        if (sent > 0) {
            s.stats.tcpRetransmits++;
            if (Seq.gt(sndUna + sent, sndNxt)) {
                sndNxt = sndUna + sent;
            }
        }
    }

    // ---- output ----------------------------------------------------------------------------

    /** Sends whatever the state, windows and buffers allow: SYN, data, FIN, or an ACK. */
    void output() {
        switch (state) {
            case CLOSED:
                return;
            case SYN_SENT:
            case SYN_RECEIVED:
                if (sndNxt == iss) {
                    sendSyn();
                } else if (ackNow && state == SYN_RECEIVED) {
                    sendAck();
                }
                ackNow = false;
                return;
            case TIME_WAIT:
                if (ackNow) {
                    sendAck();
                }
                return;
            default:
                break;
        }
        while (sendBuf != null) {
            int rel = sndNxt - sndUna;
            int sackLimit = Integer.MAX_VALUE;
            if (sackOk && !sacked.isEmpty() && Seq.lt(sndNxt, sndMax)) {
                // Going back over data the peer already holds (after a timeout): skip it.
                boolean skipped = false;
                for (int i = 0; i < sacked.ranges(); i++) {
                    if (rel >= sacked.rangeStart(i) && rel < sacked.rangeEnd(i)) {
                        sndNxt = sndUna + sacked.rangeEnd(i);
                        skipped = true;
                        break;
                    }
                    if (rel < sacked.rangeStart(i)) {
                        sackLimit = sacked.rangeStart(i) - rel;
                        break;
                    }
                }
                if (skipped) {
                    continue;
                }
            }
            int flight = rel - (sackOk ? sacked.bytesBelow(rel) : 0);
            int usable = Math.min(sndWnd, cc.cwnd + cc.limitedTransmit()) - flight;
            int off = sndNxt - sndBufSeq;
            int avail = Math.max(0, Math.min(sackLimit, sendBuf.count() - off));
            boolean finDue = finQueued && off == sendBuf.count() && (!finSent || Seq.le(sndNxt, finSeq));
            if (avail == 0 && !finDue) {
                break;
            }
            int len = Math.min(Math.min(avail, mss), Math.max(usable, 0));
            if (avail > 0 && len == 0) {
                break; // window closed: the persist timer takes over
            }
            if (len < avail && len < mss && flight > 0) {
                break; // sender silly window avoidance (RFC 9293 3.8.6.2.1): wait for an ACK
            }
            boolean fresh = Seq.ge(sndNxt, sndMax);
            int sent = transmit(sndNxt, len);
            if (sent == 0) {
                break;
            }
            if (fresh) {
                rtt.startTiming(sndNxt, s.now); // only new data is timed (Karn)
            } else {
                rtt.cancelTiming();
                s.stats.tcpRetransmits++;
            }
            sndNxt += sent;
            if (Seq.gt(sndNxt, sndMax)) {
                sndMax = sndNxt;
            }
            if (rtoDeadline == 0) {
                rtoDeadline = s.now + rtt.rto();
            }
        }
        if (sendBuf != null && sndWnd == 0 && sndNxt == sndUna && persistDeadline == 0
                && sendBuf.count() - (sndNxt - sndBufSeq) > 0) {
            if (persistInterval == 0) {
                persistInterval = rtt.rto();
            }
            persistDeadline = s.now + persistInterval; // RFC 9293 3.8.6.1
        }
        if (ackNow) {
            sendAck();
        }
    }

    /**
     * Sends one segment starting at seq with up to maxLen bytes from the send buffer, and the
     * FIN if it follows them. Does not move sndNxt. Returns the sequence space used.
     */
    private int transmit(int seq, int maxLen) {
        int off = seq - sndBufSeq;
        if (off < 0 || sendBuf == null) {
            return 0;
        }
        TcpSegment o = segment(seq, TcpSegment.ACK);
        // Options come out of the segment's payload (RFC 6691): SACK blocks take at most half.
        addSackBlocks(o, Math.min(TcpSegment.MAX_OPTIONS, mss / 2));
        int len = Math.max(0, Math.min(Math.min(maxLen, mss - o.optionsLength()), sendBuf.count() - off));
        boolean fin = finQueued && off + len == sendBuf.count();
        if (len == 0 && !fin) {
            return 0;
        }
        if (len > 0 && off + len == sendBuf.count()) {
            o.flags |= TcpSegment.PSH;
        }
        if (fin) {
            o.flags |= TcpSegment.FIN;
            finSent = true;
            finSeq = seq + len;
        }
        o.window = windowField();
        o.payload(sendBuf, off, len);
        tcp.send(o);
        ackNow = false;
        return len + (fin ? 1 : 0);
    }

    /** The output struct, cleared and addressed to the peer; SEG.ACK is RCV.NXT when flags has ACK. */
    private TcpSegment segment(int seq, int flags) {
        TcpSegment o = tcp.segment();
        o.dst = remoteIp;
        o.srcPort = localPort;
        o.dstPort = remotePort;
        o.seq = seq;
        o.flags = flags;
        if ((flags & TcpSegment.ACK) != 0) {
            o.ack = rcvNxt;
        }
        return o;
    }

    /**
     * SACK blocks (RFC 2018 3) describing the out-of-order data held, most recent (highest)
     * first, at most three, and only as many as fit in optionBudget bytes of options.
     */
    private void addSackBlocks(TcpSegment o, int optionBudget) {
        if (!sackOk || reassembly.isEmpty()) {
            return;
        }
        int n = reassembly.ranges();
        for (int i = 0; i < n && i < 3 && o.optionsLength(o.sackBlocks + 1) <= optionBudget; i++) {
            int r = n - 1 - i;
            o.addSack(rcvNxt + reassembly.rangeStart(r), rcvNxt + reassembly.rangeEnd(r));
        }
    }

    private void sendSyn() {
        int flags = TcpSegment.SYN;
        int ws = rcvShift;
        if (state == SYN_RECEIVED) {
            flags |= TcpSegment.ACK;
            if (sndShift == 0 && rcvShift == 0) {
                ws = -1; // the peer did not offer scaling: we must not either
            }
        }
        if (retries == 0) {
            rtt.startTiming(iss, s.now);
        } else {
            rtt.cancelTiming();
        }
        TcpSegment o = segment(iss, flags);
        o.window = Math.min(recvBuf == null ? (buffersAllocated ? 0 : receiveBufferSize) : recvBuf.free(), 65535);
        rcvAdvRight = rcvNxt + o.window;
        o.mss = tcp.localMss();
        o.wscale = ws;
        o.sackPermitted = state == SYN_SENT || sackOk;
        tcp.send(o);
        sndNxt = iss + 1;
        if (Seq.gt(sndNxt, sndMax)) {
            sndMax = sndNxt;
        }
        if (rtoDeadline == 0) {
            rtoDeadline = s.now + rtt.rto();
        }
    }

    private void sendAck() {
        TcpSegment o = segment(sndNxt, TcpSegment.ACK);
        o.window = windowField();
        addSackBlocks(o, Math.min(TcpSegment.MAX_OPTIONS, tcp.localMss()));
        tcp.send(o);
        ackNow = false;
    }

    /** Room the receive buffer really has (discarded data needs none after close). */
    private int storageRoom() {
        if (userClosed) {
            return Integer.MAX_VALUE / 2; // discarded: takes no room
        }
        if (recvBuf == null) {
            return buffersAllocated ? 0 : receiveBufferSize; // released, or not yet allocated (SYN-RECEIVED)
        }
        return recvBuf.free();
    }

    /** RCV.WND as last advertised. */
    private int receiveWindow() {
        int w = rcvAdvRight - rcvNxt;
        return Math.max(w, 0);
    }

    /**
     * The window field for an outgoing segment. The right edge never moves left (RFC 9293
     * 3.8.6.2.2), and it moves right only by at least min(buffer/2, MSS): receiver-side
     * silly window avoidance (same section).
     */
    private int windowField() {
        int free = storageRoom();
        if (free > (1 << 30)) {
            free = recvBuf == null ? Math.min(65535, receiveBufferSize) : recvBuf.capacity();
        }
        int right = rcvNxt + free;
        int cap = recvBuf == null ? receiveBufferSize : recvBuf.capacity();
        if (Seq.gt(right, rcvAdvRight) && right - rcvAdvRight < Math.min(cap / 2, mss)) {
            right = rcvAdvRight;
        }
        if (Seq.lt(right, rcvAdvRight)) {
            right = rcvAdvRight;
        }
        int w = right - rcvNxt;
        int field = (int) Math.min(65535L, ((long) w + (1L << rcvShift) - 1) >>> rcvShift);
        rcvAdvRight = Seq.max(rcvAdvRight, rcvNxt + (field << rcvShift));
        return field;
    }

    private boolean windowUpdateWorthwhile() {
        if (recvBuf == null) {
            return false;
        }
        int right = rcvNxt + recvBuf.free();
        return Seq.gt(right, rcvAdvRight) && right - rcvAdvRight >= Math.min(recvBuf.capacity() / 2, mss);
    }

    // ---- timers ----------------------------------------------------------------------------

    long nextDeadline() {
        long d = Long.MAX_VALUE;
        if (rtoDeadline != 0) {
            d = rtoDeadline;
        }
        if (persistDeadline != 0) {
            d = Math.min(d, persistDeadline);
        }
        if (keepaliveDeadline != 0) {
            d = Math.min(d, keepaliveDeadline);
        }
        if (state == TIME_WAIT) {
            d = Math.min(d, timeWaitDeadline);
        }
        if (finWait2Deadline != 0 && state == FIN_WAIT_2) {
            d = Math.min(d, finWait2Deadline);
        }
        return d;
    }

    void onTimers() {
        long now = s.now;
        if (state == TIME_WAIT) {
            if (now - timeWaitDeadline >= 0) {
                terminate(ERR_NONE);
            }
            return;
        }
        if (state == FIN_WAIT_2 && finWait2Deadline != 0 && now - finWait2Deadline >= 0) {
            terminate(ERR_TIMEOUT);
            return;
        }
        if (rtoDeadline != 0 && now - rtoDeadline >= 0) {
            onRetransmitTimeout();
            if (state == CLOSED) {
                return;
            }
        }
        if (persistDeadline != 0 && now - persistDeadline >= 0) {
            onPersist();
        }
        if (keepaliveDeadline != 0 && now - keepaliveDeadline >= 0) {
            onKeepalive();
        }
    }

    /** RFC 6298 5.4-5.6 and RFC 5681 3.1: back off, shrink cwnd, go back to SND.UNA. */
    private void onRetransmitTimeout() {
        rtoDeadline = 0;
        retries++;
        if (state == SYN_SENT || state == SYN_RECEIVED) {
            if (retries > s.config.tcpMaxSynRetries) {
                terminate(state == SYN_RECEIVED && listener != null ? ERR_NONE : ERR_TIMEOUT);
                return;
            }
            rtt.backoff();
            rtt.cancelTiming();
            sndNxt = iss;
            output();
            return;
        }
        if (sndNxt == sndUna && sndMax == sndUna) {
            retries = 0;
            return; // nothing outstanding
        }
        if (retries > s.config.tcpMaxRetries) {
            abortWith(ERR_TIMEOUT);
            return;
        }
        s.stats.tcpTimeouts++;
        cc.onTimeout(sndMax - sndUna, sndMax);
        rtt.backoff();
        rtt.cancelTiming();
        sndNxt = sndUna;
        output();
        if (rtoDeadline == 0) {
            rtoDeadline = s.now + rtt.rto();
        }
    }

    /**
     * Zero-window probe: one byte of new data (RFC 9293 3.8.6.1), with backoff. A peer that
     * answers may keep its window closed for ever; one that never answers is gone (or hostile:
     * a closed window and silence would otherwise hold the connection and its buffers for
     * good), and after tcpMaxRetries unanswered probes the connection is reset, as a
     * retransmission that is never acknowledged would be (Linux does the same).
     */
    private void onPersist() {
        persistDeadline = 0;
        if (sndWnd != 0 || sndNxt != sndUna || sendBuf == null) {
            return;
        }
        if (unansweredProbes >= s.config.tcpMaxRetries) {
            abortWith(ERR_TIMEOUT);
            return;
        }
        unansweredProbes++;
        int sent = transmit(sndNxt, 1);
        if (sent > 0 && Seq.gt(sndNxt + sent, sndMax)) {
            sndMax = sndNxt + sent;
        }
        persistInterval = Math.min(RttEstimator.MAX_RTO, Math.max(persistInterval, rtt.rto()) * 2);
        persistDeadline = s.now + persistInterval;
    }

    /** RFC 9293 3.8.4 / RFC 1122 4.2.3.6: an ACK with SEG.SEQ = SND.NXT - 1 to elicit an ACK. */
    private void onKeepalive() {
        if (!keepalive || (state != ESTABLISHED && state != CLOSE_WAIT)) {
            keepaliveDeadline = 0;
            return;
        }
        if (keepaliveProbes >= s.config.tcpKeepaliveProbes) {
            abortWith(ERR_TIMEOUT);
            return;
        }
        keepaliveProbes++;
        TcpSegment o = segment(sndNxt - 1, TcpSegment.ACK);
        o.window = windowField();
        tcp.send(o);
        keepaliveDeadline = s.now + s.config.tcpKeepaliveIntervalNanos;
    }

    private void enterTimeWait() {
        state = TIME_WAIT;
        timeWaitDeadline = s.now + 2 * s.config.tcpMslNanos;
        rtoDeadline = 0;
        persistDeadline = 0;
        keepaliveDeadline = 0;
        releaseSendBuffer(); // everything we sent is acknowledged: free it
        if (userClosed) {
            releaseReceiveBuffer();
        }
        tcp.enteredTimeWait();
    }

    /** Leaves the table for good. */
    void terminate(int why) {
        if (state == CLOSED) {
            return;
        }
        if (state == TIME_WAIT) {
            tcp.leftTimeWait();
        }
        boolean neverAccepted = listener != null;
        if (listener != null) {
            if (state == SYN_RECEIVED) {
                listener.halfOpen--;
            } else {
                listener.ready.remove(this);
            }
            listener = null;
        }
        state = CLOSED;
        if (error == ERR_NONE) {
            error = why;
        }
        rtoDeadline = 0;
        persistDeadline = 0;
        keepaliveDeadline = 0;
        finWait2Deadline = 0;
        tcp.remove(this);
        if (userClosed || neverAccepted) { // nobody will read or write it any more
            releaseSendBuffer();
            releaseReceiveBuffer();
        }
    }

    private void abortWith(int why) {
        if (state != CLOSED && state != SYN_SENT && state != TIME_WAIT) {
            tcp.send(segment(sndNxt, TcpSegment.RST));
            s.stats.tcpResetsSent++;
        }
        terminate(why);
    }

    // ---- the application's side --------------------------------------------------------------

    public int state() {
        return state;
    }

    private byte[] oneByte;

    public static String stateName(int state) {
        switch (state) {
            case CLOSED: return "CLOSED";
            case SYN_SENT: return "SYN-SENT";
            case SYN_RECEIVED: return "SYN-RECEIVED";
            case ESTABLISHED: return "ESTABLISHED";
            case FIN_WAIT_1: return "FIN-WAIT-1";
            case FIN_WAIT_2: return "FIN-WAIT-2";
            case CLOSE_WAIT: return "CLOSE-WAIT";
            case CLOSING: return "CLOSING";
            case LAST_ACK: return "LAST-ACK";
            case TIME_WAIT: return "TIME-WAIT";
            default: return "?";
        }
    }

    /** Why the connection ended: one of the ERR_ constants. */
    public int error() {
        return error;
    }

    /**
     * What a read reports once the data is read: ERR_NONE for a plain end of stream, else why
     * the connection ended. Once the peer's FIN arrived the stream ended normally, and a RST
     * after it does not change that (Linux's recv() returns 0 there too; only writes see the reset).
     */
    public int readError() {
        return finReceived ? ERR_NONE : error;
    }

    public int remoteAddress() {
        return remoteIp;
    }

    public int remotePort() {
        return remotePort;
    }

    public int localPort() {
        return localPort;
    }

    public boolean isConnecting() {
        return state == SYN_SENT || state == SYN_RECEIVED;
    }

    /** Data (or EOF, or an error) is there to read: read() will not return 0. */
    public boolean isReadable() {
        return (recvBuf != null && recvBuf.count() > 0) || finReceived || state == CLOSED;
    }

    /** write() would take at least one byte, or fail: it will not return 0. */
    public boolean isWritable() {
        if (state == CLOSED || finQueued) {
            return true;
        }
        return (state == ESTABLISHED || state == CLOSE_WAIT) && sendBuf != null && sendBuf.free() > 0;
    }

    /** Bytes received in order and not yet read (InputStream.available). */
    public int available() {
        return recvBuf == null ? 0 : recvBuf.count();
    }

    /** Bytes sent but not yet acknowledged plus bytes not yet sent. */
    public int unsentOrUnacked() {
        return sendBuf == null ? 0 : sendBuf.count();
    }

    /** Reads up to len bytes: the count, 0 if nothing is there yet, -1 at end of stream or after an error. */
    public int read(byte[] b, int off, int len) {
        if (recvBuf != null && recvBuf.count() > 0) {
            int n = recvBuf.read(b, off, len);
            if (state != CLOSED && windowUpdateWorthwhile()) {
                ackNow = true;
                output();
            }
            return n;
        }
        return finReceived || state == CLOSED ? -1 : 0;
    }

    /** One byte (0..255), -2 if nothing is there yet, -1 at end of stream or after an error (InputStream.read()). */
    public int readByte() {
        if (recvBuf != null && recvBuf.count() > 0) {
            if (oneByte == null) {
                oneByte = new byte[1];
            }
            read(oneByte, 0, 1);
            return oneByte[0] & 0xff;
        }
        return finReceived || state == CLOSED ? -1 : -2;
    }

    /** Queues up to len bytes: the count accepted (0 if the buffer is full), -1 if the connection cannot send. */
    public int write(byte[] b, int off, int len) {
        if (finQueued || sendBuf == null
                || (state != ESTABLISHED && state != CLOSE_WAIT && state != SYN_SENT && state != SYN_RECEIVED)) {
            return -1;
        }
        int n = sendBuf.write(b, off, len);
        if (n > 0 && (state == ESTABLISHED || state == CLOSE_WAIT)) {
            output();
        }
        return n;
    }

    public void setKeepalive(boolean on) {
        keepalive = on;
        if (!on) {
            keepaliveDeadline = 0;
        } else if (state == ESTABLISHED || state == CLOSE_WAIT) {
            keepaliveDeadline = s.now + s.config.tcpKeepaliveIdleNanos;
        }
    }

    /** Sends FIN after the queued data (RFC 9293 3.10.4 CLOSE, half-close). */
    public void shutdownOutput() {
        if (finQueued) {
            return;
        }
        switch (state) {
            case SYN_SENT:
                terminate(ERR_ABORTED);
                return;
            case SYN_RECEIVED:
            case ESTABLISHED:
                finQueued = true;
                state = FIN_WAIT_1;
                break;
            case CLOSE_WAIT:
                finQueued = true;
                state = LAST_ACK;
                break;
            default:
                return;
        }
        output();
    }

    /**
     * Graceful close: FIN after the queued data; the stack finishes the connection on its own.
     * Unread received data makes it an abort instead (RFC 1122 4.2.2.13, RFC 2525 2.17).
     */
    public void close() {
        userClosed = true;
        if (recvBuf != null && recvBuf.count() > 0 && state != CLOSED) {
            abort();
            return;
        }
        if (state == FIN_WAIT_2 && finWait2Deadline == 0) {
            finWait2Deadline = s.now + s.config.tcpFinWait2TimeoutNanos;
        }
        shutdownOutput();
        releaseReceiveBuffer(); // nobody reads any more: what arrives is acknowledged and dropped
        if (state == CLOSED) {
            releaseSendBuffer();
        }
    }

    /**
     * Closed by the application and still waiting for the peer to acknowledge its data or FIN:
     * an orphan whose rings may be taken back when a new connection needs them.
     */
    boolean isReclaimableOrphan() {
        return userClosed && sendBuf != null && (state == FIN_WAIT_1 || state == CLOSING || state == LAST_ACK);
    }

    int retries() {
        return retries;
    }

    /** Gives an orphan up (a reset to the peer) so that its rings serve a new connection. */
    void reclaim() {
        s.stats.tcpOrphansReclaimed++;
        abortWith(ERR_TIMEOUT);
    }

    /** Resets the connection (RFC 9293 3.10.5 ABORT). */
    public void abort() {
        userClosed = true;
        abortWith(ERR_ABORTED);
    }

    String debugString() {
        return toString() + " una=" + (sndUna - iss) + " nxt=" + (sndNxt - iss) + " max=" + (sndMax - iss)
                + " wnd=" + sndWnd + " cwnd=" + cc.cwnd + " ssthresh=" + cc.ssthresh + " rec=" + cc.inRecovery
                + " rcvNxt=" + (rcvNxt - irs) + " adv=" + (rcvAdvRight - rcvNxt)
                + " rbuf=" + (recvBuf == null ? -1 : recvBuf.count()) + " sbuf=" + (sendBuf == null ? -1 : sendBuf.count())
                + " ooo=" + reassembly.ranges() + " sacked=" + sacked.ranges()
                + " rto=" + rtoDeadline + " persist=" + persistDeadline + " finQ=" + finQueued + " finR=" + finReceived
                + " now=" + s.now;
    }

    @Override
    public String toString() {
        return "tcp " + localPort + " -> " + Ipv4Address.toString(remoteIp) + ":" + remotePort + " " + stateName(state);
    }
}
