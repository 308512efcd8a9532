import java.math.BigDecimal;

/** Formatter's %f %e %g %a: half-up rounding of the shortest decimal, as the JDK does. */
public class NumFormatter {
    public static void main(String[] args) {
        System.out.println(String.format("%08.2f|%.2f|%.1f|%.2f|%.0f|%.0f|%.3f", 7.125, 0.125, 0.05, 1.005, 0.5, 2.5, 2.0005));
        System.out.println(String.format("%.3e|%e|%.0e|%E|%.2e", 1234.5678, 0.000123, 9.5, Double.MIN_VALUE, 1.0E23));
        System.out.println(String.format("%g|%g|%.3g|%g|%G|%.10g", 0.0001234, 123456.0, 99.95, 1e-5, 1e10, 1.0 / 3));
        System.out.println(String.format("%a|%a|%A|%a|%a", 1.0, -0.1, 255.5, Double.MIN_VALUE, 0.0));
        System.out.println(String.format("%,.3f|%+.2f|%(.2f|% .1f|%-10.2f|%10.4f", 1234567.8915, 3.14159, -2.5, 1.25, 1.0, Math.PI));
        System.out.println(String.format("%.2f|%.20f|%.3f|%f", 1.0E23, 0.1, Float.MIN_VALUE, 1e-7f));
        System.out.println(String.format("%.2f|%.5e|%s", new BigDecimal("2.345"), new BigDecimal("12345.6789"), 1.0E-5));
    }
}
