import java.util.*;

public class ProgSieve {
    static boolean[] sieve(int n) {
        boolean[] composite = new boolean[n + 1];
        composite[0] = composite[1] = true;
        for (int i = 2; (long) i * i <= n; i++) {
            if (!composite[i]) {
                for (int j = i * i; j <= n; j += i) {
                    composite[j] = true;
                }
            }
        }
        return composite;
    }

    static BitSet bitSieve(int n) {
        BitSet primes = new BitSet(n + 1);
        primes.set(2, n + 1);
        for (int p = 2; p * p <= n; p = primes.nextSetBit(p + 1)) {
            for (int m = p * p; m <= n; m += p) {
                primes.clear(m);
            }
        }
        return primes;
    }

    static List<Integer> factor(int n) {
        List<Integer> f = new ArrayList<>();
        for (int d = 2; d * d <= n; d++) {
            while (n % d == 0) {
                f.add(d);
                n /= d;
            }
        }
        if (n > 1) {
            f.add(n);
        }
        return f;
    }

    public static void main(String[] args) {
        int n = 1_000_000;
        boolean[] c = sieve(n);
        int count = 0;
        long sum = 0;
        int last = 0;
        List<Integer> first = new ArrayList<>();
        int twins = 0;
        int maxGap = 0, gapAt = 0;
        for (int i = 2; i <= n; i++) {
            if (!c[i]) {
                count++;
                sum += i;
                if (first.size() < 25) {
                    first.add(i);
                }
                if (last != 0 && i - last == 2) {
                    twins++;
                }
                if (last != 0 && i - last > maxGap) {
                    maxGap = i - last;
                    gapAt = last;
                }
                last = i;
            }
        }
        System.out.println(first);
        System.out.println("primes <= " + n + ": " + count + ", sum " + sum + ", largest " + last + ", twin pairs " + twins);
        System.out.println("largest gap " + maxGap + " after " + gapAt);
        BitSet bs = bitSieve(n);
        System.out.println("BitSet agrees: " + (bs.cardinality() == count) + " " + bs.previousSetBit(n) + " " + bs.nextSetBit(999_900));
        for (int x : new int[] {360, 97, 1001, 65536, 999_999, 2_147_483_646}) {
            System.out.println(x + " = " + factor(x));
        }
        int goldbach = 0;
        for (int e = 4; e <= 10_000; e += 2) {
            for (int p = 2; p <= e / 2; p++) {
                if (!c[p] && !c[e - p]) {
                    goldbach++;
                    break;
                }
            }
        }
        System.out.println("Goldbach holds for " + goldbach + " even numbers up to 10000");
    }
}
