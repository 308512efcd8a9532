package dev.kiln.rt;

import java.util.Random;
import java.util.random.RandomGenerator;

/**
 * The bounded draws of java.util.Random and java.util.random.RandomGenerator as their Javadoc
 * specifies them, so that {@code new Random(42)} gives the JDK's sequence. TeaVM's RandomGenerator
 * defaults mask and retry (nextInt(bound)), and its Random has no nextInt(bound) of its own; the
 * builder makes those methods call these (NumberRewrite). Random's own algorithm draws from
 * next(31), the top 31 of the 48 seed bits: {@code nextInt() >>> 1}, the same bits, so only the
 * public API is needed.
 */
public final class KilnRandom {
    private KilnRandom() {
    }

    /** Random.nextInt(bound): the Javadoc's algorithm over next(31). */
    public static int legacyNextInt(Random random, int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive");
        }
        int r = random.nextInt() >>> 1;
        int m = bound - 1;
        if ((bound & m) == 0) {
            return (int) ((bound * (long) r) >> 31);
        }
        for (int u = r; u - (r = u % bound) + m < 0; u = random.nextInt() >>> 1) {
            // rejected: u fell into the incomplete last interval
        }
        return r;
    }

    /** Random.nextBytes: one nextInt() per four bytes, least significant byte first. */
    public static void legacyNextBytes(Random random, byte[] bytes) {
        for (int i = 0, len = bytes.length; i < len;) {
            for (int rnd = random.nextInt(), n = Math.min(len - i, 4); n-- > 0; rnd >>= 8) {
                bytes[i++] = (byte) rnd;
            }
        }
    }

    /** RandomGenerator.nextBytes: one nextLong() per eight bytes, least significant byte first. */
    public static void nextBytes(RandomGenerator rng, byte[] bytes) {
        int i = 0;
        int len = bytes.length;
        for (int words = len >> 3; words-- > 0;) {
            long rnd = rng.nextLong();
            for (int n = 8; n-- > 0; rnd >>>= 8) {
                bytes[i++] = (byte) rnd;
            }
        }
        if (i < len) {
            for (long rnd = rng.nextLong(); i < len; rnd >>>= 8) {
                bytes[i++] = (byte) rnd;
            }
        }
    }

    public static int nextInt(RandomGenerator rng, int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive");
        }
        int m = bound - 1;
        int r = rng.nextInt();
        if ((bound & m) == 0) {
            return r & m;
        }
        for (int u = r >>> 1; u + m - (r = u % bound) < 0; u = rng.nextInt() >>> 1) {
            // rejected
        }
        return r;
    }

    public static int nextInt(RandomGenerator rng, int origin, int bound) {
        if (origin >= bound) {
            throw new IllegalArgumentException("bound must be greater than origin");
        }
        int r = rng.nextInt();
        int n = bound - origin;
        int m = n - 1;
        if ((n & m) == 0) {
            return (r & m) + origin;
        }
        if (n > 0) {
            for (int u = r >>> 1; u + m - (r = u % n) < 0; u = rng.nextInt() >>> 1) {
                // rejected
            }
            return r + origin;
        }
        while (r < origin || r >= bound) {
            r = rng.nextInt();
        }
        return r;
    }

    public static long nextLong(RandomGenerator rng, long bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive");
        }
        long m = bound - 1;
        long r = rng.nextLong();
        if ((bound & m) == 0L) {
            return r & m;
        }
        for (long u = r >>> 1; u + m - (r = u % bound) < 0L; u = rng.nextLong() >>> 1) {
            // rejected
        }
        return r;
    }

    public static long nextLong(RandomGenerator rng, long origin, long bound) {
        if (origin >= bound) {
            throw new IllegalArgumentException("bound must be greater than origin");
        }
        long r = rng.nextLong();
        long n = bound - origin;
        long m = n - 1;
        if ((n & m) == 0L) {
            return (r & m) + origin;
        }
        if (n > 0L) {
            for (long u = r >>> 1; u + m - (r = u % n) < 0L; u = rng.nextLong() >>> 1) {
                // rejected
            }
            return r + origin;
        }
        while (r < origin || r >= bound) {
            r = rng.nextLong();
        }
        return r;
    }

    public static double nextDouble(RandomGenerator rng, double bound) {
        if (!(bound > 0.0 && bound < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("bound must be finite and positive");
        }
        double r = rng.nextDouble() * bound;
        return r < bound ? r : Math.nextDown(bound);
    }

    public static double nextDouble(RandomGenerator rng, double origin, double bound) {
        if (!(origin < bound && bound - origin < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("bound must be greater than origin");
        }
        double r = rng.nextDouble() * (bound - origin) + origin;
        return r < bound ? r : Math.nextDown(bound);
    }

    public static float nextFloat(RandomGenerator rng, float bound) {
        if (!(bound > 0.0 && bound < Float.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("bound must be finite and positive");
        }
        float r = rng.nextFloat() * bound;
        return r < bound ? r : Math.nextDown(bound);
    }

    public static float nextFloat(RandomGenerator rng, float origin, float bound) {
        if (!(origin < bound && bound - origin < Float.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("bound must be greater than origin");
        }
        float r = rng.nextFloat() * (bound - origin) + origin;
        return r < bound ? r : Math.nextDown(bound);
    }
}
