import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.*;

/** CRC32, CRC32C and Adler32 over known vectors, in pieces, over ranges and ByteBuffers, after reset. */
public class LibChecksums {
    static String all(byte[] b) {
        CRC32 crc = new CRC32();
        crc.update(b);
        CRC32C c = new CRC32C();
        c.update(b, 0, b.length);
        Adler32 a = new Adler32();
        a.update(b);
        return String.format("crc32=%08x crc32c=%08x adler32=%08x", crc.getValue(), c.getValue(), a.getValue());
    }

    public static void main(String[] args) {
        String[] vectors = {"", "a", "abc", "123456789", "The quick brown fox jumps over the lazy dog", "\u00e9\u00e8\u20ac"};
        for (String v : vectors) {
            System.out.println("[" + v + "] " + all(v.getBytes(StandardCharsets.UTF_8)));
        }
        byte[] zeros = new byte[1000];
        byte[] ramp = new byte[70000];
        for (int i = 0; i < ramp.length; i++) {
            ramp[i] = (byte) (i * 31 + (i >> 8));
        }
        System.out.println("zeros " + all(zeros) + "\nramp " + all(ramp));
        CRC32 pieces = new CRC32();
        Adler32 apieces = new Adler32();
        for (int off = 0; off < ramp.length; off += 4099) {
            int len = Math.min(4099, ramp.length - off);
            pieces.update(ramp, off, len);
            apieces.update(ramp, off, len);
        }
        CRC32 one = new CRC32();
        for (int i = 0; i < 100; i++) {
            one.update(ramp[i]);
        }
        CRC32 first100 = new CRC32();
        first100.update(ramp, 0, 100);
        System.out.printf("in pieces crc32=%08x adler32=%08x byte-wise=%b%n", pieces.getValue(), apieces.getValue(), one.getValue() == first100.getValue());
        CRC32 bb = new CRC32();
        ByteBuffer heap = ByteBuffer.wrap(ramp, 10, 500);
        bb.update(heap);
        CRC32 arr = new CRC32();
        arr.update(ramp, 10, 500);
        System.out.println("ByteBuffer " + (bb.getValue() == arr.getValue()) + " position after=" + heap.position() + " remaining=" + heap.remaining());
        bb.reset();
        System.out.println("reset " + bb.getValue());
        Adler32 ad = new Adler32();
        ad.update(1);
        ad.update(new byte[] {2, 3});
        ad.reset();
        ad.update('x');
        System.out.println("adler reset " + Long.toHexString(ad.getValue()));
        Checksum sum = new CRC32C();
        sum.update("conformance".getBytes(StandardCharsets.US_ASCII));
        System.out.println("as Checksum " + Long.toHexString(sum.getValue()));
        try {
            new CRC32().update(new byte[4], 3, 2);
        } catch (ArrayIndexOutOfBoundsException e) {
            System.out.println("out of range: ArrayIndexOutOfBoundsException");
        }
    }
}
