import java.io.*;
import java.nio.charset.StandardCharsets;
import java.util.zip.*;

/** Deflater/Inflater round trips at each level, raw (nowrap) streams, finished/needsInput/totals, GZIP and Deflater streams, corrupt input. */
public class LibDeflater {
    static byte[] deflate(byte[] in, int level, boolean nowrap, int strategy) {
        Deflater d = new Deflater(level, nowrap);
        d.setStrategy(strategy);
        d.setInput(in);
        d.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[512];
        while (!d.finished()) {
            out.write(buf, 0, d.deflate(buf));
        }
        System.out.print(" in=" + d.getTotalIn() + " bytesRead=" + d.getBytesRead());
        d.end();
        return out.toByteArray();
    }

    static byte[] inflate(byte[] in, boolean nowrap, int expected) throws DataFormatException {
        Inflater inf = new Inflater(nowrap);
        inf.setInput(in);
        byte[] out = new byte[expected + 10];
        int n = 0;
        while (!inf.finished() && n < out.length) {
            int k = inf.inflate(out, n, Math.min(300, out.length - n));
            if (k == 0 && (inf.needsInput() || inf.needsDictionary())) {
                break;
            }
            n += k;
        }
        System.out.print(" inflated=" + n + " remaining=" + inf.getRemaining() + " finished=" + inf.finished());
        inf.end();
        return java.util.Arrays.copyOf(out, n);
    }

    public static void main(String[] args) throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            sb.append("line ").append(i % 37).append(": the quick brown fox ").append(i * i % 101).append('\n');
        }
        byte[] text = sb.toString().getBytes(StandardCharsets.UTF_8);
        for (int level : new int[] {Deflater.NO_COMPRESSION, Deflater.BEST_SPEED, Deflater.DEFAULT_COMPRESSION, Deflater.BEST_COMPRESSION}) {
            for (int strategy : new int[] {Deflater.DEFAULT_STRATEGY, Deflater.FILTERED}) {
                for (boolean nowrap : new boolean[] {false, true}) {
                    System.out.print("level=" + level + " strategy=" + strategy + " nowrap=" + nowrap);
                    byte[] z = deflate(text, level, nowrap, strategy);
                    byte[] back = inflate(z, nowrap, text.length);
                    System.out.println(" roundtrip=" + java.util.Arrays.equals(text, back) + " smaller=" + (z.length < text.length / 2));
                }
            }
        }
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream g = new GZIPOutputStream(gz)) {
            g.write(text);
        }
        byte[] gzBytes = gz.toByteArray();
        System.out.println("gzip magic " + (gzBytes[0] & 0xFF) + " " + (gzBytes[1] & 0xFF) + " method " + gzBytes[2] + " smaller " + (gzBytes.length < text.length / 2));
        try (GZIPInputStream g = new GZIPInputStream(new ByteArrayInputStream(gzBytes))) {
            byte[] back = g.readAllBytes();
            System.out.println("gunzip " + back.length + " equal " + java.util.Arrays.equals(back, text));
        }
        ByteArrayOutputStream dz = new ByteArrayOutputStream();
        try (DeflaterOutputStream d = new DeflaterOutputStream(dz, new Deflater(9))) {
            for (int i = 0; i < 50; i++) {
                d.write(("chunk " + i + " ").getBytes());
            }
        }
        try (InflaterInputStream in = new InflaterInputStream(new ByteArrayInputStream(dz.toByteArray()))) {
            String s = new String(in.readAllBytes());
            System.out.println("stream " + s.length() + " " + s.substring(0, 24) + "... " + s.endsWith("chunk 49 "));
        }
        Inflater bad = new Inflater();
        bad.setInput(new byte[] {1, 2, 3, 4, 5, 6});
        try {
            bad.inflate(new byte[10]);
        } catch (DataFormatException e) {
            System.out.println("corrupt: DataFormatException");
        }
        Deflater empty = new Deflater();
        empty.finish();
        int elen = empty.deflate(new byte[64]);
        System.out.println("empty input deflates to " + elen + " bytes, finished=" + empty.finished());
    }
}
