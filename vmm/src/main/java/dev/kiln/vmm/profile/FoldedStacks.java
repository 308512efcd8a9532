package dev.kiln.vmm.profile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Brendan Gregg's folded stacks: one line per distinct stack, its frames outermost first joined
 * by ';', a space, and the number of samples ("a;b;c 42"). Flame graph tools (flamegraph.pl,
 * speedscope, inferno) read it; so does {@link FlameGraphSvg}.
 */
public final class FoldedStacks {
    private FoldedStacks() {}

    /** The text of a folded profile, lines in the map's order. */
    public static String format(Map<String, Long> stacks) {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, Long> e : stacks.entrySet()) b.append(e.getKey()).append(' ').append(e.getValue()).append('\n');
        return b.toString();
    }

    /** Reads folded text back; a line without a count after its last space is an error naming it. */
    public static Map<String, Long> parse(String text) {
        Map<String, Long> out = new LinkedHashMap<>();
        int number = 0;
        for (String line : text.split("\n")) {
            number++;
            if (line.isBlank()) continue;
            int space = line.lastIndexOf(' ');
            long count;
            try {
                count = space <= 0 ? -1 : Long.parseLong(line.substring(space + 1).strip());
            } catch (NumberFormatException e) {
                count = -1;
            }
            if (count < 0) throw new IllegalArgumentException("folded stacks, line " + number + ": no count after the stack");
            out.merge(line.substring(0, space), count, Long::sum);
        }
        return out;
    }

    /** The frames of a folded stack, outermost first. */
    public static List<String> frames(String stack) {
        return new ArrayList<>(List.of(stack.split(";")));
    }
}
