/** String.format and formatted(): widths, precision, flags and argument indices for strings, characters, booleans, integers and hash codes of boxes. */
public class LibStringFormat {
    public static void main(String[] args) {
        String[] words = {"", "a", "kiln", "unikernel"};
        for (String w : words) {
            System.out.println(String.format("[%s] [%10s] [%-10s] [%.3s] [%8.2s] [%-6.1s] [%S]", w, w, w, w, w, w, w));
        }
        System.out.println(String.format("[%c] [%3c] [%-3c] [%C] [%c]", 'x', 'y', 'z', 'q', 0x1F600));
        System.out.println(String.format("[%b] [%6b] [%-7B] [%b] [%b]", true, false, true, null, "nonnull"));
        int[] ints = {0, 7, -42, 123456789, Integer.MIN_VALUE};
        for (int i : ints) {
            System.out.println(String.format("[%d] [%8d] [%-8d] [%08d] [%+d] [% d] [%,d] [%(d] [%+,12d] [%x] [%#x] [%X] [%o] [%#o] [%08X]", i, i, i, i, i, i, i, i, i, i, i, i, i, i, i));
        }
        long big = 9_876_543_210L;
        System.out.println(String.format("[%,d] [%x] [%,20d] [%-+,20d]|", big, big, big, -big));
        System.out.println(String.format("%2$s %1$s %2$s %<s %s %s", "a", "b"));
        System.out.println(String.format("[%h] [%H] [%h]", "hello", 255, null));
        System.out.println(String.format("100%% [%n] [%5s%%]", "50").replace("\n", "NL"));
        System.out.println(String.format("%-12s|%6s|%8s", "item", "qty", "price"));
        Object[][] rows = {{"apple", 3, 1.5}, {"watermelon", 12, 23.25}, {"fig", 100, 0.05}};
        for (Object[] r : rows) {
            System.out.println(String.format("%-12s|%6d|%8.2f", r));
        }
        System.out.println("%s=%d".formatted("x", 5) + " " + "%05.1f%%".formatted(99.44) + " " + String.format("%s %s", new int[0].length, java.util.List.of(1, 2)));
        System.out.println(String.format("[%10.4f] [%-10.1e] [%+.2e] [%g] [%.3g] [%a]", Math.PI, 12345.678, -0.000123, 0.0001, 98765.0, 1.0));
        StringBuilder sb = new StringBuilder();
        new java.util.Formatter(sb).format("%3$s-%2$s-%1$s", "c", "b", "a").flush();
        System.out.println(sb);
    }
}
