public class ProgSudoku {
    static int steps;

    static boolean ok(int[][] g, int r, int c, int v) {
        for (int i = 0; i < 9; i++) {
            if (g[r][i] == v || g[i][c] == v || g[r / 3 * 3 + i / 3][c / 3 * 3 + i % 3] == v) {
                return false;
            }
        }
        return true;
    }

    static boolean solve(int[][] g) {
        for (int r = 0; r < 9; r++) {
            for (int c = 0; c < 9; c++) {
                if (g[r][c] == 0) {
                    for (int v = 1; v <= 9; v++) {
                        if (ok(g, r, c, v)) {
                            g[r][c] = v;
                            steps++;
                            if (solve(g)) {
                                return true;
                            }
                            g[r][c] = 0;
                        }
                    }
                    return false;
                }
            }
        }
        return true;
    }

    static int[][] parse(String s) {
        int[][] g = new int[9][9];
        for (int i = 0; i < 81; i++) {
            char ch = s.charAt(i);
            g[i / 9][i % 9] = ch == '.' ? 0 : ch - '0';
        }
        return g;
    }

    static void print(int[][] g) {
        for (int r = 0; r < 9; r++) {
            if (r % 3 == 0 && r > 0) {
                System.out.println("------+-------+------");
            }
            StringBuilder sb = new StringBuilder();
            for (int c = 0; c < 9; c++) {
                if (c % 3 == 0 && c > 0) {
                    sb.append("| ");
                }
                sb.append(g[r][c] == 0 ? "." : String.valueOf(g[r][c])).append(' ');
            }
            System.out.println(sb.toString().trim());
        }
    }

    public static void main(String[] args) {
        String[] puzzles = {
            "53..7....6..195....98....6.8...6...34..8.3..17...2...6.6....28....419..5....8..79",
            "..9748...7.........2.1.9.....7...24..64.1.59..98...3.....8.3.2.........6...2759..",
            "12345678." + "........9" + ".".repeat(63),
        };
        for (String p : puzzles) {
            int[][] g = parse(p);
            steps = 0;
            boolean solved = solve(g);
            System.out.println("solved=" + solved + " placements=" + steps);
            if (solved) {
                print(g);
                int sum = 0;
                for (int[] row : g) {
                    for (int v : row) {
                        sum += v;
                    }
                }
                System.out.println("sum " + sum);
            }
        }
    }
}
