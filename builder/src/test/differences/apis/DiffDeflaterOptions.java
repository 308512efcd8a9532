import java.util.zip.Deflater;

/** Deflater: HUFFMAN_ONLY and setDictionary have no effect in an image (TeaVM's jzlib port). */
public class DiffDeflaterOptions {
    static int deflatedSize(byte[] input, int strategy, byte[] dictionary) {
        Deflater d = new Deflater();
        d.setStrategy(strategy);
        if (dictionary != null) {
            d.setDictionary(dictionary);
        }
        d.setInput(input);
        d.finish();
        byte[] out = new byte[4096];
        int n = 0;
        while (!d.finished()) {
            n += d.deflate(out);
        }
        d.end();
        return n;
    }

    public static void main(String[] args) {
        byte[] text = "the quick brown fox jumps over the lazy dog; the quick brown fox jumps again. "
                .repeat(8).getBytes();
        int plain = deflatedSize(text, Deflater.DEFAULT_STRATEGY, null);
        System.out.println("HUFFMAN_ONLY changes the size: " + (deflatedSize(text, Deflater.HUFFMAN_ONLY, null) != plain));
        System.out.println("a dictionary changes the size: "
                + (deflatedSize(text, Deflater.DEFAULT_STRATEGY, "the quick brown fox jumps over".getBytes()) != plain));
        System.out.println("end of DiffDeflaterOptions");
    }
}
