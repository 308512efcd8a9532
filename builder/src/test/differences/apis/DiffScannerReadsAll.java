import java.io.InputStream;
import java.util.Scanner;

/** A Scanner over a stream reads it to its end before its first token in an image (HotSpot reads a buffer's worth). */
public class DiffScannerReadsAll {
    public static void main(String[] args) {
        int[] read = {0};
        InputStream in = new InputStream() {
            @Override
            public int read() {
                if (read[0] >= 100_000) {
                    return -1;
                }
                return read[0]++ % 10 == 9 ? ' ' : 'a';
            }
        };
        Scanner sc = new Scanner(in);
        System.out.println(sc.next());
        System.out.println("read before the first token: " + (read[0] >= 100_000 ? "all" : "a part"));
        System.out.println("end of DiffScannerReadsAll");
    }
}
