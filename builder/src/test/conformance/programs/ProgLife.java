public class ProgLife {
    static boolean[][] step(boolean[][] g) {
        int h = g.length, w = g[0].length;
        boolean[][] n = new boolean[h][w];
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                int live = 0;
                for (int dr = -1; dr <= 1; dr++) {
                    for (int dc = -1; dc <= 1; dc++) {
                        if ((dr != 0 || dc != 0) && g[(r + dr + h) % h][(c + dc + w) % w]) {
                            live++;
                        }
                    }
                }
                n[r][c] = g[r][c] ? live == 2 || live == 3 : live == 3;
            }
        }
        return n;
    }

    static String render(boolean[][] g) {
        StringBuilder sb = new StringBuilder();
        for (boolean[] row : g) {
            for (boolean b : row) {
                sb.append(b ? '#' : '.');
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    static int population(boolean[][] g) {
        int p = 0;
        for (boolean[] row : g) {
            for (boolean b : row) {
                if (b) {
                    p++;
                }
            }
        }
        return p;
    }

    static boolean[][] board(int h, int w, String... pattern) {
        boolean[][] g = new boolean[h][w];
        for (int r = 0; r < pattern.length; r++) {
            for (int c = 0; c < pattern[r].length(); c++) {
                g[r + 1][c + 1] = pattern[r].charAt(c) == '#';
            }
        }
        return g;
    }

    public static void main(String[] args) {
        boolean[][] glider = board(8, 10, ".#.", "..#", "###");
        for (int gen = 0; gen <= 4; gen++) {
            System.out.println("generation " + gen + " population " + population(glider));
            System.out.print(render(glider));
            glider = step(glider);
        }
        boolean[][] rpent = board(40, 40, "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", ".....................##", "....................##", ".....................#");
        StringBuilder pops = new StringBuilder();
        for (int gen = 0; gen < 60; gen++) {
            pops.append(population(rpent)).append(gen % 20 == 19 ? "\n" : " ");
            rpent = step(rpent);
        }
        System.out.print(pops);
        boolean[][] blinker = board(5, 5, "###");
        System.out.println(render(step(step(blinker))).equals(render(blinker)) + " " + render(step(blinker)).equals(render(blinker)));
        long hash = 0;
        for (boolean[] row : rpent) {
            for (boolean b : row) {
                hash = hash * 31 + (b ? 1 : 0);
            }
        }
        System.out.println("final hash " + hash);
    }
}
