import java.math.BigInteger;
import java.util.*;

/** BigInteger's common operations: arithmetic with signs, division rounding, modular arithmetic, gcd, bits, radix strings, byte arrays, sqrt, primes. */
public class LibBigInteger {
    public static void main(String[] args) {
        BigInteger a = new BigInteger("123456789012345678901234567890");
        BigInteger b = new BigInteger("-987654321987654321");
        System.out.println(a.add(b) + " " + a.subtract(b) + " " + a.multiply(b) + " " + a.negate().abs() + " " + b.signum() + " " + a.compareTo(b) + " " + a.max(b) + " " + b.min(a));
        BigInteger[] qr = a.divideAndRemainder(b);
        System.out.println("divide " + a.divide(b) + " remainder " + a.remainder(b) + " qr " + Arrays.toString(qr) + " mod " + a.negate().mod(BigInteger.valueOf(97))
                + " rem " + a.negate().remainder(BigInteger.valueOf(97)));
        System.out.println("pow " + BigInteger.TWO.pow(200) + " " + BigInteger.valueOf(-3).pow(41));
        BigInteger m = BigInteger.valueOf(1_000_000_007);
        System.out.println("modPow " + BigInteger.valueOf(3).modPow(BigInteger.valueOf(1_000_000), m) + " modInverse " + BigInteger.valueOf(12345).modInverse(m)
                + " negative exponent " + BigInteger.valueOf(3).modPow(BigInteger.valueOf(-2), BigInteger.valueOf(11)) + " gcd " + a.gcd(b) + " gcd0 " + BigInteger.ZERO.gcd(b));
        System.out.println("sqrt " + a.sqrt() + " " + BigInteger.TEN.pow(40).sqrt() + " sqrtAndRemainder " + Arrays.toString(BigInteger.valueOf(99).sqrtAndRemainder()));
        BigInteger f = BigInteger.ONE;
        for (int i = 2; i <= 50; i++) {
            f = f.multiply(BigInteger.valueOf(i));
        }
        System.out.println("50! " + f + " bitLength " + f.bitLength() + " bitCount " + f.bitCount() + " lowestSetBit " + f.getLowestSetBit() + " digits " + f.toString().length());
        System.out.println("radix " + f.toString(16) + " " + f.toString(36) + " " + b.toString(2) + " " + new BigInteger("-zz", 36) + " " + new BigInteger("ff", 16));
        System.out.println("shifts " + b.shiftLeft(10) + " " + b.shiftRight(10) + " " + a.shiftRight(100) + " " + b.shiftRight(100) + " " + BigInteger.ONE.shiftLeft(-1));
        System.out.println("bits " + b.and(a) + " " + b.or(a) + " " + b.xor(a) + " " + b.not() + " " + b.andNot(a) + " " + a.testBit(3) + " " + a.setBit(200).bitLength() + " "
                + b.clearBit(0) + " " + b.flipBit(70));
        System.out.println("bytes " + Arrays.toString(BigInteger.valueOf(-129).toByteArray()) + " " + Arrays.toString(BigInteger.valueOf(255).toByteArray()) + " "
                + new BigInteger(new byte[] {(byte) 0xFF, 0x00}) + " " + new BigInteger(1, new byte[] {(byte) 0xFF, 0x00}) + " " + BigInteger.ZERO.toByteArray().length);
        System.out.println("values " + b.longValue() + " " + b.intValue() + " " + a.floatValue() + " " + BigInteger.valueOf(Long.MIN_VALUE).subtract(BigInteger.ONE)
                + " equals " + a.equals(new BigInteger("123456789012345678901234567890")));
        try {
            a.longValueExact();
        } catch (ArithmeticException e) {
            System.out.println("longValueExact: " + e.getMessage());
        }
        try {
            a.divide(BigInteger.ZERO);
        } catch (ArithmeticException e) {
            System.out.println("divide by zero: " + e.getMessage());
        }
        try {
            BigInteger.TEN.modInverse(BigInteger.valueOf(4));
        } catch (ArithmeticException e) {
            System.out.println("modInverse: " + e.getMessage());
        }
        try {
            new BigInteger("12x");
        } catch (NumberFormatException e) {
            System.out.println("parse: " + e.getMessage());
        }
        StringBuilder primes = new StringBuilder();
        for (int i = 90; i < 140; i++) {
            if (BigInteger.valueOf(i).isProbablePrime(50)) {
                primes.append(i).append(' ');
            }
        }
        System.out.println("primes " + primes + "nextProbablePrime " + BigInteger.valueOf(1_000_000).nextProbablePrime() + " mersenne61 " + BigInteger.TWO.pow(61).subtract(BigInteger.ONE).isProbablePrime(50));
        BigInteger fib1 = BigInteger.ZERO;
        BigInteger fib2 = BigInteger.ONE;
        for (int i = 0; i < 300; i++) {
            BigInteger t = fib1.add(fib2);
            fib1 = fib2;
            fib2 = t;
        }
        System.out.println("fib300 " + fib1);
    }
}
