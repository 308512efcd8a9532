import java.math.*;

public class BigNumbers {
    public static void main(String[] args) {
        BigInteger f = BigInteger.ONE;
        for (int i = 2; i <= 50; i++) {
            f = f.multiply(BigInteger.valueOf(i));
        }
        System.out.println("50! = " + f);
        System.out.println(f.bitLength() + " " + f.mod(BigInteger.valueOf(1_000_000_007)) + " " + f.toString(16));
        BigInteger p = new BigInteger("170141183460469231731687303715884105727");
        System.out.println(p.isProbablePrime(20) + " " + p.add(BigInteger.TWO).isProbablePrime(20) + " " + p.pow(2));
        System.out.println(BigInteger.valueOf(2).modPow(BigInteger.valueOf(100), BigInteger.valueOf(1_000_003)) + " "
                + BigInteger.valueOf(48).gcd(BigInteger.valueOf(180)) + " " + new BigInteger("-123456789012345678901234567890").divide(BigInteger.valueOf(97)));
        BigInteger[] qr = new BigInteger("98765432109876543210").divideAndRemainder(new BigInteger("1234567"));
        System.out.println(qr[0] + " " + qr[1] + " " + BigInteger.TEN.negate().abs().signum() + " " + BigInteger.ONE.shiftLeft(100));
        BigDecimal a = new BigDecimal("10.25");
        BigDecimal b = new BigDecimal("3");
        System.out.println(a.add(b) + " " + a.subtract(b) + " " + a.multiply(b) + " " + a.divide(b, 10, RoundingMode.HALF_UP));
        System.out.println(a.divide(b, MathContext.DECIMAL64) + " " + a.setScale(1, RoundingMode.HALF_EVEN) + " " + a.scale() + " " + a.precision());
        System.out.println(new BigDecimal("1.10").equals(new BigDecimal("1.1")) + " " + new BigDecimal("1.10").compareTo(new BigDecimal("1.1"))
                + " " + new BigDecimal("1.10").stripTrailingZeros() + " " + new BigDecimal("1E+3").toPlainString());
        try {
            BigDecimal.ONE.divide(b);
        } catch (ArithmeticException e) {
            System.out.println("non-terminating: " + e.getMessage());
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < 10; i++) {
            sum = sum.add(new BigDecimal("0.1"));
        }
        System.out.println(sum + " " + BigDecimal.valueOf(2.5).toBigInteger() + " " + new BigDecimal("123.456").round(new MathContext(4)));
    }
}
