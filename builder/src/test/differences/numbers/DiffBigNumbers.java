import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.BitSet;

/** TeaVM's BigDecimal.precision, BigInteger.doubleValue (not correctly rounded) and hashCode, BitSet.hashCode. */
public class DiffBigNumbers {
    public static void main(String[] args) {
        System.out.println("precision " + new BigDecimal("-0.00010").precision());
        BigInteger big = new BigInteger("123456789012345678901234567890");
        System.out.println("doubleValue " + big.doubleValue());
        System.out.println("hashCode " + big.hashCode());
        BitSet bits = new BitSet();
        bits.set(0, 3);
        bits.set(4);
        bits.set(10, 12);
        bits.set(15, 20);
        bits.set(100);
        System.out.println("BitSet.hashCode " + bits.hashCode());
        System.out.println("end of DiffBigNumbers");
    }
}
