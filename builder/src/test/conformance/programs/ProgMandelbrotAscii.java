public class ProgMandelbrotAscii {
    public static void main(String[] args) {
        String shades = " .:-=+*#%@";
        int width = 72, height = 28, maxIter = 200;
        long total = 0;
        for (int row = 0; row < height; row++) {
            StringBuilder sb = new StringBuilder();
            double ci = -1.2 + 2.4 * row / (height - 1);
            for (int col = 0; col < width; col++) {
                double cr = -2.1 + 3.0 * col / (width - 1);
                double zr = 0, zi = 0;
                int n = 0;
                while (n < maxIter && zr * zr + zi * zi <= 4) {
                    double t = zr * zr - zi * zi + cr;
                    zi = 2 * zr * zi + ci;
                    zr = t;
                    n++;
                }
                total += n;
                sb.append(n == maxIter ? '@' : shades.charAt(n % (shades.length() - 1)));
            }
            System.out.println(sb.toString().stripTrailing());
        }
        System.out.println("iterations " + total);
        // Julia set, coarser, with a float loop
        for (int row = 0; row < 12; row++) {
            StringBuilder sb = new StringBuilder();
            for (int col = 0; col < 40; col++) {
                float zr = -1.6f + 3.2f * col / 39, zi = -1.0f + 2.0f * row / 11;
                int n = 0;
                while (n < 50 && zr * zr + zi * zi < 4f) {
                    float t = zr * zr - zi * zi - 0.8f;
                    zi = 2 * zr * zi + 0.156f;
                    zr = t;
                    n++;
                }
                sb.append(n >= 50 ? '#' : n > 10 ? '+' : n > 4 ? '.' : ' ');
            }
            System.out.println("|" + sb + "|");
        }
    }
}
