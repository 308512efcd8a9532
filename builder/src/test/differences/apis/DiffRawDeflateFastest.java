import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/** Raw DEFLATE (nowrap) at level 1 of ApiZip's sample does not round-trip in an image ("Error occurred: -5"). */
public class DiffRawDeflateFastest {
    public static void main(String[] args) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int i = 0; i < 20; i++) {
            b.writeBytes("Kiln compiles Java to unikernels. ".getBytes(StandardCharsets.US_ASCII));
        }
        for (int i = 0; i < 256; i++) {
            b.write(i);
        }
        byte[] text = b.toByteArray();
        Deflater d = new Deflater(Deflater.BEST_SPEED, true);
        d.setInput(text);
        d.finish();
        byte[] buf = new byte[8192];
        int n = 0;
        while (!d.finished()) {
            n += d.deflate(buf, n, 64);
        }
        d.end();
        try {
            Inflater inf = new Inflater(true);
            inf.setInput(buf, 0, n);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] chunk = new byte[100];
            while (!inf.finished()) {
                int k = inf.inflate(chunk);
                if (k == 0 && (inf.needsInput() || inf.needsDictionary())) {
                    throw new DataFormatException("truncated");
                }
                out.write(chunk, 0, k);
            }
            System.out.println("round trip " + java.util.Arrays.equals(out.toByteArray(), text));
        } catch (DataFormatException e) {
            System.out.println("round trip " + e);
        }
        System.out.println("end of DiffRawDeflateFastest");
    }
}
