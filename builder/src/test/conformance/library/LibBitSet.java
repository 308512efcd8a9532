import java.util.*;
import java.util.stream.*;

/** BitSet: ranges, logic ops, searching both ways, sizes, long/byte array conversions, streams, equality, a sieve. */
public class LibBitSet {
    public static void main(String[] args) {
        BitSet b = new BitSet();
        b.set(3);
        b.set(10, 20);
        b.clear(12, 15);
        b.flip(0, 5);
        b.set(100, true);
        b.set(64, false);
        System.out.println(b + " cardinality=" + b.cardinality() + " length=" + b.length() + " isEmpty=" + b.isEmpty());
        System.out.println("nextSetBit(5)=" + b.nextSetBit(5) + " nextClearBit(10)=" + b.nextClearBit(10) + " previousSetBit(99)=" + b.previousSetBit(99)
                + " previousClearBit(19)=" + b.previousClearBit(19) + " nextSetBit(101)=" + b.nextSetBit(101) + " previousSetBit(2)=" + b.previousSetBit(2));
        System.out.println("get(10,22)=" + b.get(10, 22) + " get(3)=" + b.get(3) + " get(4)=" + b.get(4));
        BitSet x = BitSet.valueOf(new long[] {0b1011_0110L, -1L});
        BitSet y = BitSet.valueOf(new byte[] {(byte) 0xF0, 0x0F, 0x55});
        System.out.println("x=" + x.get(0, 12) + " card=" + x.cardinality() + " y=" + y);
        BitSet and = (BitSet) x.clone();
        and.and(y);
        BitSet or = (BitSet) x.clone();
        or.or(y);
        BitSet xor = (BitSet) x.clone();
        xor.xor(y);
        BitSet andNot = (BitSet) x.clone();
        andNot.andNot(y);
        System.out.println("and=" + and + " or.card=" + or.cardinality() + " xor.get(0,24)=" + xor.get(0, 24) + " andNot.get(0,24)=" + andNot.get(0, 24)
                + " intersects=" + x.intersects(y));
        System.out.println("toLongArray=" + Arrays.toString(y.toLongArray()) + " toByteArray=" + Arrays.toString(y.toByteArray())
                + " x.toLongArray=" + Arrays.toString(x.toLongArray()));
        System.out.println("stream=" + b.stream().boxed().collect(Collectors.toList()) + " sum=" + b.stream().sum());
        BitSet c = new BitSet();
        c.or(b);
        System.out.println("equals=" + c.equals(b) + " hash equal=" + (c.hashCode() == b.hashCode()));
        c.clear();
        System.out.println("cleared=" + c + " length=" + c.length() + " equals empty=" + c.equals(new BitSet(1000)) + " empty hash=" + new BitSet().hashCode());
        int n = 120;
        BitSet composite = new BitSet(n + 1);
        for (int i = 2; i * i <= n; i++) {
            if (!composite.get(i)) {
                for (int j = i * i; j <= n; j += i) {
                    composite.set(j);
                }
            }
        }
        StringBuilder primes = new StringBuilder();
        for (int i = composite.nextClearBit(2); i <= n; i = composite.nextClearBit(i + 1)) {
            primes.append(i).append(' ');
        }
        System.out.println("primes " + primes.toString().trim());
        try {
            b.set(-1);
        } catch (IndexOutOfBoundsException e) {
            System.out.println("set(-1): " + e.getClass().getSimpleName());
        }
        try {
            b.set(5, 2);
        } catch (IndexOutOfBoundsException e) {
            System.out.println("set(5,2): " + e.getClass().getSimpleName());
        }
        try {
            new BitSet(-3);
        } catch (NegativeArraySizeException e) {
            System.out.println("new BitSet(-3): " + e.getClass().getSimpleName());
        }
    }
}
