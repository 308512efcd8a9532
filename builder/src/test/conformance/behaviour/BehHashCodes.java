import java.util.*;

/** hashCode as specified for strings, boxes, enums' names, records, lists, maps, sets, entries and arrays; records as HashMap keys. */
public class BehHashCodes {
    record Point(int x, String label) {
    }

    record Pair(long a, double b, boolean c, char d) {
    }

    record Empty() {
    }

    public static void main(String[] args) {
        System.out.println("abc".hashCode() + " " + "".hashCode() + " " + "The quick brown fox".hashCode());
        System.out.println(Integer.valueOf(-5).hashCode() + " " + Long.valueOf(1L << 40).hashCode() + " " + Long.hashCode(-1L));
        System.out.println(Double.valueOf(1.5).hashCode() + " " + Double.hashCode(-0.0) + " " + Double.hashCode(Double.NaN)
                + " " + Float.valueOf(2.5f).hashCode() + " " + Float.hashCode(Float.NaN));
        System.out.println(Boolean.TRUE.hashCode() + " " + Boolean.FALSE.hashCode() + " " + Character.valueOf('x').hashCode()
                + " " + Short.hashCode((short) -3) + " " + Byte.hashCode((byte) 7));
        System.out.println(List.of(1, 2, 3).hashCode() + " " + new ArrayList<>(List.of("a", "b")).hashCode() + " " + List.of().hashCode());
        System.out.println(Map.of("a", 1).hashCode() + " " + new HashMap<>(Map.of("a", 1, "b", 2)).hashCode() + " " + Set.of(1, 2).hashCode());
        System.out.println(Map.entry("k", "v").hashCode() + " " + Optional.of("x").hashCode() + " " + Optional.empty().hashCode());
        System.out.println(new Point(3, "q").hashCode() + " " + new Point(0, null).hashCode() + " " + new Empty().hashCode());
        System.out.println(new Pair(1L << 35, 2.5, true, 'z').hashCode());
        System.out.println(Arrays.hashCode(new int[] {1, 2}) + " " + Arrays.hashCode(new long[] {3L}) + " "
                + Arrays.deepHashCode(new Object[] {"a", new int[] {1}}) + " " + Objects.hash(1, "a", null) + " " + Objects.hashCode(null));
        Map<Point, Integer> byPoint = new HashMap<>();
        for (int i = 0; i < 20; i++) {
            byPoint.put(new Point(i * 13 % 7, "p" + i), i);
        }
        System.out.println(byPoint);
        Set<List<Integer>> lists = new HashSet<>();
        for (int i = 0; i < 10; i++) {
            lists.add(List.of(i, i * i));
        }
        System.out.println(lists);
    }
}
