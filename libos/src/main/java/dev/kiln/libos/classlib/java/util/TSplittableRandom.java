package dev.kiln.libos.classlib.java.util;

import dev.kiln.rt.KilnRandom;
import java.util.random.RandomGenerator;

/**
 * java.util.SplittableRandom (TeaVM has none), written from its Javadoc: SplitMix64, a seed
 * advanced by an odd gamma, each value a 64-bit mix of the seed. The sequences are the JDK's for a
 * given seed; bounded draws are RandomGenerator's algorithms ({@link KilnRandom}).
 */
public final class TSplittableRandom implements RandomGenerator {
    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;
    private static long defaultSeed = mix64(System.nanoTime()) ^ mix64(System.currentTimeMillis());

    private long seed;
    private final long gamma;

    private TSplittableRandom(long seed, long gamma) {
        this.seed = seed;
        this.gamma = gamma;
    }

    public TSplittableRandom(long seed) {
        this(seed, GOLDEN_GAMMA);
    }

    public TSplittableRandom() {
        this(nextDefaultSeed(), GOLDEN_GAMMA);
    }

    private static synchronized long nextDefaultSeed() {
        long s = defaultSeed;
        defaultSeed = s + 2 * GOLDEN_GAMMA;
        return mix64(s) ^ mix64(s + GOLDEN_GAMMA);
    }

    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private static int mix32(long z) {
        z = (z ^ (z >>> 33)) * 0x62a9d9ed799705f5L;
        return (int) (((z ^ (z >>> 28)) * 0xcb24d0a5c88c35b3L) >>> 32);
    }

    private static long mixGamma(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        z = (z ^ (z >>> 33)) | 1L;
        int n = Long.bitCount(z ^ (z >>> 1));
        return n < 24 ? z ^ 0xaaaaaaaaaaaaaaaaL : z;
    }

    private long nextSeed() {
        return seed += gamma;
    }

    public TSplittableRandom split() {
        return new TSplittableRandom(nextLong(), mixGamma(nextSeed()));
    }

    @Override
    public int nextInt() {
        return mix32(nextSeed());
    }

    @Override
    public long nextLong() {
        return mix64(nextSeed());
    }

    @Override
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    @Override
    public float nextFloat() {
        return (nextInt() >>> 8) * 0x1.0p-24f;
    }

    @Override
    public boolean nextBoolean() {
        return nextInt() < 0;
    }

    @Override
    public void nextBytes(byte[] bytes) {
        KilnRandom.nextBytes(this, bytes);
    }

    @Override
    public int nextInt(int bound) {
        return KilnRandom.nextInt(this, bound);
    }

    @Override
    public int nextInt(int origin, int bound) {
        return KilnRandom.nextInt(this, origin, bound);
    }

    @Override
    public long nextLong(long bound) {
        return KilnRandom.nextLong(this, bound);
    }

    @Override
    public long nextLong(long origin, long bound) {
        return KilnRandom.nextLong(this, origin, bound);
    }

    @Override
    public double nextDouble(double bound) {
        return KilnRandom.nextDouble(this, bound);
    }

    @Override
    public double nextDouble(double origin, double bound) {
        return KilnRandom.nextDouble(this, origin, bound);
    }
}
