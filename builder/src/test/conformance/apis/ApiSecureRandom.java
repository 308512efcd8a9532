import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Random;

/**
 * java.security.SecureRandom: seeded from real entropy, so two generators (even given the same seed)
 * never agree, unlike java.util.Random; values stay in their ranges (issue 13, item 4).
 */
public class ApiSecureRandom {
    public static void main(String[] args) throws Exception {
        SecureRandom a = new SecureRandom();
        SecureRandom b = new SecureRandom();
        System.out.println(a.getAlgorithm() + " " + SecureRandom.getInstance("SHA1PRNG").getAlgorithm() + " "
                + SecureRandom.getInstance("nativeprng").getAlgorithm() + " " + (a instanceof Random));
        byte[] x = new byte[32];
        byte[] y = new byte[32];
        a.nextBytes(x);
        b.nextBytes(y);
        System.out.println("two generators agree: " + java.util.Arrays.equals(x, y));
        SecureRandom s1 = new SecureRandom(new byte[] {1, 2, 3});
        SecureRandom s2 = new SecureRandom(new byte[] {1, 2, 3});
        s1.setSeed(42L);
        s2.setSeed(42L);
        System.out.println("same seed, same longs: " + (s1.nextLong() == s2.nextLong() && s1.nextLong() == s2.nextLong()));
        a.nextBytes(y);
        System.out.println("next bytes repeat: " + java.util.Arrays.equals(x, y));
        boolean inRange = true;
        int[] buckets = new int[10];
        for (int i = 0; i < 20000; i++) {
            int v = a.nextInt(10);
            double d = a.nextDouble();
            inRange &= v >= 0 && v < 10 && d >= 0 && d < 1;
            buckets[v]++;
        }
        boolean spread = true;
        for (int n : buckets) {
            spread &= n > 1500 && n < 2500; // expected 2000 each; 1500 is 11 standard deviations away
        }
        System.out.println("in range: " + inRange + ", every bucket filled: " + spread);
        int ones = 0;
        byte[] many = new byte[4096];
        a.nextBytes(many);
        for (byte v : many) {
            ones += Integer.bitCount(v & 0xff);
        }
        System.out.println("bits set about half: " + (ones > 15500 && ones < 17268));
        System.out.println("seed bytes: " + a.generateSeed(16).length + " " + SecureRandom.getSeed(5).length);
        try {
            SecureRandom.getInstance("FOO");
        } catch (NoSuchAlgorithmException e) {
            System.out.println(e);
        }
    }
}
