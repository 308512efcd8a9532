package dev.kiln.libos.net;

/**
 * A small deterministic generator (xorshift64*) for ephemeral ports, DHCP transaction ids and
 * jitter. Not cryptographic: initial sequence numbers mix it with a keyed hash (RFC 6528).
 */
final class Prng {
    private long state;

    Prng(long seed) {
        state = seed == 0 ? 0x9e3779b97f4a7c15L : seed;
    }

    long nextLong() {
        long x = state;
        x ^= x >>> 12;
        x ^= x << 25;
        x ^= x >>> 27;
        state = x;
        return x * 0x2545f4914f6cdd1dL;
    }

    int nextInt(int bound) {
        return (int) ((nextLong() >>> 33) % bound);
    }

    /** A 64-bit mixing function (splitmix64's finalizer). */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
