package dev.kiln.libos.net;

/**
 * The retransmission timeout of RFC 6298: SRTT and RTTVAR from one timed segment at a time,
 * Karn's algorithm (no samples from retransmitted segments, the caller cancels timing), and
 * exponential backoff kept until the next valid sample (RFC 6298 5.5, 5.7).
 */
final class RttEstimator {
    static final long INITIAL_RTO = 1_000_000_000L; // RFC 6298 2.1
    static final long MAX_RTO = 60_000_000_000L;    // RFC 6298 2.5 allows an upper bound of >= 60 s
    private static final long GRANULARITY = 1_000_000L; // G, the clock granularity we assume: 1 ms

    private final long minRto;
    private long srtt;
    private long rttvar;
    private long rto = INITIAL_RTO;
    private boolean hasSample;

    // The one segment being timed.
    private boolean timing;
    private int timedSeq;
    private long timedSince;

    RttEstimator(long minRto) {
        this.minRto = minRto;
    }

    long rto() {
        return rto;
    }

    long srtt() {
        return srtt;
    }

    void startTiming(int seq, long now) {
        if (!timing) {
            timing = true;
            timedSeq = seq;
            timedSince = now;
        }
    }

    /** Karn: a retransmission makes the current measurement ambiguous. */
    void cancelTiming() {
        timing = false;
    }

    /** An ACK for `ack` arrived: take a sample if it covers the timed segment. */
    void onAck(int ack, long now) {
        if (timing && Seq.gt(ack, timedSeq)) {
            timing = false;
            sample(now - timedSince);
        }
    }

    void sample(long r) {
        if (r < 0) {
            return;
        }
        if (!hasSample) {
            srtt = r;                       // RFC 6298 2.2
            rttvar = r / 2;
            hasSample = true;
        } else {
            long delta = srtt > r ? srtt - r : r - srtt;
            rttvar = (3 * rttvar + delta) / 4;  // RFC 6298 2.3, beta = 1/4
            srtt = (7 * srtt + r) / 8;          // alpha = 1/8
        }
        rto = clamp(srtt + Math.max(GRANULARITY, 4 * rttvar));
    }

    /** RFC 6298 5.5: double the RTO on each expiry. */
    void backoff() {
        rto = Math.min(MAX_RTO, rto * 2);
    }

    private long clamp(long v) {
        return Math.max(minRto, Math.min(MAX_RTO, v));
    }
}
