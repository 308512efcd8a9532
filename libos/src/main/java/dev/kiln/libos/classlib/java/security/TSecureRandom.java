package dev.kiln.libos.classlib.java.security;

import dev.kiln.libos.crypto.Entropy;
import dev.kiln.libos.crypto.HashDrbg;
import java.security.NoSuchAlgorithmException;
import java.util.Random;

/**
 * java.security.SecureRandom in native images, in place of TeaVM's (whose C flavour seeds from the
 * clock). Every instance draws from a SHA-256 generator keyed with the CPU's entropy (RDSEED or
 * RDRAND: {@link Entropy}); a seed a program sets is mixed in and never makes the output
 * predictable, as with HotSpot's default NativePRNG on Linux, whose name it reports.
 */
public class TSecureRandom extends Random {
    private static final long serialVersionUID = 1L;
    private final String algorithm;
    private HashDrbg drbg;

    public TSecureRandom() {
        this("NativePRNG");
    }

    public TSecureRandom(byte[] seed) {
        this("NativePRNG");
        setSeed(seed);
    }

    private TSecureRandom(String algorithm) {
        super(0);
        this.algorithm = algorithm;
        this.drbg = new HashDrbg();
    }

    public static TSecureRandom getInstance(String algorithm) throws NoSuchAlgorithmException {
        if (algorithm == null) {
            throw new NullPointerException("null algorithm name");
        }
        return switch (algorithm.toUpperCase()) {
            case "NATIVEPRNG", "NATIVEPRNGBLOCKING", "NATIVEPRNGNONBLOCKING", "SHA1PRNG", "DRBG" ->
                    new TSecureRandom(algorithm); // HotSpot too reports the name as given
            default -> throw new NoSuchAlgorithmException(algorithm + " SecureRandom not available");
        };
    }

    public static TSecureRandom getInstanceStrong() throws NoSuchAlgorithmException {
        return new TSecureRandom("NativePRNGBlocking");
    }

    public String getAlgorithm() {
        return algorithm;
    }

    public void setSeed(byte[] seed) {
        drbg.addSeed(seed);
    }

    @Override
    public void setSeed(long seed) {
        if (drbg == null) {
            return; // Random's constructor: the generator does not exist yet, and needs no seed
        }
        byte[] b = new byte[8];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (seed >>> (8 * i));
        }
        drbg.addSeed(b);
    }

    @Override
    public void nextBytes(byte[] bytes) {
        drbg.nextBytes(bytes);
    }

    @Override
    protected final int next(int bits) {
        byte[] b = new byte[4];
        nextBytes(b);
        int v = (b[0] & 0xff) << 24 | (b[1] & 0xff) << 16 | (b[2] & 0xff) << 8 | (b[3] & 0xff);
        return v >>> (32 - bits);
    }

    public byte[] generateSeed(int numBytes) {
        if (numBytes < 0) {
            throw new IllegalArgumentException("numBytes cannot be negative");
        }
        byte[] out = new byte[numBytes];
        Entropy.fill(out);
        return out;
    }

    public static byte[] getSeed(int numBytes) {
        return new TSecureRandom().generateSeed(numBytes);
    }

    @Override
    public String toString() {
        return "Kiln " + algorithm + " (RDSEED/RDRAND, SHA-256)";
    }
}
