public class ProgNQueens {
    static int solutions;
    static int[] first;

    static void place(int[] cols, int row, int n) {
        if (row == n) {
            if (solutions++ == 0) {
                first = cols.clone();
            }
            return;
        }
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
                place(cols, row + 1, n);
            }
        }
    }

    static int bitmask(int n, int row, int cols, int d1, int d2) {
        if (row == n) {
            return 1;
        }
        int count = 0;
        int free = ~(cols | d1 | d2) & ((1 << n) - 1);
        while (free != 0) {
            int bit = free & -free;
            free -= bit;
            count += bitmask(n, row + 1, cols | bit, (d1 | bit) << 1, (d2 | bit) >> 1);
        }
        return count;
    }

    public static void main(String[] args) {
        for (int n = 1; n <= 8; n++) {
            solutions = 0;
            first = null;
            place(new int[n], 0, n);
            System.out.println(n + " queens: " + solutions + " solutions, bitmask count " + bitmask(n, 0, 0, 0, 0));
            if (n == 8) {
                for (int r = 0; r < n; r++) {
                    StringBuilder sb = new StringBuilder();
                    for (int c = 0; c < n; c++) {
                        sb.append(first[r] == c ? "Q " : ". ");
                    }
                    System.out.println(sb.toString().trim());
                }
            }
        }
        System.out.println("10 queens: " + bitmask(10, 0, 0, 0, 0));
    }
}
