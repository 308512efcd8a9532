import java.util.*;

public class ProgHanoi {
    static int moves;
    static final StringBuilder log = new StringBuilder();

    static void hanoi(int n, char from, char to, char via) {
        if (n == 0) {
            return;
        }
        hanoi(n - 1, from, via, to);
        moves++;
        if (log.length() < 400) {
            log.append("disk ").append(n).append(' ').append(from).append("->").append(to).append('\n');
        }
        hanoi(n - 1, via, to, from);
    }

    static List<Deque<Integer>> pegs(int n) {
        List<Deque<Integer>> pegs = List.of(new ArrayDeque<>(), new ArrayDeque<>(), new ArrayDeque<>());
        for (int d = n; d >= 1; d--) {
            pegs.get(0).push(d);
        }
        return pegs;
    }

    static void move(List<Deque<Integer>> pegs, int a, int b) {
        Deque<Integer> pa = pegs.get(a), pb = pegs.get(b);
        if (pb.isEmpty() || (!pa.isEmpty() && pa.peek() < pb.peek())) {
            pb.push(pa.pop());
        } else {
            pa.push(pb.pop());
        }
    }

    public static void main(String[] args) {
        hanoi(4, 'A', 'C', 'B');
        System.out.print(log);
        System.out.println("moves for 4: " + moves);
        for (int n = 1; n <= 20; n++) {
            moves = 0;
            hanoi(n, 'A', 'C', 'B');
            if (moves != (1 << n) - 1) {
                throw new AssertionError("n=" + n + " moves=" + moves);
            }
        }
        System.out.println("moves for 20: " + moves);
        // the iterative solution with explicit stacks
        int n = 10;
        List<Deque<Integer>> p = pegs(n);
        int total = (1 << n) - 1;
        int[][] pairs = n % 2 == 0 ? new int[][] {{0, 1}, {0, 2}, {1, 2}} : new int[][] {{0, 2}, {0, 1}, {1, 2}};
        for (int i = 0; i < total; i++) {
            int[] pair = pairs[i % 3];
            move(p, pair[0], pair[1]);
            if (i == total / 2) {
                System.out.println("halfway " + p);
            }
        }
        System.out.println("iterative done " + p.get(0).isEmpty() + " " + p.get(1).isEmpty() + " " + p.get(2));
        // Frame-Stewart with four pegs for small n
        long[] four = new long[16];
        for (int k = 1; k < four.length; k++) {
            long best = Long.MAX_VALUE;
            for (int t = 0; t < k; t++) {
                best = Math.min(best, 2 * four[t] + ((1L << (k - t)) - 1));
            }
            four[k] = best;
        }
        System.out.println("four pegs " + Arrays.toString(four));
    }
}
