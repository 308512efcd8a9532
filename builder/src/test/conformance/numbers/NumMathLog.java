/** Math meets its Javadoc: log10(10^n) is n; cbrt, sinh, cosh, tanh, expm1, log1p, hypot accurate; pow's special cases. */
public class NumMathLog {
    public static void main(String[] args) {
        StringBuilder sb = new StringBuilder();
        for (int n = -20; n <= 22; n++) {
            double p = Double.parseDouble("1e" + n);
            sb.append(Math.log10(p)).append(' ');
        }
        System.out.println(sb.toString().trim());
        System.out.println(Math.log10(1000) + " " + Math.log10(2) + " " + Math.log10(0) + " " + Math.log10(-1) + " " + Math.log10(Double.POSITIVE_INFINITY));
        System.out.println(Math.cbrt(27) + " " + Math.cbrt(-8) + " " + Math.cbrt(1e-300) + " " + Math.cbrt(2) + " " + Math.cbrt(-0.0));
        System.out.println(Math.expm1(1e-10) + " " + Math.log1p(1e-10) + " " + Math.expm1(0) + " " + Math.log1p(-1) + " " + Math.expm1(-800));
        System.out.println(Math.hypot(3e200, 4e200) + " " + Math.hypot(3, 4) + " " + Math.hypot(1e-200, 1e-200) + " " + Math.hypot(Double.NaN, Double.POSITIVE_INFINITY));
        System.out.println(Math.sinh(1e-10) + " " + Math.cosh(0) + " " + Math.tanh(20) + " " + Math.tanh(-0.0) + " " + Math.sinh(800));
        // the Javadoc's special cases where C99's pow gives 1
        System.out.println(Math.pow(1, Double.NaN) + " " + Math.pow(-1, Double.POSITIVE_INFINITY) + " " + Math.pow(1, Double.NEGATIVE_INFINITY)
                + " " + Math.pow(Double.NaN, 0) + " " + Math.pow(Double.NaN, -0.0) + " " + Math.pow(2, Double.NaN) + " " + Math.pow(-8, 1.0 / 3) + " " + Math.pow(-0.0, -3));
        System.out.println(StrictMath.log10(1e15) + " " + StrictMath.cbrt(64) + " " + StrictMath.log1p(0.5) + " " + StrictMath.expm1(0.5));
    }
}
