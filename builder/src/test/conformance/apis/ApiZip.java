import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.Adler32;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import java.util.zip.Checksum;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * java.util.zip: checksums, and DEFLATE both ways. Compressed bytes may differ from zlib's, so what
 * is printed are round trips, checksums and the inflation of bytes zlib made (embedded below).
 */
public class ApiZip {
    /** "Kiln compiles Java to unikernels. " x 20 and bytes 0..255, zlib.compress(level 9) by CPython's zlib. */
    private static final byte[] ZLIB = {
120, -38, -13, -50, -52, -55, 83, 72, -50, -49, 45, -56, -52, 73, 45, 86, -16, 74, 44, 75, 84, 40, -55, 87, 40, -51, -53, -52, 78, 45, -54, 75, -51, 41, -42, 83, -16, 30, 85, 49, -86, 98, -64, 85, 48, 48, 50, 49, -77, -80, -78, -79, 115, 112, 114, 113, -13, -16, -14, -15, 11, 8, 10, 9, -117, -120, -118, -119, 75, 72, 74, 73, -53, -56, -54, -55, 43, 40, 42, 41, -85, -88, -86, -87, 107, 104, 106, 105, -21, -24, -22, -23, 27, 24, 26, 25, -101, -104, -102, -103, 91, 88, 90, 89, -37, -40, -38, -39, 59, 56, 58, 57, -69, -72, -70, -71, 123, 120, 122, 121, -5, -8, -6, -7, 7, 4, 6, 5, -121, -124, -122, -123, 71, 68, 70, 69, -57, -60, -58, -59, 39, 36, 38, 37, -89, -92, -90, -91, 103, 100, 102, 101, -25, -28, -26, -27, 23, 20, 22, 21, -105, -108, -106, -107, 87, 84, 86, 85, -41, -44, -42, -43, 55, 52, 54, 53, -73, -76, -74, -75, 119, 116, 118, 117, -9, -12, -10, -11, 79, -104, 56, 105, -14, -108, -87, -45, -90, -49, -104, 57, 107, -10, -100, -71, -13, -26, 47, 88, -72, 104, -15, -110, -91, -53, -106, -81, 88, -71, 106, -11, -102, -75, -21, -42, 111, -40, -72, 105, -13, -106, -83, -37, -74, -17, -40, -71, 107, -9, -98, -67, -5, -10, 31, 56, 120, -24, -16, -111, -93, -57, -114, -97, 56, 121, -22, -12, -103, -77, -25, -50, 95, -72, 120, -23, -14, -107, -85, -41, -82, -33, -72, 121, -21, -10, -99, -69, -9, -18, 63, 120, -8, -24, -15, -109, -89, -49, -98, -65, 120, -7, -22, -11, -101, -73, -17, -34, 127, -8, -8, -23, -13, -105, -81, -33, -66, -1, -8, -7, -21, -9, -97, -65, -1, -2, 3, 0, 42, -31, 118, -44};
    /** The same text, raw DEFLATE (no zlib header), level 6. */
    private static final byte[] RAW = {
-13, -50, -52, -55, 83, 72, -50, -49, 45, -56, -52, 73, 45, 86, -16, 74, 44, 75, 84, 40, -55, 87, 40, -51, -53, -52, 78, 45, -54, 75, -51, 41, -42, 83, -16, 30, 85, 49, -86, 98, -64, 85, 48, 48, 50, 49, -77, -80, -78, -79, 115, 112, 114, 113, -13, -16, -14, -15, 11, 8, 10, 9, -117, -120, -118, -119, 75, 72, 74, 73, -53, -56, -54, -55, 43, 40, 42, 41, -85, -88, -86, -87, 107, 104, 106, 105, -21, -24, -22, -23, 27, 24, 26, 25, -101, -104, -102, -103, 91, 88, 90, 89, -37, -40, -38, -39, 59, 56, 58, 57, -69, -72, -70, -71, 123, 120, 122, 121, -5, -8, -6, -7, 7, 4, 6, 5, -121, -124, -122, -123, 71, 68, 70, 69, -57, -60, -58, -59, 39, 36, 38, 37, -89, -92, -90, -91, 103, 100, 102, 101, -25, -28, -26, -27, 23, 20, 22, 21, -105, -108, -106, -107, 87, 84, 86, 85, -41, -44, -42, -43, 55, 52, 54, 53, -73, -76, -74, -75, 119, 116, 118, 117, -9, -12, -10, -11, 79, -104, 56, 105, -14, -108, -87, -45, -90, -49, -104, 57, 107, -10, -100, -71, -13, -26, 47, 88, -72, 104, -15, -110, -91, -53, -106, -81, 88, -71, 106, -11, -102, -75, -21, -42, 111, -40, -72, 105, -13, -106, -83, -37, -74, -17, -40, -71, 107, -9, -98, -67, -5, -10, 31, 56, 120, -24, -16, -111, -93, -57, -114, -97, 56, 121, -22, -12, -103, -77, -25, -50, 95, -72, 120, -23, -14, -107, -85, -41, -82, -33, -72, 121, -21, -10, -99, -69, -9, -18, 63, 120, -8, -24, -15, -109, -89, -49, -98, -65, 120, -7, -22, -11, -101, -73, -17, -34, 127, -8, -8, -23, -13, -105, -81, -33, -66, -1, -8, -7, -21, -9, -97, -65, -1, -2, 3, 0};
    /** "hello gzip\n" x 30 as a gzip member (mtime 0). */
    private static final byte[] GZ = {
31, -117, 8, 0, 0, 0, 0, 0, 2, -1, -53, 72, -51, -55, -55, 87, 72, -81, -54, 44, -32, -54, 24, 101, 82, -62, 4, 0, -120, -127, -47, -15, 74, 1, 0, 0};

    public static void main(String[] args) throws Exception {
        byte[] text = sample();
        for (Checksum c : new Checksum[] {new CRC32(), new CRC32C(), new Adler32()}) {
            c.update(text, 0, text.length);
            long whole = c.getValue();
            c.reset();
            c.update(text);
            c.update(7);
            System.out.println(c.getClass().getSimpleName() + " " + Long.toHexString(whole) + " " + Long.toHexString(c.getValue()));
        }
        CRC32 check = new CRC32();
        check.update("123456789".getBytes(StandardCharsets.US_ASCII));
        CRC32C checkC = new CRC32C();
        checkC.update("123456789".getBytes(StandardCharsets.US_ASCII));
        System.out.println("check values " + Long.toHexString(check.getValue()) + " " + Long.toHexString(checkC.getValue()));

        byte[] zlibOut = inflate(ZLIB, false);
        byte[] rawOut = inflate(RAW, true);
        System.out.println("zlib-made: " + zlibOut.length + " " + java.util.Arrays.equals(zlibOut, text) + " "
                + java.util.Arrays.equals(rawOut, text));
        System.out.print(new String(new GZIPInputStream(new ByteArrayInputStream(GZ)).readAllBytes(),
                StandardCharsets.US_ASCII).substring(0, 22));

        for (int level : new int[] {Deflater.NO_COMPRESSION, Deflater.BEST_SPEED, Deflater.DEFAULT_COMPRESSION,
            Deflater.BEST_COMPRESSION}) {
            for (boolean nowrap : new boolean[] {false, true}) {
                if (level == Deflater.BEST_SPEED && nowrap) {
                    continue; // differs in images: DiffRawDeflateFastest (docs/native-images.md)
                }
                Deflater d = new Deflater(level, nowrap);
                d.setInput(text);
                d.finish();
                byte[] buf = new byte[8192];
                int n = 0;
                while (!d.finished()) {
                    n += d.deflate(buf, n, 64); // small steps: output space runs out mid-stream
                }
                String roundTrip;
                try {
                    roundTrip = "" + java.util.Arrays.equals(inflate(java.util.Arrays.copyOf(buf, n), nowrap), text);
                } catch (DataFormatException e) {
                    roundTrip = e.toString();
                }
                System.out.println("level " + level + " nowrap " + nowrap + ": bytesRead "
                        + d.getBytesRead() + " smaller " + (n < text.length || level == 0) + " round trip " + roundTrip);
                d.end();
            }
        }
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            for (int i = 0; i < 50; i++) {
                out.write(text, i, 100);
            }
        }
        byte[] gzBytes = gz.toByteArray();
        System.out.println("gzip magic " + (gzBytes[0] & 0xff) + " " + (gzBytes[1] & 0xff) + " method " + gzBytes[2]
                + " back " + new GZIPInputStream(new ByteArrayInputStream(gzBytes)).readAllBytes().length);
        ByteArrayOutputStream zs = new ByteArrayOutputStream();
        try (DeflaterOutputStream out = new DeflaterOutputStream(zs)) {
            out.write(text);
        }
        byte[] back = new InflaterInputStream(new ByteArrayInputStream(zs.toByteArray())).readAllBytes();
        System.out.println("deflater streams " + java.util.Arrays.equals(back, text) + " zlib header "
                + Integer.toHexString(zs.toByteArray()[0] & 0xff));
        try {
            inflate(new byte[] {1, 2, 3, 4, 5}, false);
        } catch (DataFormatException e) {
            System.out.println("DataFormatException");
        }
    }

    private static byte[] sample() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int i = 0; i < 20; i++) {
            b.writeBytes("Kiln compiles Java to unikernels. ".getBytes(StandardCharsets.US_ASCII));
        }
        for (int i = 0; i < 256; i++) {
            b.write(i);
        }
        return b.toByteArray();
    }

    private static byte[] inflate(byte[] data, boolean nowrap) throws DataFormatException {
        Inflater inf = new Inflater(nowrap);
        inf.setInput(data);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[100];
        while (!inf.finished()) {
            int n = inf.inflate(buf);
            if (n == 0 && (inf.needsInput() || inf.needsDictionary())) {
                throw new DataFormatException("truncated");
            }
            out.write(buf, 0, n);
        }
        inf.end();
        return out.toByteArray();
    }
}
