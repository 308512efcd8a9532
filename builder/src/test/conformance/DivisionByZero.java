public class DivisionByZero {
    static int zero() {
        return Integer.parseInt("0");
    }

    public static void main(String[] args) {
        int z = zero();
        try {
            System.out.println(10 / z);
        } catch (ArithmeticException e) {
            System.out.println("int div: " + e.getMessage());
        }
        try {
            System.out.println(10 % z);
        } catch (ArithmeticException e) {
            System.out.println("int rem: " + e.getMessage());
        }
        long lz = z;
        try {
            System.out.println(10L / lz);
        } catch (ArithmeticException e) {
            System.out.println("long div: " + e.getMessage());
        }
        try {
            System.out.println(10L % lz);
        } catch (ArithmeticException e) {
            System.out.println("long rem: " + e.getMessage());
        }
        int minusOne = z - 1;
        System.out.println(Integer.MIN_VALUE / minusOne + " " + Integer.MIN_VALUE % minusOne);
        System.out.println(Long.MIN_VALUE / minusOne + " " + Long.MIN_VALUE % minusOne);
        System.out.println(1.0 / z + " " + -1.0 / z + " " + 0.0 / z + " " + 7 / 2 + " " + -7 / 2 + " " + -7 % 3 + " " + 7 % -3);
        try {
            Math.floorMod(5, z);
        } catch (ArithmeticException e) {
            System.out.println("floorMod: " + e.getMessage());
        }
        try {
            java.math.BigInteger.ONE.divide(java.math.BigInteger.ZERO);
        } catch (ArithmeticException e) {
            System.out.println("BigInteger: " + e.getClass().getName());
        }
    }
}
