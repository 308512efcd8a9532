package dev.kiln.libos.crypto;

/**
 * The Merkle-Damgard frame shared by MD5 and the SHA-1/SHA-2 family: input is buffered into
 * fixed-size blocks, each compressed into the state; the last is padded with 0x80, zeros and the
 * message length in bits, in a field of the algorithm's width and byte order. Subclasses hold
 * the state.
 */
public abstract class BlockDigest implements Cloneable {
    /** The byte order of the length field: the SHA family's. */
    protected static final boolean BIG_ENDIAN = true;
    /** The byte order of the length field: MD5's. */
    protected static final boolean LITTLE_ENDIAN = false;

    private final int blockSize;
    private final int lengthBytes;
    private final boolean bigEndianLength;
    private byte[] buffer;
    private int buffered;
    private long bytes;

    /**
     * @param lengthBytes the width of the length field at the end of the last block (16 for
     *                    SHA-512, whose 128-bit length has its high 64 bits zero here)
     */
    protected BlockDigest(int blockSize, int lengthBytes, boolean bigEndianLength) {
        this.blockSize = blockSize;
        this.lengthBytes = lengthBytes;
        this.bigEndianLength = bigEndianLength;
        this.buffer = new byte[blockSize];
    }

    /** The digest's length in bytes. */
    public abstract int length();

    protected abstract void compress(byte[] block, int offset);

    /** The state after the last block, as the digest's bytes (length() of them). */
    protected abstract byte[] output();

    protected abstract void resetState();

    public final void update(byte b) {
        buffer[buffered++] = b;
        bytes++;
        if (buffered == blockSize) {
            compress(buffer, 0);
            buffered = 0;
        }
    }

    public final void update(byte[] in, int offset, int len) {
        bytes += len;
        if (buffered > 0) {
            int n = Math.min(len, blockSize - buffered);
            System.arraycopy(in, offset, buffer, buffered, n);
            buffered += n;
            offset += n;
            len -= n;
            if (buffered < blockSize) {
                return;
            }
            compress(buffer, 0);
            buffered = 0;
        }
        while (len >= blockSize) {
            compress(in, offset);
            offset += blockSize;
            len -= blockSize;
        }
        System.arraycopy(in, offset, buffer, 0, len);
        buffered = len;
    }

    /** Pads, returns the digest and resets for the next message. */
    public final byte[] finish() {
        long bits = bytes << 3;
        buffer[buffered++] = (byte) 0x80;
        if (buffered > blockSize - lengthBytes) {
            java.util.Arrays.fill(buffer, buffered, blockSize, (byte) 0);
            compress(buffer, 0);
            buffered = 0;
        }
        java.util.Arrays.fill(buffer, buffered, blockSize, (byte) 0);
        for (int i = 0; i < 8; i++) {
            int at = bigEndianLength ? blockSize - 1 - i : blockSize - 8 + i;
            buffer[at] = (byte) (bits >>> (8 * i));
        }
        compress(buffer, 0);
        byte[] out = output();
        reset();
        return out;
    }

    public final void reset() {
        buffered = 0;
        bytes = 0;
        resetState();
    }

    @Override
    public BlockDigest clone() {
        try {
            BlockDigest copy = (BlockDigest) super.clone();
            copy.buffer = buffer.clone();
            copy.cloneState();
            return copy;
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e);
        }
    }

    /** Gives a clone its own state arrays. */
    protected abstract void cloneState();

    protected static int intBe(byte[] b, int i) {
        return (b[i] & 0xff) << 24 | (b[i + 1] & 0xff) << 16 | (b[i + 2] & 0xff) << 8 | (b[i + 3] & 0xff);
    }

    protected static long longBe(byte[] b, int i) {
        return (long) intBe(b, i) << 32 | (intBe(b, i + 4) & 0xffffffffL);
    }

    /** The first {@code length} bytes of {@code words} written big-endian: a SHA-1 or SHA-256 digest from its state. */
    protected static byte[] bigEndian(int[] words, int length) {
        byte[] out = new byte[length];
        for (int i = 0; i < length; i++) {
            out[i] = (byte) (words[i >> 2] >>> (24 - 8 * (i & 3)));
        }
        return out;
    }

    /** The first {@code length} bytes of {@code words} written big-endian: a SHA-512 digest from its state. */
    protected static byte[] bigEndian(long[] words, int length) {
        byte[] out = new byte[length];
        for (int i = 0; i < length; i++) {
            out[i] = (byte) (words[i >> 3] >>> (56 - 8 * (i & 7)));
        }
        return out;
    }

    /** The SUN provider's name of an algorithm (as in its DigestException messages), or null. */
    public static String standardName(String algorithm) {
        return switch (algorithm.toUpperCase()) {
            case "MD5" -> "MD5";
            case "SHA-1", "SHA1", "SHA" -> "SHA-1";
            case "SHA-224", "SHA224" -> "SHA-224";
            case "SHA-256", "SHA256" -> "SHA-256";
            case "SHA-384", "SHA384" -> "SHA-384";
            case "SHA-512", "SHA512" -> "SHA-512";
            case "SHA-512/224", "SHA512/224" -> "SHA-512/224";
            case "SHA-512/256", "SHA512/256" -> "SHA-512/256";
            default -> null;
        };
    }

    /**
     * A new engine for a JDK algorithm name (as MessageDigest.getInstance takes it, any case, with
     * the SUN provider's aliases), or null.
     */
    public static BlockDigest forName(String algorithm) {
        String name = standardName(algorithm);
        if (name == null) {
            return null;
        }
        return switch (name) {
            case "MD5" -> new Md5();
            case "SHA-1" -> new Sha1();
            case "SHA-224" -> new Sha256(true);
            case "SHA-256" -> new Sha256(false);
            case "SHA-384" -> new Sha512(Sha512.Variant.SHA_384);
            case "SHA-512" -> new Sha512(Sha512.Variant.SHA_512);
            case "SHA-512/224" -> new Sha512(Sha512.Variant.SHA_512_224);
            default -> new Sha512(Sha512.Variant.SHA_512_256);
        };
    }
}
