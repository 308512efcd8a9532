import java.math.*;

/** BigDecimal's arithmetic with scales and MathContexts, comparisons versus equals, conversions and exact-value construction. */
public class LibBigDecimalOps {
    public static void main(String[] args) {
        BigDecimal a = new BigDecimal("12.340");
        BigDecimal b = new BigDecimal("0.0567");
        System.out.println(a.add(b) + " " + a.subtract(b) + " " + a.multiply(b) + " " + a.negate() + " " + a.plus() + " " + a.scale() + " " + a.precision() + " " + a.unscaledValue());
        System.out.println("divide " + a.divide(b, MathContext.DECIMAL32) + " " + a.divide(b, MathContext.DECIMAL64) + " " + a.divide(b, 4, RoundingMode.HALF_EVEN) + " "
                + BigDecimal.ONE.divide(new BigDecimal("8")) + " " + new BigDecimal("10").divide(new BigDecimal("4")));
        try {
            BigDecimal.ONE.divide(new BigDecimal("3"));
        } catch (ArithmeticException e) {
            System.out.println("non-terminating: " + e.getMessage());
        }
        System.out.println("divideToIntegralValue " + a.divideToIntegralValue(b) + " remainder " + a.remainder(b) + " pow " + a.pow(3) + " pow mc " + a.pow(10, new MathContext(6)));
        System.out.println("round " + new BigDecimal("123.456789").round(new MathContext(4)) + " " + new BigDecimal("-0.0004567").round(new MathContext(2, RoundingMode.UP)) + " "
                + new BigDecimal("9.999").round(new MathContext(2)) + " movePoint " + a.movePointLeft(3) + " " + a.movePointRight(5) + " scaleByPowerOfTen " + a.scaleByPowerOfTen(-2));
        BigDecimal x = new BigDecimal("2.50");
        BigDecimal y = new BigDecimal("2.5");
        System.out.println("equals " + x.equals(y) + " compareTo " + x.compareTo(y) + " hash " + (x.hashCode() == y.hashCode()) + " stripped equals " + x.stripTrailingZeros().equals(y)
                + " max " + x.max(y) + " min " + y.min(x) + " signum " + new BigDecimal("-0.00").signum() + " ulp " + x.ulp());
        System.out.println("from double " + new BigDecimal(0.1) + " valueOf " + BigDecimal.valueOf(0.1) + " " + BigDecimal.valueOf(100, 3) + " " + BigDecimal.valueOf(1e-10) + " "
                + new BigDecimal(1.5e20) + " " + new BigDecimal("1e400").toBigInteger().bitLength());
        BigDecimal c = new BigDecimal("-12345.6789");
        System.out.println("values " + c.intValue() + " " + c.longValue() + " " + c.doubleValue() + " " + c.floatValue() + " " + c.toBigInteger() + " " + c.setScale(0, RoundingMode.FLOOR));
        try {
            c.intValueExact();
        } catch (ArithmeticException e) {
            System.out.println("intValueExact: " + e.getMessage());
        }
        try {
            new BigDecimal("1.2.3");
        } catch (NumberFormatException e) {
            System.out.println("parse 1.2.3: NumberFormatException");
        }
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal price = new BigDecimal("19.99");
        BigDecimal rate = new BigDecimal("0.0825");
        for (int qty = 1; qty <= 5; qty++) {
            BigDecimal line = price.multiply(BigDecimal.valueOf(qty));
            BigDecimal tax = line.multiply(rate).setScale(2, RoundingMode.HALF_UP);
            total = total.add(line).add(tax);
            System.out.println("qty " + qty + " line " + line + " tax " + tax + " total " + total);
        }
        BigDecimal sum = BigDecimal.ZERO;
        double dsum = 0;
        for (int i = 0; i < 10; i++) {
            sum = sum.add(new BigDecimal("0.1"));
            dsum += 0.1;
        }
        System.out.println("ten times 0.1: " + sum + " vs double " + dsum + " compareTo(1)=" + sum.compareTo(BigDecimal.ONE));
        System.out.println("MathContext " + MathContext.DECIMAL128 + " " + new MathContext(7, RoundingMode.CEILING) + " RoundingMode.valueOf(4)=" + RoundingMode.valueOf(4));
    }
}
