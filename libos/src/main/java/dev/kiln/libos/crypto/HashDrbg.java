package dev.kiln.libos.crypto;

/**
 * SecureRandom's generator: SHA-256 in counter mode over a 32-byte key drawn from the CPU's
 * entropy (Entropy); the key is replaced by a hash of itself after every request, so bytes already
 * handed out cannot be recomputed from a later state. Seeds a program gives are mixed into the key,
 * never replace it (as the JDK's NativePRNG does).
 */
public final class HashDrbg {
    private byte[] key = new byte[32];
    private long counter;

    public HashDrbg() {
        Entropy.fill(key);
    }

    public synchronized void addSeed(byte[] seed) {
        BlockDigest sha = new Sha256(false);
        sha.update(key, 0, key.length);
        sha.update(seed, 0, seed.length);
        key = sha.finish();
    }

    public synchronized void nextBytes(byte[] out) {
        BlockDigest sha = new Sha256(false);
        byte[] block = null;
        for (int i = 0; i < out.length; i++) {
            if (i % 32 == 0) {
                block = hash(sha, counter++);
            }
            out[i] = block[i % 32];
        }
        key = hash(sha, counter++);
    }

    private byte[] hash(BlockDigest sha, long n) {
        sha.update(key, 0, key.length);
        for (int i = 0; i < 8; i++) {
            sha.update((byte) (n >>> (8 * i)));
        }
        return sha.finish();
    }
}
