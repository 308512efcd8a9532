/** Double.toString and Float.toString: the shortest decimal that rounds to the value (JDK 19+). */
public class NumDoubleToString {
    public static void main(String[] args) {
        double[] ds = {Double.MIN_VALUE, 2 * Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE, 1.0E23, 2.0E-3, 1.0E-3,
            9.999999999999999E-4, 1.0E7, 9999999.999999998, 0.1, 0.1 + 0.2, 1.0 / 3, 100.0, -0.0, 2e22, 8.41e21,
            9007199254740993.0, 123456789.0, 1.0E-5, 5.0E-324 * 1000, Math.PI, Math.E, Double.NaN, Double.NEGATIVE_INFINITY};
        for (double d : ds) {
            System.out.println(Double.toString(d) + " " + String.valueOf(d) + " " + new StringBuilder().append(d) + " [" + d + "]");
        }
        float[] fs = {Float.MIN_VALUE, Float.MIN_NORMAL, Float.MAX_VALUE, 1.0E10f, 0.1f, 1.0f / 3, 2.0E-3f, 1.0E7f, 3.3554432E7f,
            8.41E21f, 1.17549435E-38f, -0.0f, 16777216f};
        StringBuilder sb = new StringBuilder();
        for (float f : fs) {
            sb.append(Float.toString(f)).append(' ').append(f).append(' ');
        }
        System.out.println(sb.toString().trim());
        // a walk through many magnitudes: each printed value must parse back to the same double
        long bits = 0x3ff0000000000000L;
        double sum = 0;
        int roundTrips = 0;
        for (int i = 0; i < 2000; i++) {
            bits = bits * 6364136223846793005L + 1442695040888963407L;
            double d = Double.longBitsToDouble((bits >>> 2) | 0x0010000000000000L);
            String s = Double.toString(d);
            if (Double.parseDouble(s) == d) {
                roundTrips++;
            }
            sum += s.length();
            if (i % 250 == 0) {
                System.out.println(s + " " + Float.toString((float) d));
            }
        }
        System.out.println("round trips " + roundTrips + " total length " + (long) sum);
    }
}
