/* The Computer Language Benchmarks Game mandelbrot, printing a checksum of the PBM bitmap instead of the bytes. */
public final class Mandelbrot {
    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        long hash = 1125899906842597L;
        int bits = 0;
        int bitNum = 0;
        int ones = 0;
        for (int y = 0; y < n; y++) {
            double ci = 2.0 * y / n - 1.0;
            for (int x = 0; x < n; x++) {
                double zr = 0, zi = 0, tr = 0, ti = 0;
                double cr = 2.0 * x / n - 1.5;
                int i = 0;
                while (i < 50 && tr + ti <= 4.0) {
                    zi = 2.0 * zr * zi + ci;
                    zr = tr - ti + cr;
                    tr = zr * zr;
                    ti = zi * zi;
                    i++;
                }
                bits <<= 1;
                if (tr + ti <= 4.0) {
                    bits |= 1;
                    ones++;
                }
                bitNum++;
                if (bitNum == 8 || x == n - 1) {
                    if (bitNum != 8) {
                        bits <<= 8 - bitNum;
                    }
                    hash = 31 * hash + bits;
                    bits = 0;
                    bitNum = 0;
                }
            }
        }
        System.out.println("P4 " + n + " " + n + " ones=" + ones + " hash=" + Long.toHexString(hash));
    }
}
