package dev.kiln.vmm.profile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A flame graph of folded stacks as a self-contained SVG: one rectangle per frame, as wide as
 * its share of the samples, callers below callees (the root at the bottom), each with a
 * tooltip ({@code <title>}: name, samples, percentage) and its name where it fits. Java frames
 * (dotted names) are green, C functions orange, Kiln's markers ([idle], [truncated]) grey, the
 * shade by a hash of the name, so that the same frame has the same colour in every graph.
 * Names are untrusted (they come from guest memory): every one is XML-escaped.
 */
public final class FlameGraphSvg {
    static final int WIDTH = 1200, FRAME_HEIGHT = 16, PAD_TOP = 40, PAD_SIDE = 10, PAD_BOTTOM = 10;
    static final double FONT_SIZE = 12, CHAR_WIDTH = 7.0, MIN_WIDTH = 0.1;

    private FlameGraphSvg() {}

    /** One node of the merged call tree. */
    private static final class Node {
        final String name;
        long count;
        final Map<String, Node> children = new LinkedHashMap<>();

        Node(String name) {
            this.name = name;
        }

        Node child(String n) {
            return children.computeIfAbsent(n, Node::new);
        }
    }

    /** The SVG of {@code stacks} (folded: frames outermost first to sample counts). */
    public static String render(Map<String, Long> stacks, String title) {
        Node root = new Node("all");
        int depth = 0;
        for (Map.Entry<String, Long> e : stacks.entrySet()) {
            long n = e.getValue();
            if (n <= 0) continue;
            root.count += n;
            Node at = root;
            List<String> frames = FoldedStacks.frames(e.getKey());
            for (String f : frames) {
                at = at.child(f);
                at.count += n;
            }
            depth = Math.max(depth, frames.size());
        }
        int height = PAD_TOP + (depth + 1) * FRAME_HEIGHT + PAD_BOTTOM;
        StringBuilder b = new StringBuilder();
        b.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n");
        b.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"%d\""
                + " height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"Verdana, sans-serif\" font-size=\"%.0f\">\n",
                WIDTH, height, WIDTH, height, FONT_SIZE));
        b.append(String.format(Locale.ROOT, "<rect x=\"0\" y=\"0\" width=\"%d\" height=\"%d\" fill=\"#f8f8f0\"/>\n", WIDTH, height));
        b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"24\" font-size=\"17\" text-anchor=\"middle\">%s</text>\n",
                WIDTH / 2, escape(title)));
        if (root.count > 0) {
            double scale = (WIDTH - 2.0 * PAD_SIDE) / root.count;
            List<Object[]> pending = new ArrayList<>(); // node, x, level: iterative, a deep stack must not overflow ours
            pending.add(new Object[] {root, (double) PAD_SIDE, 0});
            while (!pending.isEmpty()) {
                Object[] p = pending.remove(pending.size() - 1);
                Node node = (Node) p[0];
                double x = (Double) p[1];
                int level = (Integer) p[2];
                double w = node.count * scale;
                if (w < MIN_WIDTH) continue;
                frame(b, node, root.count, x, height - PAD_BOTTOM - (level + 1) * FRAME_HEIGHT, w);
                double cx = x;
                for (Node c : node.children.values()) {
                    pending.add(new Object[] {c, cx, level + 1});
                    cx += c.count * scale;
                }
            }
        }
        b.append("</svg>\n");
        return b.toString();
    }

    private static void frame(StringBuilder b, Node node, long total, double x, int y, double w) {
        String tip = String.format(Locale.ROOT, "%s (%d samples, %.2f%%)", node.name, node.count, 100.0 * node.count / total);
        b.append("<g><title>").append(escape(tip)).append("</title>");
        b.append(String.format(Locale.ROOT, "<rect x=\"%.2f\" y=\"%d\" width=\"%.2f\" height=\"%d\" fill=\"%s\" rx=\"2\"/>",
                x, y, w, FRAME_HEIGHT - 1, colour(node.name)));
        int fits = (int) ((w - 6) / CHAR_WIDTH);
        if (fits >= 3) {
            String label = node.name.length() <= fits ? node.name : node.name.substring(0, fits - 2) + "..";
            b.append(String.format(Locale.ROOT, "<text x=\"%.2f\" y=\"%d\">", x + 3, y + FRAME_HEIGHT - 4))
                    .append(escape(label)).append("</text>");
        }
        b.append("</g>\n");
    }

    private static String colour(String name) {
        int h = name.hashCode();
        int v = Math.floorMod(h, 55);
        if (name.startsWith("[")) return String.format("rgb(%d,%d,%d)", 170 + v / 2, 170 + v / 2, 170 + v / 2);
        if (name.contains(".")) return String.format("rgb(%d,%d,%d)", 80 + v, 190 + v / 2, 80 + v / 3); // Java
        return String.format("rgb(%d,%d,%d)", 230 + v / 3, 130 + v, 40 + v / 2); // C
    }

    /** Text as XML character data or an attribute value; characters XML 1.0 cannot hold become '?'. */
    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&apos;");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                        b.append(c).append(s.charAt(++i));
                    } else if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || Character.isSurrogate(c)
                            || c == 0xfffe || c == 0xffff) {
                        b.append('?');
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
