public class MathFunctions {
    static String f(double d) {
        return String.format("%.12f", d);
    }

    public static void main(String[] args) {
        System.out.println(f(Math.sin(1)) + " " + f(Math.cos(1)) + " " + f(Math.tan(0.5)));
        System.out.println(f(Math.asin(0.5)) + " " + f(Math.acos(0.5)) + " " + f(Math.atan(1)) + " " + f(Math.atan2(1, 2)));
        System.out.println(f(Math.exp(2)) + " " + f(Math.log(10)) + " " + f(Math.log10(1234)) + " " + f(Math.pow(2, 0.5)));
        System.out.println(f(Math.sinh(1)) + " " + f(Math.cosh(1)) + " " + f(Math.tanh(0.5)) + " " + f(Math.cbrt(27.5)));
        System.out.println(f(Math.hypot(3, 4)) + " " + f(Math.expm1(1e-3)) + " " + f(Math.log1p(1e-3)));
        System.out.println(Math.sqrt(2) + " " + Math.sqrt(16) + " " + Math.pow(2, 10) + " " + Math.pow(10, -2));
        System.out.println(Math.floor(-2.5) + " " + Math.ceil(-2.5) + " " + Math.round(-2.5) + " " + Math.round(2.5) + " " + Math.rint(2.5));
        System.out.println(Math.abs(-7) + " " + Math.abs(-7.5) + " " + Math.max(3, 9) + " " + Math.min(-0.0, 0.0) + " " + Math.signum(-3.2));
        System.out.println(Math.floorDiv(-7, 2) + " " + Math.floorMod(-7, 2) + " " + Math.abs(Integer.MIN_VALUE));
        try {
            Math.addExact(Integer.MAX_VALUE, 1);
        } catch (ArithmeticException e) {
            System.out.println("addExact overflow");
        }
        try {
            Math.multiplyExact(Long.MAX_VALUE, 2L);
        } catch (ArithmeticException e) {
            System.out.println("multiplyExact overflow");
        }
        System.out.println(Double.isNaN(Math.sqrt(-1)) + " " + Double.isInfinite(Math.log(0)) + " " + Math.toDegrees(Math.PI) + " " + Math.toRadians(180));
        System.out.println(Math.PI + " " + Math.E + " " + (0.1 + 0.2) + " " + 1.0 / 3.0 + " " + (float) (1.0 / 3.0) + " " + 2.0 / 3.0);
        System.out.println(Double.compare(0.0, -0.0) + " " + Double.MIN_VALUE + " " + Float.MAX_VALUE + " " + (int) 3.99 + " " + (int) -3.99
                + " " + (int) Double.NaN + " " + (long) 1e30 + " " + (int) 1e10);
        System.out.println(Integer.bitCount(255) + " " + Integer.reverse(1) + " " + Long.numberOfTrailingZeros(64) + " " + Integer.highestOneBit(100)
                + " " + (-17 >> 2) + " " + (-17 >>> 28) + " " + (1 << 33) + " " + (1L << 33));
        double acc = 0;
        for (int i = 1; i <= 1000; i++) {
            acc += Math.sin(i) * Math.cos(i) / i;
        }
        System.out.println(String.format("%.9f", acc));
        System.out.println(StrictMath.sqrt(3.0) + " " + Math.fma(2.0, 3.0, 1.0) + " " + Math.ulp(1.0) + " " + Math.nextUp(1.0));
    }
}
