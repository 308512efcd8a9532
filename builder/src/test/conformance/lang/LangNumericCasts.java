/** Floating-point to integer conversions at run time (JLS 5.1.3): NaN to 0, out of range to the bounds. */
public class LangNumericCasts {
    public static void main(String[] args) {
        // parsed, so that javac cannot fold the casts
        double[] doubles = {Double.parseDouble("1e20"), Double.parseDouble("-1e20"), Double.parseDouble("NaN"),
                Double.parseDouble("Infinity"), Double.parseDouble("-Infinity"), Double.parseDouble("2147483647.9"),
                Double.parseDouble("-2147483648.9"), Double.parseDouble("2147483648"), Double.parseDouble("9.3e18"),
                Double.parseDouble("-9.3e18"), Double.parseDouble("2.9"), Double.parseDouble("-2.9"),
                Double.parseDouble("-0.0"), Double.MIN_VALUE, Double.MAX_VALUE};
        for (double d : doubles) {
            System.out.println(d + ": int " + (int) d + ", long " + (long) d + ", short " + (short) d + ", byte "
                    + (byte) d + ", char " + (int) (char) d + ", intValue " + Double.valueOf(d).intValue()
                    + ", longValue " + Double.valueOf(d).longValue());
        }
        float[] floats = {Float.parseFloat("3e10"), Float.parseFloat("-3e10"), Float.parseFloat("NaN"),
                Float.parseFloat("Infinity"), Float.parseFloat("1e19"), Float.parseFloat("-1e19"), Float.parseFloat("7.5")};
        for (float f : floats) {
            System.out.println(f + ": int " + (int) f + ", long " + (long) f + ", intValue " + Float.valueOf(f).intValue());
        }
        long sum = 0;
        for (int i = 0; i < 1000; i++) {
            sum += (long) (i * 1.5e16);
        }
        System.out.println("sum " + sum);
    }
}
