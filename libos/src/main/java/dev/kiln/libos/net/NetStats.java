package dev.kiln.libos.net;

/** Counters, for tests and for `kiln inspect`. Plain fields, incremented without allocation. */
public final class NetStats {
    public long rxFrames;
    public long txFrames;
    public long rxDropped;
    public long arpRequestsSent;
    public long arpRepliesSent;
    public long arpPendingDropped;
    public long ipBadHeader;
    public long ipBadChecksum;
    public long ipFragmentsDropped;
    public long ipNotForUs;
    /** Datagrams not sent because they exceed the MTU: UDP payloads too large; for TCP a bug. */
    public long txTooBig;
    public long icmpEchoReplies;
    public long udpBadChecksum;
    public long udpNoSocket;
    public long udpQueueFull;
    public long tcpBadSegment;
    public long tcpBadChecksum;
    public long tcpResetsSent;
    public long tcpChallengeAcks;
    public long tcpRetransmits;
    public long tcpFastRetransmits;
    public long tcpTimeouts;
    public long tcpBacklogDrops;
    public long tcpReassemblyDrops;
    /** Handshakes completed while the connections' rings already used tcpBufferBudget: reset. */
    public long tcpMemoryRefusals;
    /** Orphans (closed by the application, their peer silent) given up to make room for a new connection. */
    public long tcpOrphansReclaimed;
    /** Frames lost because the heap ran out while processing them. */
    public long outOfMemory;
    /** Exceptions caught at the packet boundary: must stay 0, the fuzz test checks it. */
    public long internalErrors;
    public String lastInternalError;
}
