package dev.kiln.libos.net;

/**
 * Tracks which ranges of out-of-order TCP data have arrived, as offsets from RCV.NXT. The
 * number of holes it remembers is bounded: a segment that would need more is dropped (the
 * peer retransmits it), so a hostile peer cannot make the bookkeeping grow.
 */
final class Assembler {
    private final int[] start;
    private final int[] end;
    private int n;

    Assembler(int maxRanges) {
        start = new int[maxRanges];
        end = new int[maxRanges];
    }

    boolean isEmpty() {
        return n == 0;
    }

    void clear() {
        n = 0;
    }

    /** Records [off, off+len); false if it would exceed the range bound (nothing recorded). */
    boolean add(int off, int len) {
        if (len <= 0) {
            return true;
        }
        int s = off;
        int e = off + len;
        // Find the first range that ends at or after s (ranges touching s merge with it).
        int i = 0;
        while (i < n && end[i] < s) {
            i++;
        }
        int j = i;
        while (j < n && start[j] <= e) {
            s = Math.min(s, start[j]);
            e = Math.max(e, end[j]);
            j++;
        }
        int merged = j - i;
        if (merged == 0) {
            if (n == start.length) {
                return false;
            }
            System.arraycopy(start, i, start, i + 1, n - i);
            System.arraycopy(end, i, end, i + 1, n - i);
            n++;
        } else if (merged > 1) {
            System.arraycopy(start, j, start, i + 1, n - j);
            System.arraycopy(end, j, end, i + 1, n - j);
            n -= merged - 1;
        }
        start[i] = s;
        end[i] = e;
        return true;
    }

    int ranges() {
        return n;
    }

    int rangeStart(int i) {
        return start[i];
    }

    int rangeEnd(int i) {
        return end[i];
    }

    /** Moves the origin forward by k: ranges below k vanish, one straddling it is clipped. */
    void advance(int k) {
        if (k <= 0) {
            return;
        }
        int w = 0;
        for (int i = 0; i < n; i++) {
            if (end[i] <= k) {
                continue;
            }
            start[w] = Math.max(0, start[i] - k);
            end[w] = end[i] - k;
            w++;
        }
        n = w;
    }

    /** Bytes recorded below offset limit. */
    int bytesBelow(int limit) {
        int sum = 0;
        for (int i = 0; i < n && start[i] < limit; i++) {
            sum += Math.min(end[i], limit) - start[i];
        }
        return sum;
    }

    /** If data starts at offset 0, removes that contiguous run and returns its length; shifts the rest. */
    int removeFront() {
        if (n == 0 || start[0] != 0) {
            return 0;
        }
        int len = end[0];
        System.arraycopy(start, 1, start, 0, n - 1);
        System.arraycopy(end, 1, end, 0, n - 1);
        n--;
        for (int i = 0; i < n; i++) {
            start[i] -= len;
            end[i] -= len;
        }
        return len;
    }
}
