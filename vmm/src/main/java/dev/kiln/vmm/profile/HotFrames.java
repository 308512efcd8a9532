package dev.kiln.vmm.profile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The summary of a folded profile a person reads first: the frames with the most samples of
 * their own (self: the leaf) and in total (inclusive: anywhere on the stack, counted once per
 * stack), each with its share of all samples.
 */
public final class HotFrames {
    /** A frame's samples. */
    public record Entry(String frame, long samples, double percent) {}

    private HotFrames() {}

    /** The {@code n} frames with the most samples as the leaf. */
    public static List<Entry> self(Map<String, Long> folded, int n) {
        Map<String, Long> by = new HashMap<>();
        for (Map.Entry<String, Long> e : folded.entrySet()) {
            List<String> f = FoldedStacks.frames(e.getKey());
            by.merge(f.get(f.size() - 1), e.getValue(), Long::sum);
        }
        return top(by, total(folded), n);
    }

    /** The {@code n} frames with the most samples anywhere on their stacks. */
    public static List<Entry> inclusive(Map<String, Long> folded, int n) {
        Map<String, Long> by = new HashMap<>();
        for (Map.Entry<String, Long> e : folded.entrySet()) {
            Set<String> once = new HashSet<>(FoldedStacks.frames(e.getKey())); // recursion counts once
            for (String f : once) by.merge(f, e.getValue(), Long::sum);
        }
        return top(by, total(folded), n);
    }

    static long total(Map<String, Long> folded) {
        return folded.values().stream().mapToLong(Long::longValue).sum();
    }

    private static List<Entry> top(Map<String, Long> by, long total, int n) {
        List<Entry> out = new ArrayList<>();
        for (Map.Entry<String, Long> e : by.entrySet()) {
            out.add(new Entry(e.getKey(), e.getValue(), total == 0 ? 0 : 100.0 * e.getValue() / total));
        }
        out.sort((a, b) -> a.samples != b.samples ? Long.compare(b.samples, a.samples) : a.frame.compareTo(b.frame));
        return out.subList(0, Math.min(n, out.size()));
    }

    /** "  41.2%  1234  frame" lines. */
    public static String format(List<Entry> entries) {
        StringBuilder b = new StringBuilder();
        for (Entry e : entries) b.append(String.format(Locale.ROOT, "  %5.1f%% %7d  %s%n", e.percent, e.samples, e.frame));
        return b.toString();
    }
}
