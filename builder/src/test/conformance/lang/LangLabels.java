import java.util.*;

public class LangLabels {
    static int[][] grid = {{1, 2, 3, 4}, {5, -6, 7, 8}, {9, 10, 0, 12}, {13, 14, 15, 16}};

    static String findFirstNegative() {
        String found = "none";
        search:
        for (int i = 0; i < grid.length; i++) {
            for (int j = 0; j < grid[i].length; j++) {
                if (grid[i][j] < 0) {
                    found = i + "," + j;
                    break search;
                }
            }
        }
        return found;
    }

    static List<Integer> primesBelow(int n) {
        List<Integer> out = new ArrayList<>();
        outer:
        for (int i = 2; i < n; i++) {
            for (int j = 2; j * j <= i; j++) {
                if (i % j == 0) {
                    continue outer;
                }
            }
            out.add(i);
        }
        return out;
    }

    static String blockBreak(int x) {
        StringBuilder sb = new StringBuilder();
        check:
        {
            sb.append("start ");
            if (x < 0) {
                sb.append("negative ");
                break check;
            }
            sb.append("non-negative ");
            if (x == 0) {
                break check;
            }
            sb.append("positive ");
        }
        return sb.append("end").toString();
    }

    static String whileLabels() {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        rows:
        while (i < 5) {
            i++;
            int j = 0;
            do {
                j++;
                if (j == i) {
                    continue rows;
                }
                if (i * j > 6) {
                    break rows;
                }
                sb.append(i).append(j).append(' ');
            } while (j < 5);
        }
        return sb.toString().trim() + " | i=" + i;
    }

    static int tryInLoop() {
        int total = 0;
        loop:
        for (int i = 0; i < 10; i++) {
            try {
                if (i % 2 == 0) {
                    continue loop;
                }
                if (i == 7) {
                    break loop;
                }
                total += i;
            } finally {
                total += 100;
            }
        }
        return total;
    }

    static String switchInLoop() {
        StringBuilder sb = new StringBuilder();
        loop:
        for (String tok : "a b skip c stop d".split(" ")) {
            switch (tok) {
                case "skip":
                    continue loop;
                case "stop":
                    break loop;
                default:
                    sb.append(tok.toUpperCase());
                    break;
            }
            sb.append('.');
        }
        return sb.toString();
    }

    public static void main(String[] args) {
        System.out.println(findFirstNegative());
        grid[1][1] = 6;
        System.out.println(findFirstNegative());
        System.out.println(primesBelow(60));
        System.out.println(blockBreak(-1) + " / " + blockBreak(0) + " / " + blockBreak(5));
        System.out.println(whileLabels());
        System.out.println(tryInLoop());
        System.out.println(switchInLoop());
        int n = 0;
        for (int i = 0, j = 10; i < j; i += 2, j--) {
            n += i * j;
        }
        System.out.println(n);
        int k = 0;
        for (;;) {
            if (++k > 4) {
                break;
            }
        }
        System.out.println(k);
        int count = 0;
        a:
        b:
        for (int i = 0; i < 3; i++) {
            c:
            for (int j = 0; j < 3; j++) {
                if (j == 2) {
                    continue b;
                }
                if (i == 2) {
                    break a;
                }
                count++;
            }
        }
        System.out.println("count " + count);
    }
}
