/** Long's bit methods, radix conversions and unsigned arithmetic on edge values. */
public class LibLongBits {
    public static void main(String[] args) {
        long[] values = {0L, 1L, -1L, 1L << 40, 0x123456789ABCDEF0L, Long.MAX_VALUE, Long.MIN_VALUE, -987654321012345L, 0x00FF00FF00FF00FFL};
        for (long v : values) {
            System.out.println(v + ": bitCount=" + Long.bitCount(v) + " reverse=" + Long.reverse(v) + " reverseBytes=" + Long.toHexString(Long.reverseBytes(v))
                    + " hi=" + Long.highestOneBit(v) + " lo=" + Long.lowestOneBit(v) + " nlz=" + Long.numberOfLeadingZeros(v) + " ntz=" + Long.numberOfTrailingZeros(v)
                    + " rotl13=" + Long.rotateLeft(v, 13) + " rotr-3=" + Long.rotateRight(v, -3) + " signum=" + Long.signum(v));
            System.out.println("   bin=" + Long.toBinaryString(v) + " oct=" + Long.toOctalString(v) + " hex=" + Long.toHexString(v) + " r36=" + Long.toString(v, 36)
                    + " u=" + Long.toUnsignedString(v) + " u2=" + Long.toUnsignedString(v, 2).length() + " u36=" + Long.toUnsignedString(v, 36) + " hash=" + Long.hashCode(v));
        }
        System.out.println(Long.parseLong("-9223372036854775808") + " " + Long.parseLong("7fffffffffffffff", 16) + " " + Long.parseUnsignedLong("18446744073709551615") + " "
                + Long.parseUnsignedLong("ffffffffffffffff", 16) + " " + Long.valueOf("-zzzzzz", 36) + " " + Long.decode("#FF") + " " + Long.decode("-0x10") + " " + Long.decode("010"));
        long u = -3L;
        System.out.println("divideUnsigned=" + Long.divideUnsigned(u, 7) + " remainderUnsigned=" + Long.remainderUnsigned(u, 7) + " compareUnsigned=" + Long.compareUnsigned(-1L, 1L)
                + " divideUnsigned(MAX+1, 2)=" + Long.divideUnsigned(Long.MIN_VALUE, 2) + " divideUnsigned(x, -1)=" + Long.divideUnsigned(5, -1));
        System.out.println("multiplyHigh=" + Math.multiplyHigh(Long.MAX_VALUE, 3) + " unsignedMultiplyHigh=" + Math.unsignedMultiplyHigh(-1L, -1L) + " floorDiv=" + Math.floorDiv(-9L, 4L)
                + " floorMod=" + Math.floorMod(-9L, 4) + " compress=" + Long.compress(-1L, 0xF0F0L) + " expand=" + Long.toHexString(Long.expand(0xABL, 0xF00F0000L)));
        try {
            Math.negateExact(Long.MIN_VALUE);
        } catch (ArithmeticException e) {
            System.out.println("negateExact: " + e.getClass().getSimpleName());
        }
        try {
            Math.subtractExact(Long.MIN_VALUE, 1L);
        } catch (ArithmeticException e) {
            System.out.println("subtractExact: " + e.getClass().getSimpleName());
        }
        try {
            Long.parseUnsignedLong("18446744073709551616");
        } catch (NumberFormatException e) {
            System.out.println("parseUnsignedLong: " + e.getMessage());
        }
        try {
            Long.parseUnsignedLong("-1");
        } catch (NumberFormatException e) {
            System.out.println("parseUnsignedLong(-1): " + e.getMessage());
        }
        long x = 0xDEADBEEFCAFEBABEL;
        long h = x;
        for (int i = 0; i < 5; i++) {
            h ^= h >>> 33;
            h *= 0xff51afd7ed558ccdL;
            h ^= h >>> 33;
            System.out.print(Long.toHexString(h) + " ");
        }
        System.out.println();
        System.out.println("shifts " + (x >>> 60) + " " + (x >> 60) + " " + (x << 64) + " " + (x << 65) + " " + (int) x + " " + (short) x + " " + (byte) x + " " + (char) (x & 0x7F) + " "
                + (double) Long.MAX_VALUE + " " + (long) 1e19 + " " + (long) Double.NaN + " " + (int) -1e10f + " " + (long) -0.9);
    }
}
