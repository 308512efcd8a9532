import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.zip.GZIPInputStream;

/** GZIPInputStream over bytes that are no gzip stream: ZipException "Not in GZIP format" on HotSpot. */
public class DiffGzipNotGzip {
    public static void main(String[] args) {
        for (int n : new int[] {8, 64}) {
            byte[] junk = new byte[n];
            for (int i = 0; i < n; i++) {
                junk[i] = (byte) ('a' + i % 26);
            }
            try {
                new GZIPInputStream(new ByteArrayInputStream(junk)).read();
                System.out.println(n + " bytes: read");
            } catch (IOException e) {
                System.out.println(n + " bytes: " + e.getClass().getName() + ": " + e.getMessage());
            }
        }
        System.out.println("end of DiffGzipNotGzip");
    }
}
