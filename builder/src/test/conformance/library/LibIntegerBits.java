/** Integer's bit methods, radix conversions and unsigned arithmetic on edge values. */
public class LibIntegerBits {
    public static void main(String[] args) {
        int[] values = {0, 1, -1, 7, 42, 255, 0x80, 0x12345678, Integer.MAX_VALUE, Integer.MIN_VALUE, -123456789, 0x0F0F0F0F};
        for (int v : values) {
            System.out.println(v + ": bitCount=" + Integer.bitCount(v) + " reverse=" + Integer.reverse(v) + " reverseBytes=" + Integer.toHexString(Integer.reverseBytes(v))
                    + " hi=" + Integer.highestOneBit(v) + " lo=" + Integer.lowestOneBit(v) + " nlz=" + Integer.numberOfLeadingZeros(v) + " ntz=" + Integer.numberOfTrailingZeros(v)
                    + " rotl5=" + Integer.rotateLeft(v, 5) + " rotr33=" + Integer.rotateRight(v, 33) + " signum=" + Integer.signum(v));
            System.out.println("   bin=" + Integer.toBinaryString(v) + " oct=" + Integer.toOctalString(v) + " hex=" + Integer.toHexString(v) + " r36=" + Integer.toString(v, 36)
                    + " r7=" + Integer.toString(v, 7) + " u=" + Integer.toUnsignedString(v) + " u16=" + Integer.toUnsignedString(v, 16) + " ulong=" + Integer.toUnsignedLong(v));
        }
        System.out.println(Integer.toString(255, 1) + " " + Integer.toString(255, 99) + " " + Integer.parseInt("-zz", 36) + " " + Integer.parseInt("+1010", 2) + " "
                + Integer.valueOf("777", 8) + " " + Integer.parseUnsignedInt("4294967295") + " " + Integer.parseUnsignedInt("ffffffff", 16));
        int big = -2;
        System.out.println("divideUnsigned=" + Integer.divideUnsigned(big, 3) + " remainderUnsigned=" + Integer.remainderUnsigned(big, 3) + " compareUnsigned=" + Integer.compareUnsigned(-1, 1)
                + " compare=" + Integer.compare(-1, 1) + " max=" + Integer.max(3, -4) + " sum=" + Integer.sum(Integer.MAX_VALUE, 1));
        System.out.println("compress=" + Integer.toBinaryString(Integer.compress(0b1011_0110, 0b1111_0000)) + " expand=" + Integer.toBinaryString(Integer.expand(0b1011, 0b1100_1100)));
        System.out.println("hashCode=" + Integer.hashCode(-5) + " MIN_VALUE/-1=" + (Integer.MIN_VALUE / -1) + " abs(MIN)=" + Math.abs(Integer.MIN_VALUE) + " -MIN=" + (-Integer.MIN_VALUE)
                + " MAX+1=" + (Integer.MAX_VALUE + 1) + " >>>=" + (-16 >>> 28) + " >>=" + (-16 >> 2) + " <<32=" + (1 << 32) + " <<33=" + (1 << 33));
        try {
            Math.addExact(Integer.MAX_VALUE, 1);
        } catch (ArithmeticException e) {
            System.out.println("addExact: " + e.getClass().getSimpleName());
        }
        try {
            Math.multiplyExact(1 << 20, 1 << 12);
        } catch (ArithmeticException e) {
            System.out.println("multiplyExact: " + e.getClass().getSimpleName());
        }
        try {
            Math.toIntExact(1L << 40);
        } catch (ArithmeticException e) {
            System.out.println("toIntExact: " + e.getClass().getSimpleName());
        }
        System.out.println("floorDiv=" + Math.floorDiv(-7, 2) + " floorMod=" + Math.floorMod(-7, 2) + " ceilDiv=" + Math.ceilDiv(-7, 2) + " ceilMod=" + Math.ceilMod(7, 2)
                + " /=" + (-7 / 2) + " %=" + (-7 % 2) + " absExact(5)=" + Math.absExact(-5) + " clamp=" + Math.clamp(15L, 0, 10));
        short s = (short) 0xABCD;
        byte by = (byte) 0x9C;
        System.out.println("Short.reverseBytes=" + Integer.toHexString(Short.reverseBytes(s) & 0xFFFF) + " Short.toUnsignedInt=" + Short.toUnsignedInt(s) + " Byte.toUnsignedInt=" + Byte.toUnsignedInt(by)
                + " Short.compare=" + Short.compare((short) 1, (short) -1) + " Byte.compareUnsigned=" + Byte.compareUnsigned(by, (byte) 1) + " (char)-1=" + (int) (char) -1);
    }
}
