import java.util.*;

public class ProgTextWrap {
    static final String TEXT = "Kiln turns a Java application into a small native image that boots on its own virtual machine monitor. "
            + "The library operating system is written in Java as well, so the whole stack can be read, debugged and tested "
            + "with the same tools. Supercalifragilisticexpialidocious words longer than a line are broken hard.";

    static List<String> greedy(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String w : text.split("\\s+")) {
            while (w.length() > width) {
                if (line.length() > 0) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                lines.add(w.substring(0, width - 1) + "-");
                w = w.substring(width - 1);
            }
            if (line.length() > 0 && line.length() + 1 + w.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(w);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }

    static String justify(String line, int width) {
        String[] words = line.split(" ");
        if (words.length == 1) {
            return line;
        }
        int letters = 0;
        for (String w : words) {
            letters += w.length();
        }
        int gaps = words.length - 1, spaces = width - letters;
        StringBuilder sb = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            int n = spaces / gaps + (i <= spaces % gaps ? 1 : 0);
            sb.append(" ".repeat(n)).append(words[i]);
        }
        return sb.toString();
    }

    static String center(String s, int width) {
        int left = (width - s.length()) / 2;
        return " ".repeat(Math.max(0, left)) + s;
    }

    // minimum raggedness (sum of squared trailing spaces, last line free)
    static List<String> optimal(String text, int width) {
        String[] w = text.split("\\s+");
        int n = w.length;
        long[] cost = new long[n + 1];
        int[] brk = new int[n + 1];
        Arrays.fill(cost, Long.MAX_VALUE);
        cost[n] = 0;
        for (int i = n - 1; i >= 0; i--) {
            int len = -1;
            for (int j = i; j < n; j++) {
                len += w[j].length() + 1;
                if (len > width && j > i) {
                    break;
                }
                long slack = width - len;
                long c = j == n - 1 ? 0 : slack * slack;
                if (cost[j + 1] != Long.MAX_VALUE && c + cost[j + 1] < cost[i]) {
                    cost[i] = c + cost[j + 1];
                    brk[i] = j + 1;
                }
            }
        }
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < n; i = brk[i]) {
            lines.add(String.join(" ", Arrays.copyOfRange(w, i, brk[i])));
        }
        return lines;
    }

    public static void main(String[] args) {
        for (int width : new int[] {40, 28}) {
            String rule = "+" + "-".repeat(width) + "+";
            System.out.println("width " + width + " ragged right");
            System.out.println(rule);
            List<String> lines = greedy(TEXT, width);
            for (String l : lines) {
                System.out.println("|" + String.format("%-" + width + "s", l) + "|");
            }
            System.out.println(rule);
            System.out.println("justified");
            for (int i = 0; i < lines.size(); i++) {
                String l = i == lines.size() - 1 ? lines.get(i) : justify(lines.get(i), width);
                System.out.println("|" + String.format("%-" + width + "s", l) + "|");
            }
            System.out.println("right aligned");
            for (String l : lines.subList(0, 3)) {
                System.out.println("|" + String.format("%" + width + "s", l) + "|");
            }
            System.out.println("centred");
            for (String l : lines.subList(0, 3)) {
                System.out.println("|" + String.format("%-" + width + "s", center(l, width)) + "|");
            }
        }
        String shortText = TEXT.substring(0, TEXT.indexOf("Super"));
        System.out.println("minimum raggedness, width 36");
        for (String l : optimal(shortText, 36)) {
            System.out.println("|" + String.format("%-36s", l) + "| " + (36 - l.length()));
        }
        System.out.println("greedy, width 36");
        for (String l : greedy(shortText, 36)) {
            System.out.println("|" + String.format("%-36s", l) + "| " + (36 - l.length()));
        }
        String block = """
                  indented block
                    with a deeper line
                  and trailing spaces\s\s
                """;
        System.out.print(block.stripIndent());
        System.out.print(block.indent(2));
        System.out.println(block.lines().map(String::strip).map(s -> "[" + s + "]").toList());
    }
}
