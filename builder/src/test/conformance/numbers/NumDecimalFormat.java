import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.NumberFormat;
import java.util.Locale;

/** DecimalFormat rounds the double's binary value (HALF_EVEN: 7.135 is 7.13); patterns, grouping, NumberFormat. */
public class NumDecimalFormat {
    public static void main(String[] args) {
        double[] vs = {7.135, 0.125, 0.135, 2.5, 3.5, -1.005, 1234567.891, 0.0, 1e-7, 123456789012.345, 0.15, 0.25, 1.0 / 3, 100, -0.001};
        String[] patterns = {"0.00", "#,##0.###", "0.0", "#", "#.##", "00.000", "#.##%", "$#,##0.00;($#,##0.00)", "0.###E0"};
        for (String pattern : patterns) {
            StringBuilder sb = new StringBuilder(pattern + ":");
            DecimalFormat f = new DecimalFormat(pattern);
            for (double v : vs) {
                sb.append(' ').append(f.format(v));
            }
            System.out.println(sb);
        }
        DecimalFormat f = new DecimalFormat("0.00");
        for (RoundingMode mode : new RoundingMode[] {RoundingMode.HALF_UP, RoundingMode.HALF_DOWN, RoundingMode.UP, RoundingMode.DOWN,
            RoundingMode.CEILING, RoundingMode.FLOOR}) {
            f.setRoundingMode(mode);
            System.out.println(mode + ": " + f.format(7.135) + " " + f.format(0.125) + " " + f.format(-2.345) + " " + f.format(1.001));
        }
        System.out.println(NumberFormat.getInstance(Locale.US).format(1234567.891) + " " + NumberFormat.getInstance(Locale.ROOT).format(-1234.5678));
        System.out.println(NumberFormat.getPercentInstance(Locale.US).format(0.256) + " " + NumberFormat.getPercentInstance(Locale.US).format(0.125));
        System.out.println(NumberFormat.getIntegerInstance(Locale.US).format(2.5) + " " + NumberFormat.getIntegerInstance(Locale.US).format(3.5)
                + " " + NumberFormat.getIntegerInstance(Locale.US).format(-2.5) + " " + NumberFormat.getInstance(Locale.US).format(12345678));
    }
}
