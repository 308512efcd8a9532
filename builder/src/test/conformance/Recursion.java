import java.util.*;

public class Recursion {
    static long fib(int n) {
        return n < 2 ? n : fib(n - 1) + fib(n - 2);
    }

    static int ackermann(int m, int n) {
        if (m == 0) {
            return n + 1;
        }
        if (n == 0) {
            return ackermann(m - 1, 1);
        }
        return ackermann(m - 1, ackermann(m, n - 1));
    }

    static void hanoi(int n, char from, char to, char via, List<String> moves) {
        if (n == 0) {
            return;
        }
        hanoi(n - 1, from, via, to, moves);
        moves.add(from + ">" + to);
        hanoi(n - 1, via, to, from, moves);
    }

    static void permute(String prefix, String rest, List<String> out) {
        if (rest.isEmpty()) {
            out.add(prefix);
        }
        for (int i = 0; i < rest.length(); i++) {
            permute(prefix + rest.charAt(i), rest.substring(0, i) + rest.substring(i + 1), out);
        }
    }

    static int queens(int n, int row, int[] cols) {
        if (row == n) {
            return 1;
        }
        int count = 0;
        for (int c = 0; c < n; c++) {
            boolean ok = true;
            for (int r = 0; r < row; r++) {
                if (cols[r] == c || Math.abs(cols[r] - c) == row - r) {
                    ok = false;
                    break;
                }
            }
            if (ok) {
                cols[row] = c;
                count += queens(n, row + 1, cols);
            }
        }
        return count;
    }

    public static void main(String[] args) {
        System.out.println("fib(27) = " + fib(27));
        System.out.println("ackermann(2, 3) = " + ackermann(2, 3) + ", ackermann(3, 5) = " + ackermann(3, 5));
        List<String> moves = new ArrayList<>();
        hanoi(6, 'A', 'C', 'B', moves);
        System.out.println(moves.size() + " moves, first " + moves.subList(0, 5));
        List<String> perms = new ArrayList<>();
        permute("", "abcd", perms);
        System.out.println(perms.size() + " " + perms.subList(0, 6));
        System.out.println("8 queens: " + queens(8, 0, new int[8]));
    }
}
