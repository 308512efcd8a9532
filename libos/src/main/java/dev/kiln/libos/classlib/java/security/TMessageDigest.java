package dev.kiln.libos.classlib.java.security;

import dev.kiln.libos.crypto.BlockDigest;
import java.nio.ByteBuffer;
import java.security.NoSuchAlgorithmException;

/**
 * java.security.MessageDigest in native images (TeaVM's class library has none): MD5, SHA-1 and the
 * SHA-2 family (dev.kiln.libos.crypto), under the SUN provider's names and aliases. Names, messages
 * and toString are HotSpot 25's. Providers do not exist in an image: getInstance(name, provider) and
 * getProvider are left out.
 */
public class TMessageDigest implements Cloneable {
    private final String algorithm;
    private final String standardName;
    private BlockDigest engine;
    private boolean inProgress;

    private TMessageDigest(String algorithm, String standardName, BlockDigest engine) {
        this.algorithm = algorithm;
        this.standardName = standardName;
        this.engine = engine;
    }

    public static TMessageDigest getInstance(String algorithm) throws NoSuchAlgorithmException {
        if (algorithm == null) {
            throw new NullPointerException("null algorithm name");
        }
        BlockDigest engine = BlockDigest.forName(algorithm);
        if (engine == null) {
            throw new NoSuchAlgorithmException(algorithm + " MessageDigest not available");
        }
        return new TMessageDigest(algorithm, BlockDigest.standardName(algorithm), engine);
    }

    public final String getAlgorithm() {
        return algorithm;
    }

    public final int getDigestLength() {
        return engine.length();
    }

    public void update(byte input) {
        engine.update(input);
        inProgress = true;
    }

    public void update(byte[] input) {
        update(input, 0, input.length);
    }

    public void update(byte[] input, int offset, int len) {
        if (input == null) {
            throw new IllegalArgumentException("No input buffer given");
        }
        if (offset < 0 || len < 0 || input.length - len < offset) {
            throw new IllegalArgumentException("Bad arguments");
        }
        engine.update(input, offset, len);
        inProgress = true;
    }

    public final void update(ByteBuffer input) {
        if (input == null) {
            throw new NullPointerException();
        }
        while (input.hasRemaining()) {
            engine.update(input.get());
        }
        inProgress = true;
    }

    public byte[] digest() {
        inProgress = false;
        return engine.finish();
    }

    public byte[] digest(byte[] input) {
        update(input);
        return digest();
    }

    public int digest(byte[] buf, int offset, int len) throws TDigestException {
        if (buf == null) {
            throw new IllegalArgumentException("No output buffer given");
        }
        if (offset < 0 || len < 0 || offset > buf.length - len) {
            throw new IllegalArgumentException("Output buffer too small for specified offset and length");
        }
        int n = engine.length();
        if (len < n) {
            throw new TDigestException("Length must be at least " + n + " for " + standardName + "digests");
        }
        byte[] out = digest();
        System.arraycopy(out, 0, buf, offset, n);
        return n;
    }

    public void reset() {
        engine.reset();
        inProgress = false;
    }

    public static boolean isEqual(byte[] a, byte[] b) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null) {
            return false;
        }
        int diff = a.length ^ b.length;
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            diff |= a[i] ^ b[i]; // every byte compared: the time does not tell where they differ
        }
        return diff == 0;
    }

    @Override
    public Object clone() throws CloneNotSupportedException {
        TMessageDigest copy = (TMessageDigest) super.clone();
        copy.engine = engine.clone();
        return copy;
    }

    @Override
    public String toString() {
        return algorithm + " Message Digest from SUN, " + (inProgress ? "<in progress>" : "<initialized>") + "\n";
    }
}
