public class LangOverflow {
    static String bin(int x) {
        return String.format("%32s", Integer.toBinaryString(x)).replace(' ', '0');
    }

    public static void main(String[] args) {
        int max = Integer.MAX_VALUE, min = Integer.MIN_VALUE;
        System.out.println((max + 1) + " " + (min - 1) + " " + (max * 2) + " " + (min * -1) + " " + (-min) + " " + Math.abs(min));
        System.out.println((min / -1) + " " + (min % -1) + " " + (Long.MIN_VALUE / -1) + " " + Math.abs(Long.MIN_VALUE));
        System.out.println((-7 / 2) + " " + (-7 % 2) + " " + (7 % -2) + " " + Math.floorDiv(-7, 2) + " " + Math.floorMod(-7, 2)
                + " " + Math.floorMod(7, -2) + " " + Math.ceilDiv(7, 2) + " " + (-7.5 % 2));
        String[] ops = {"addExact", "subtractExact", "multiplyExact", "incrementExact", "negateExact", "toIntExact", "multiplyExactLong", "absExact"};
        for (String op : ops) {
            try {
                long r = switch (op) {
                    case "addExact" -> Math.addExact(max, 1);
                    case "subtractExact" -> Math.subtractExact(min, 1);
                    case "multiplyExact" -> Math.multiplyExact(1 << 16, 1 << 16);
                    case "incrementExact" -> Math.incrementExact(max);
                    case "negateExact" -> Math.negateExact(min);
                    case "toIntExact" -> Math.toIntExact(1L << 31);
                    case "multiplyExactLong" -> Math.multiplyExact(Long.MAX_VALUE, 2L);
                    default -> Math.absExact(min);
                };
                System.out.println(op + " " + r);
            } catch (ArithmeticException e) {
                System.out.println(op + ": " + e.getMessage());
            }
        }
        System.out.println(Math.addExact(40, 2) + " " + Math.subtractExact(-40L, 2L));
        System.out.println((1 << 31) + " " + (1 << 32) + " " + (1 << 33) + " " + (1L << 63) + " " + (1L << 64) + " " + (1 << -1));
        System.out.println((-16 >> 2) + " " + (-16 >>> 2) + " " + (-16 >>> 28) + " " + (-16L >>> 2) + " " + (-1 >>> 32) + " " + (-1 >>> 33));
        byte bb = (byte) 0xF0;
        System.out.println((bb >> 2) + " " + (bb >>> 2) + " " + ((bb & 0xFF) >>> 2) + " " + (byte) (bb << 1) + " " + (bb & 0xFF));
        short sh = Short.MAX_VALUE;
        sh++;
        byte by = 127;
        by += 1;
        char ch = 0;
        ch--;
        System.out.println(sh + " " + by + " " + (int) ch + " " + (char) 65 + (char) ('a' + 25) + " " + ('a' + 1) + " " + (char) ('a' + 1));
        System.out.println((int) 3.99 + " " + (int) -3.99 + " " + (int) 1e20 + " " + (int) -1e20 + " " + (int) Double.NaN + " " + (long) 1e30
                + " " + (long) Float.POSITIVE_INFINITY + " " + (int) (float) Integer.MAX_VALUE + " " + (byte) 300 + " " + (short) 70000
                + " " + (char) -1 + 0 + " " + (int) (char) -1);
        double[] ds = {3.99, -3.99, 65.7, -2147483648.9};
        StringBuilder conv = new StringBuilder("run time:");
        for (double d : ds) {
            conv.append(' ').append((int) d).append('/').append((long) d).append('/').append((int) (float) d).append('/').append((char) d + 0);
        }
        System.out.println(conv);
        System.out.println((float) 16777217 + " " + (double) Long.MAX_VALUE + " " + (long) (double) Long.MAX_VALUE + " " + (0.1 + 0.2) + " "
                + (0.1f + 0.2f) + " " + (float) 0.1 + " " + 1.0 / 0 + " " + -1.0 / 0 + " " + 0.0 / 0);
        int x = 0b1011_0110;
        System.out.println(bin(x) + " " + Integer.bitCount(x) + " " + Integer.highestOneBit(x) + " " + Integer.lowestOneBit(x)
                + " " + Integer.numberOfLeadingZeros(x) + " " + Integer.numberOfTrailingZeros(x));
        System.out.println(bin(Integer.reverse(x)) + " " + bin(Integer.rotateLeft(x, 28)) + " " + Integer.toHexString(Integer.reverseBytes(0x12345678)));
        System.out.println((x & -x) + " " + (x & (x - 1)) + " " + ((x & (x - 1)) == 0) + " " + ((64 & 63) == 0) + " " + (~x) + " " + (x ^ 0xFF)
                + " " + (x | 1) + " " + Integer.signum(-x) + " " + ((x >> 31) | (-x >>> 31)));
        int a = 12, b = 34;
        a ^= b;
        b ^= a;
        a ^= b;
        System.out.println("swapped " + a + " " + b + " avg " + ((a & b) + ((a ^ b) >> 1)) + " " + ((max + max) >>> 1) + " " + ((max + max) / 2));
        long h = 1125899906842597L;
        for (char c : "overflow".toCharArray()) {
            h = 31 * h + c;
        }
        int hi = 0;
        for (int i = 0; i < 100; i++) {
            hi = hi * 1_000_003 + i;
        }
        System.out.println(h + " " + hi + " " + "overflow".hashCode() + " " + "polygenelubricants".hashCode() + " " + Long.hashCode(h));
        System.out.println(Integer.toUnsignedString(-1) + " " + Integer.divideUnsigned(-1, 3) + " " + Integer.remainderUnsigned(-1, 7) + " "
                + Long.toUnsignedString(-1L) + " " + Integer.compareUnsigned(-1, 1)
                + " " + Long.divideUnsigned(-1L, 10));
        long gray = 0;
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            gray = i ^ (i >> 1);
            sb.append(gray).append(' ');
        }
        System.out.println("gray " + sb.toString().trim());
        int m = 0x5555_5555;
        System.out.println(Integer.toHexString(m << 1) + " " + Integer.toHexString(m >>> 1) + " " + Long.toHexString(~0L >>> 4)
                + " " + Long.bitCount(0xFFFF_0000_FFFFL) + " " + Long.numberOfTrailingZeros(0) + " " + Integer.numberOfLeadingZeros(0));
    }
}
