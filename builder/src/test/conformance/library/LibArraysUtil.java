import java.util.*;
import java.util.stream.*;

/** java.util.Arrays: sort (ranges, stable object sort, comparators, NaN and -0.0), binarySearch insertion points, mismatch, compare, equals/hashCode, deepToString, copies, fill, setAll, prefix. */
public class LibArraysUtil {
    record Item(String key, int seq) {
    }

    public static void main(String[] args) {
        int[] ints = {5, -3, 9, 0, 2, 2, -7, 11};
        Arrays.sort(ints, 2, 6);
        System.out.println("sort(2,6) " + Arrays.toString(ints));
        Arrays.sort(ints);
        System.out.println("sorted " + Arrays.toString(ints) + " search(2)=" + Arrays.binarySearch(ints, 9) + " search(4)=" + Arrays.binarySearch(ints, 4)
                + " search(-100)=" + Arrays.binarySearch(ints, -100) + " search(100)=" + Arrays.binarySearch(ints, 100) + " range=" + Arrays.binarySearch(ints, 0, 3, 0));
        double[] ds = {3.5, Double.NaN, -0.0, 0.0, Double.NEGATIVE_INFINITY, -1.25, Double.MIN_VALUE};
        Arrays.sort(ds);
        System.out.println("doubles " + Arrays.toString(ds) + " search(0.0)=" + Arrays.binarySearch(ds, 0.0) + " search(-0.0)=" + Arrays.binarySearch(ds, -0.0));
        char[] cs = "kiln conformance".toCharArray();
        Arrays.sort(cs);
        System.out.println("chars [" + new String(cs) + "]");
        Item[] items = new Item[12];
        for (int i = 0; i < items.length; i++) {
            items[i] = new Item(String.valueOf((char) ('a' + (i * 5) % 4)), i);
        }
        Arrays.sort(items, Comparator.comparing(Item::key));
        System.out.println("stable " + Arrays.stream(items).map(it -> it.key() + it.seq()).collect(Collectors.joining(",")));
        Arrays.sort(items, Comparator.comparing(Item::key).reversed());
        System.out.println("stable reversed " + Arrays.stream(items).map(it -> it.key() + it.seq()).collect(Collectors.joining(",")));
        String[] names = {"delta", "Alpha", "charlie", "Bravo", "echo"};
        Arrays.sort(names);
        System.out.println(Arrays.toString(names));
        Arrays.sort(names, String.CASE_INSENSITIVE_ORDER);
        System.out.println(Arrays.toString(names) + " search(CHARLIE)=" + Arrays.binarySearch(names, "CHARLIE", String.CASE_INSENSITIVE_ORDER));
        Integer[] boxed = {3, 1, 2};
        Arrays.parallelSort(boxed, Collections.reverseOrder());
        long[] big = new long[3000];
        Arrays.setAll(big, i -> (i * 2654435761L) % 1000);
        Arrays.parallelSort(big);
        System.out.println("parallelSort " + Arrays.toString(boxed) + " " + big[0] + " " + big[1500] + " " + big[2999]);
        int[] a = {1, 2, 3, 4, 5};
        int[] b = {1, 2, 9, 4};
        System.out.println("mismatch=" + Arrays.mismatch(a, b) + " same=" + Arrays.mismatch(a, a.clone()) + " prefix=" + Arrays.mismatch(new int[] {1, 2}, new int[] {1, 2, 3})
                + " range=" + Arrays.mismatch(a, 0, 2, b, 0, 2));
        System.out.println("compare=" + Arrays.compare(a, b) + " " + Arrays.compare(b, a) + " prefix=" + Arrays.compare(new int[] {1, 2}, a) + " equal=" + Arrays.compare(a, a.clone())
                + " unsigned=" + Arrays.compareUnsigned(new byte[] {(byte) 200}, new byte[] {100}) + " signed=" + Arrays.compare(new byte[] {(byte) 200}, new byte[] {100})
                + " strings=" + Arrays.compare(new String[] {"a", "b"}, new String[] {"a", "c"}));
        System.out.println("equals=" + Arrays.equals(a, new int[] {1, 2, 3, 4, 5}) + " rangeEquals=" + Arrays.equals(a, 0, 2, b, 0, 2) + " hashCode=" + Arrays.hashCode(a)
                + " hash(null)=" + Arrays.hashCode((int[]) null) + " deepHash=" + Arrays.deepHashCode(new Object[] {new int[] {1}, "x"}));
        Object[] deep = {1, new int[] {2, 3}, new String[][] {{"a"}, {"b", null}}, new double[0], null};
        Object[] self = {1, null};
        self[1] = self;
        System.out.println(Arrays.deepToString(deep) + " " + Arrays.deepToString(self) + " deepEquals=" + Arrays.deepEquals(deep, deep.clone()));
        int[] copy = Arrays.copyOf(a, 8);
        String[] scopy = Arrays.copyOfRange(names, 3, 7);
        System.out.println("copyOf " + Arrays.toString(copy) + " copyOfRange " + Arrays.toString(scopy));
        char[] filled = new char[6];
        Arrays.fill(filled, 'x');
        Arrays.fill(filled, 1, 3, 'y');
        System.out.println("fill " + new String(filled));
        int[] prefix = {1, 2, 3, 4, 5};
        Arrays.parallelPrefix(prefix, Integer::sum);
        System.out.println("prefix " + Arrays.toString(prefix) + " stream range sum " + Arrays.stream(a, 1, 4).sum());
        List<Integer> view = Arrays.asList(boxed);
        view.set(0, 42);
        System.out.println("asList writes through " + Arrays.toString(boxed) + " " + view);
        for (Runnable r : new Runnable[] {() -> Arrays.copyOfRange(a, 3, 1), () -> Arrays.copyOf(a, -1)}) {
            try {
                r.run();
            } catch (RuntimeException e) {
                System.out.println(e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
    }
}
