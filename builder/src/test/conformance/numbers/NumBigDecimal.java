import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** BigDecimal's toString, toPlainString, setScale and divide with each RoundingMode. */
public class NumBigDecimal {
    public static void main(String[] args) {
        String[] values = {"123.4550", "1E+5", "0.000001234", "-2.5", "1.05", "-0.00010", "12345678901234567890.123", "5E-10"};
        for (String v : values) {
            BigDecimal b = new BigDecimal(v);
            System.out.println(b + " " + b.toPlainString() + " " + b.toEngineeringString() + " " + b.stripTrailingZeros() + " " + b.scale());
        }
        BigDecimal[] xs = {new BigDecimal("2.5"), new BigDecimal("-2.5"), new BigDecimal("1.15"), new BigDecimal("-1.15"), new BigDecimal("0.05")};
        for (RoundingMode mode : RoundingMode.values()) {
            if (mode == RoundingMode.UNNECESSARY) {
                continue;
            }
            StringBuilder sb = new StringBuilder(mode + ":");
            for (BigDecimal x : xs) {
                sb.append(' ').append(x.setScale(x.scale() - 1, mode));
            }
            sb.append(' ').append(BigDecimal.ONE.divide(new BigDecimal(3), 5, mode));
            sb.append(' ').append(new BigDecimal("-2").divide(new BigDecimal(3), 3, mode));
            System.out.println(sb);
        }
        try {
            new BigDecimal("1.25").setScale(1, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            System.out.println(e.getMessage());
        }
        try {
            BigDecimal.ONE.divide(new BigDecimal(3));
        } catch (ArithmeticException e) {
            System.out.println(e.getMessage());
        }
        System.out.println(new BigDecimal(0.1) + " " + BigDecimal.valueOf(0.1) + " " + new BigDecimal(1.0E23).toPlainString());
        System.out.println(new BigDecimal("10").divide(new BigDecimal("4")) + " "
                + new BigDecimal("1.23E-7").doubleValue() + " " + new BigDecimal("123.456").round(new MathContext(4)));
    }
}
