import java.util.*;
import java.util.stream.*;

/** The JDK classes' toString formats: Optional, summary statistics, records, enums, arrays, entries, collections. */
public class BehToStrings {
    record Point(int x, String label) {
    }

    record Empty() {
    }

    enum Color { RED, GREEN }

    public static void main(String[] args) {
        System.out.println(Optional.of(3) + " " + Optional.empty() + " " + Optional.ofNullable(null));
        System.out.println(OptionalInt.of(4) + " " + OptionalInt.empty() + " " + OptionalLong.of(5) + " " + OptionalLong.empty());
        System.out.println(OptionalDouble.of(1.5) + " " + OptionalDouble.empty());
        System.out.println(IntStream.of(1, 2, 4).summaryStatistics());
        System.out.println(IntStream.empty().summaryStatistics());
        System.out.println(LongStream.of(1, 2, 3).summaryStatistics());
        System.out.println(DoubleStream.of(1, 2.5, 3).summaryStatistics());
        System.out.println(Stream.of("a", "bb", "ccc").mapToInt(String::length).max());
        System.out.println(new Point(1, "z") + " " + new Empty() + " " + Color.GREEN + " " + Arrays.toString(Color.values()));
        System.out.println(Arrays.deepToString(new int[][] {{1}, {2, 3}}) + Arrays.toString(new double[] {1.5, -0.0})
                + Arrays.toString((Object[]) null) + Arrays.toString(new char[] {'a', 'b'}) + Arrays.toString(new boolean[0]));
        System.out.println(Arrays.deepToString(new Object[] {"s", new String[] {"t"}, null, List.of(1)}));
        System.out.println(Map.entry("k", 1) + " " + new AbstractMap.SimpleEntry<>("a", 2) + " " + new AbstractMap.SimpleImmutableEntry<>("b", null));
        BitSet bits = new BitSet();
        bits.set(1);
        bits.set(5, 8);
        System.out.println(bits + " " + new BitSet());
        System.out.println(new TreeMap<>(Map.of("b", 2, "a", 1, "c", 3)) + " " + new TreeSet<>(List.of(3, 1, 2)));
        ArrayDeque<Integer> deque = new ArrayDeque<>();
        deque.push(1);
        deque.addLast(2);
        deque.addFirst(0);
        System.out.println(deque + " " + new LinkedList<>(List.of("x", "y")));
        System.out.println(Collections.emptyList() + " " + Collections.singletonMap("a", "b") + " " + List.of() + " " + Set.of(7)
                + " " + Collections.unmodifiableList(new ArrayList<>(List.of(1, 2))));
        List<Object> self = new ArrayList<>();
        self.add(self);
        System.out.println(self);
        Map<String, Object> nested = new TreeMap<>();
        nested.put("list", List.of(1, 2));
        nested.put("map", new TreeMap<>(Map.of("x", 'c')));
        System.out.println(nested);
        System.out.println(new StringBuilder("sb") + " " + Boolean.TRUE + " " + 'c' + " " + (Object) null);
    }
}
