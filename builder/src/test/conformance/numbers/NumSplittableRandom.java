import java.util.Arrays;
import java.util.SplittableRandom;

/** SplittableRandom's SplitMix64 sequences for a seed, bounded draws and split(). */
public class NumSplittableRandom {
    public static void main(String[] args) {
        SplittableRandom s = new SplittableRandom(42);
        System.out.println(s.nextInt() + " " + s.nextInt(100) + " " + s.nextLong() + " " + s.nextDouble() + " " + s.nextBoolean());
        System.out.println(s.nextInt(-10, 10) + " " + s.nextLong(1L << 40) + " " + s.nextLong(-3, 3) + " " + s.nextDouble(5) + " " + s.nextDouble(1, 2));
        SplittableRandom child = s.split();
        System.out.println(child.nextLong() + " " + s.nextLong() + " " + child.split().nextInt(1000));
        byte[] b = new byte[13];
        s.nextBytes(b);
        System.out.println(Arrays.toString(b));
        System.out.println(Arrays.toString(new SplittableRandom(7).ints(5, 0, 100).toArray()) + " " + new SplittableRandom(7).longs(100, 0, 10).sum());
        try {
            s.nextInt(-1);
        } catch (IllegalArgumentException e) {
            System.out.println(e.getMessage());
        }
    }
}
