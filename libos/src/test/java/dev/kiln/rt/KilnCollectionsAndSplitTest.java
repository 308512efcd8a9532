package dev.kiln.rt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Kiln's replacements that native images use instead of TeaVM's (KilnSplit, KilnPriorityQueues,
 * KilnChecks), against the JDK's own behaviour, on HotSpot: they are plain Java. The conformance
 * suite (behaviour/Beh*) checks them again inside a unikernel.
 */
class KilnCollectionsAndSplitTest {
    private static final String[] INPUTS = {"", "123", "a,b,,c,,", ",a,b", " a  b ", "a.b.c", "a1b22c", "camelCaseString",
        "x--y--z", ",,,", "abc", "1,2,3,,", ","};
    private static final String[] REGEXES = {"", ",", "\\s+", "\\.", "(?=\\d)", "(?=[A-Z])", "--", ",+", "x*", "b", "\\d"};

    @Test
    void splitAsTheJdk() {
        for (String input : INPUTS) {
            for (String regex : REGEXES) {
                for (int limit : new int[] {-1, 0, 1, 2, 3, 10}) {
                    String what = "\"" + input + "\".split(\"" + regex + "\", " + limit + ")";
                    assertArrayEquals(input.split(regex, limit), KilnSplit.split(input, regex, limit), what);
                    assertArrayEquals(Pattern.compile(regex).split(input, limit),
                            KilnSplit.split(Pattern.compile(regex), input, limit), what);
                }
                assertArrayEquals(input.split(regex), KilnSplit.split(input, regex), input + " " + regex);
            }
        }
    }

    @Test
    void priorityQueueFromACollectionHasTheJdksHeap() {
        Random random = new Random(7);
        for (int n = 0; n < 40; n++) {
            List<Integer> values = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                values.add(random.nextInt(6));
            }
            // the JDK's PriorityQueue(Collection) copies and heapifies; Kiln's fill must leave the same array
            PriorityQueue<Object> kiln = new PriorityQueue<>(Math.max(1, n));
            KilnPriorityQueues.fill(kiln, values);
            assertEquals(new PriorityQueue<>(values).toString(), kiln.toString(), values.toString());
        }
        assertThrows(NullPointerException.class, () -> KilnPriorityQueues.fill(new PriorityQueue<>(), java.util.Arrays.asList(1, null)));
    }

    @Test
    void indexMessagesAsTheJdks() {
        List<Integer> list = new ArrayList<>(List.of(1, 2, 3));
        assertEquals(message(() -> list.get(5)), message(() -> KilnChecks.index(5, 3)));
        assertEquals(message(() -> list.get(-1)), message(() -> KilnChecks.index(-1, 3)));
        assertEquals(message(() -> list.add(5, 0)), message(() -> KilnChecks.addIndex(5, 3)));
        assertEquals(message(() -> "abc".charAt(5)), message(() -> KilnChecks.stringIndex(5, 3)));
        assertEquals(message(() -> "abc".substring(5)), message(() -> KilnChecks.stringFrom(5, 3)));
        assertEquals(message(() -> "abcdef".substring(4, 2)), message(() -> KilnChecks.stringRange(4, 2, 6)));
        assertEquals(message(() -> "abcdef".substring(1, 9)), message(() -> KilnChecks.stringRange(1, 9, 6)));
        assertEquals(message(() -> List.of().iterator().next()), message(() -> KilnChecks.hasNext(false)));
        KilnChecks.index(2, 3);
        KilnChecks.addIndex(3, 3);
        KilnChecks.stringRange(0, 6, 6);
    }

    private static String message(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            return e.toString();
        }
        throw new AssertionError("no exception");
    }
}
