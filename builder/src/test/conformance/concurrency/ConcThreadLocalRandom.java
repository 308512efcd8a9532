import java.util.*;
import java.util.concurrent.*;
import java.util.stream.*;

/** ThreadLocalRandom from several threads: the values are random, so only their ranges and kinds are printed. */
public class ConcThreadLocalRandom {
    public static void main(String[] args) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<String>> results = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            results.add(pool.submit(() -> {
                ThreadLocalRandom r = ThreadLocalRandom.current();
                boolean ok = true;
                for (int i = 0; i < 10_000; i++) {
                    int a = r.nextInt(10);
                    int b = r.nextInt(5, 15);
                    long c = r.nextLong(1_000_000_000_000L);
                    long d = r.nextLong(-5, 5);
                    double e = r.nextDouble();
                    double f = r.nextDouble(2.0, 3.0);
                    ok &= a >= 0 && a < 10 && b >= 5 && b < 15 && c >= 0 && c < 1_000_000_000_000L && d >= -5 && d < 5
                            && e >= 0 && e < 1 && f >= 2 && f < 3;
                }
                return ok ? "in range" : "OUT OF RANGE";
            }));
        }
        for (Future<String> f : results) {
            System.out.println(f.get());
        }
        pool.shutdown();
        ThreadLocalRandom r = ThreadLocalRandom.current();
        Set<Integer> seen = new TreeSet<>();
        for (int i = 0; i < 1000; i++) {
            seen.add(r.nextInt(6) + 1);
        }
        System.out.println("dice faces seen: " + seen);
        System.out.println("ints stream in range: " + r.ints(100, 0, 3).allMatch(x -> x >= 0 && x < 3));
        try {
            r.nextInt(0);
        } catch (IllegalArgumentException e) {
            System.out.println("nextInt(0): IllegalArgumentException");
        }
        try {
            r.setSeed(1);
        } catch (UnsupportedOperationException e) {
            System.out.println("setSeed: UnsupportedOperationException");
        }
    }
}
