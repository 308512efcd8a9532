import java.util.*;

public class ProgDynamic {
    static String lcs(String a, String b) {
        int[][] dp = new int[a.length() + 1][b.length() + 1];
        for (int i = a.length() - 1; i >= 0; i--) {
            for (int j = b.length() - 1; j >= 0; j--) {
                dp[i][j] = a.charAt(i) == b.charAt(j) ? dp[i + 1][j + 1] + 1 : Math.max(dp[i + 1][j], dp[i][j + 1]);
            }
        }
        StringBuilder sb = new StringBuilder();
        int i = 0, j = 0;
        while (i < a.length() && j < b.length()) {
            if (a.charAt(i) == b.charAt(j)) {
                sb.append(a.charAt(i));
                i++;
                j++;
            } else if (dp[i + 1][j] >= dp[i][j + 1]) {
                i++;
            } else {
                j++;
            }
        }
        return sb.toString();
    }

    static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1], cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    record Item(String name, int weight, int value) {
    }

    static void knapsack(List<Item> items, int capacity) {
        int n = items.size();
        int[][] best = new int[n + 1][capacity + 1];
        for (int i = 1; i <= n; i++) {
            Item it = items.get(i - 1);
            for (int w = 0; w <= capacity; w++) {
                best[i][w] = best[i - 1][w];
                if (it.weight() <= w) {
                    best[i][w] = Math.max(best[i][w], best[i - 1][w - it.weight()] + it.value());
                }
            }
        }
        List<String> chosen = new ArrayList<>();
        int w = capacity;
        for (int i = n; i > 0; i--) {
            if (best[i][w] != best[i - 1][w]) {
                Item it = items.get(i - 1);
                chosen.add(it.name());
                w -= it.weight();
            }
        }
        Collections.reverse(chosen);
        System.out.println("capacity " + capacity + ": value " + best[n][capacity] + " weight " + (capacity - w) + " " + chosen);
    }

    static long coinWays(int[] coins, int amount) {
        long[] ways = new long[amount + 1];
        ways[0] = 1;
        for (int c : coins) {
            for (int a = c; a <= amount; a++) {
                ways[a] += ways[a - c];
            }
        }
        return ways[amount];
    }

    static int[] lis(int[] a) {
        int[] len = new int[a.length], prev = new int[a.length];
        int bestEnd = 0;
        for (int i = 0; i < a.length; i++) {
            len[i] = 1;
            prev[i] = -1;
            for (int j = 0; j < i; j++) {
                if (a[j] < a[i] && len[j] + 1 > len[i]) {
                    len[i] = len[j] + 1;
                    prev[i] = j;
                }
            }
            if (len[i] > len[bestEnd]) {
                bestEnd = i;
            }
        }
        int[] out = new int[len[bestEnd]];
        for (int i = bestEnd, k = out.length - 1; i >= 0; i = prev[i]) {
            out[k--] = a[i];
        }
        return out;
    }

    static Map<Integer, Long> memo = new HashMap<>();

    static long partitions(int n, int max) {
        if (n == 0) {
            return 1;
        }
        if (n < 0 || max == 0) {
            return 0;
        }
        int key = n * 1000 + max;
        Long cached = memo.get(key);
        if (cached != null) {
            return cached;
        }
        long r = partitions(n - max, max) + partitions(n, max - 1);
        memo.put(key, r);
        return r;
    }

    public static void main(String[] args) {
        String[][] pairs = {{"ABCBDAB", "BDCABA"}, {"kitten", "sitting"}, {"AGGTAB", "GXTXAYB"}, {"", "abc"},
                {"the quick brown fox", "the quack brown box"}, {"intention", "execution"}};
        for (String[] p : pairs) {
            System.out.println("'" + p[0] + "' '" + p[1] + "' lcs='" + lcs(p[0], p[1]) + "' edit=" + editDistance(p[0], p[1]));
        }
        List<Item> items = List.of(new Item("map", 9, 150), new Item("compass", 13, 35), new Item("water", 153, 200),
                new Item("sandwich", 50, 160), new Item("glucose", 15, 60), new Item("tin", 68, 45), new Item("banana", 27, 60),
                new Item("apple", 39, 40), new Item("cheese", 23, 30), new Item("beer", 52, 10), new Item("suntan", 11, 70),
                new Item("camera", 32, 30), new Item("tshirt", 24, 15), new Item("trousers", 48, 10), new Item("umbrella", 73, 40),
                new Item("wtrousers", 42, 70), new Item("woverclothes", 43, 75), new Item("notecase", 22, 80), new Item("sunglasses", 7, 20),
                new Item("towel", 18, 12), new Item("socks", 4, 50), new Item("book", 30, 10));
        for (int cap : new int[] {0, 50, 100, 400, 1000}) {
            knapsack(items, cap);
        }
        System.out.println("coin ways 100 " + coinWays(new int[] {1, 5, 10, 25, 50}, 100) + ", 1000 " + coinWays(new int[] {1, 2, 5, 10, 20, 50, 100, 200}, 1000));
        System.out.println("LIS " + Arrays.toString(lis(new int[] {10, 9, 2, 5, 3, 7, 101, 18, 4, 8, 6, 12, 11, 15})));
        System.out.println("partitions(100) " + partitions(100, 100) + " partitions(250) " + partitions(250, 250));
        long[][] pascal = new long[31][];
        for (int i = 0; i <= 30; i++) {
            pascal[i] = new long[i + 1];
            pascal[i][0] = pascal[i][i] = 1;
            for (int j = 1; j < i; j++) {
                pascal[i][j] = pascal[i - 1][j - 1] + pascal[i - 1][j];
            }
        }
        System.out.println("C(30,15) " + pascal[30][15] + " row 10 " + Arrays.toString(pascal[10]));
    }
}
