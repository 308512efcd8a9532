package dev.kiln.libos.net;

/**
 * Congestion control: slow start and congestion avoidance (RFC 5681 3.1), fast retransmit
 * and NewReno fast recovery (RFC 6582 3.2). Byte-based; the connection owns the sending,
 * this class only decides how much may be in flight and when to retransmit.
 */
final class NewReno {
    int cwnd;
    int ssthresh = Integer.MAX_VALUE; // RFC 5681 3.1: "arbitrarily high"
    int dupAcks;
    boolean inRecovery;
    int recover;
    private int mss;

    void init(int mss, int iss) {
        this.mss = mss;
        cwnd = 10 * mss; // RFC 6928 initial window
        recover = iss;   // RFC 6582 3.2 step 1
    }

    /**
     * A duplicate ACK (RFC 5681 2 definition) arrived. Returns true when the caller must
     * retransmit the first unacknowledged segment now (the third duplicate).
     */
    boolean onDupAck(int ack, int flight, int sndMax) {
        dupAcks++;
        if (inRecovery) {
            cwnd += mss; // RFC 6582 3.2 step 4: inflate for each segment that left the network
            return false;
        }
        // RFC 6582 3.2 step 2: only if the ACK covers more than `recover` (avoids multiple
        // reductions for losses in one window). `recover` here is the sequence number after the
        // highest one sent (SND.MAX), so an ACK at or beyond it covers all of that window: a
        // loss after it is a new one. (ISS at first: the first data segment may be lost too.)
        if (dupAcks == 3 && Seq.ge(ack, recover)) {
            recover = sndMax;
            ssthresh = Math.max(flight / 2, 2 * mss);
            cwnd = ssthresh + 3 * mss;
            inRecovery = true;
            return true;
        }
        return false;
    }

    /**
     * New data was acknowledged. Returns true for a partial ACK during recovery, after which
     * the caller must retransmit the first unacknowledged segment (RFC 6582 3.2 step 5).
     */
    boolean onNewAck(int ack, int acked, int flightAfter) {
        dupAcks = 0;
        if (inRecovery) {
            if (Seq.ge(ack, recover)) {
                // Full acknowledgment: deflate (RFC 6582 3.2 step 3, option 1).
                cwnd = Math.min(ssthresh, Math.max(flightAfter, mss) + mss);
                inRecovery = false;
                return false;
            }
            // Partial acknowledgment: deflate by the amount acked, add back one segment.
            cwnd = Math.max(mss, cwnd - acked + (acked >= mss ? mss : 0));
            return true;
        }
        if (cwnd < ssthresh) {
            cwnd += Math.min(acked, mss); // slow start, RFC 5681 (3.1 with L = 1 SMSS)
        } else {
            cwnd += Math.max(1, (int) ((long) mss * mss / cwnd)); // congestion avoidance, (3.3)
        }
        if (cwnd < 0) {
            cwnd = Integer.MAX_VALUE / 2;
        }
        return false;
    }

    /**
     * Limited Transmit (RFC 3042): on the first two duplicate ACKs one new segment each may
     * go out beyond cwnd, so that a small window still produces the three duplicates fast
     * retransmit needs instead of ending in a timeout.
     */
    int limitedTransmit() {
        return !inRecovery && dupAcks > 0 && dupAcks < 3 ? dupAcks * mss : 0;
    }

    /** The retransmission timer expired (RFC 5681 (4), RFC 6582 4). */
    void onTimeout(int flight, int sndMax) {
        ssthresh = Math.max(flight / 2, 2 * mss);
        cwnd = mss;
        dupAcks = 0;
        inRecovery = false;
        recover = sndMax;
    }
}
