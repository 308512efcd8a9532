import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** java.util.Random's sequences as its Javadoc specifies them, and what is built on them. */
public class NumRandom {
    public static void main(String[] args) {
        Random r = new Random(42);
        System.out.println(r.nextInt() + " " + r.nextInt(100) + " " + r.nextInt(64) + " " + r.nextLong() + " " + r.nextDouble() + " " + r.nextFloat());
        System.out.println(r.nextBoolean() + " " + r.nextGaussian() + " " + r.nextGaussian() + " " + r.nextInt(5, 10) + " " + r.nextLong(1000L) + " " + r.nextLong(-5, 5));
        System.out.println(r.nextDouble(10) + " " + r.nextDouble(-1, 1) + " " + r.nextFloat(2f) + " " + r.nextInt(Integer.MIN_VALUE, Integer.MAX_VALUE));
        byte[] b = new byte[11];
        r.nextBytes(b);
        System.out.println(Arrays.toString(b));
        System.out.println(Arrays.toString(new Random(7).ints(6, 0, 10).toArray()) + " " + Arrays.toString(new Random(7).longs(3, 0, 1000).toArray()));
        System.out.println(Arrays.toString(new Random(7).doubles(3).toArray()) + " " + new Random(9).ints(1000, 1, 7).sum());
        List<Integer> list = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            list.add(i);
        }
        Collections.shuffle(list, new Random(42));
        System.out.println(list);
        Random seeded = new Random(1);
        seeded.setSeed(123);
        int[] counts = new int[6];
        for (int i = 0; i < 6000; i++) {
            counts[seeded.nextInt(6)]++;
        }
        System.out.println(Arrays.toString(counts));
        try {
            r.nextInt(0);
        } catch (IllegalArgumentException e) {
            System.out.println(e.getMessage());
        }
        try {
            r.nextInt(5, 5);
        } catch (IllegalArgumentException e) {
            System.out.println(e.getMessage());
        }
    }
}
