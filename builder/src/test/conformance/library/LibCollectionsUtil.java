import java.util.*;

/** java.util.Collections: algorithms (rotate, shuffle with a seed, binarySearch, frequency, disjoint, indexOfSubList, min/max) and the wrappers' exceptions. */
public class LibCollectionsUtil {
    static void attempt(String what, Runnable r) {
        try {
            r.run();
            System.out.println(what + ": ok");
        } catch (RuntimeException e) {
            System.out.println(what + ": " + e.getClass().getName());
        }
    }

    public static void main(String[] args) {
        List<Integer> l = new ArrayList<>(List.of(1, 2, 3, 4, 5, 6, 7));
        Collections.rotate(l, 2);
        System.out.println("rotate 2 " + l);
        Collections.rotate(l, -3);
        System.out.println("rotate -3 " + l);
        Collections.swap(l, 0, 6);
        Collections.reverse(l);
        System.out.println("swap+reverse " + l);
        Collections.shuffle(l, new Random(7));
        System.out.println("shuffle(7) " + l);
        Collections.sort(l);
        System.out.println("binarySearch(5)=" + Collections.binarySearch(l, 5) + " (8)=" + Collections.binarySearch(l, 8) + " (0)=" + Collections.binarySearch(l, 0)
                + " desc(3)=" + Collections.binarySearch(new ArrayList<>(List.of(7, 5, 3, 1)), 3, Collections.reverseOrder()));
        List<String> words = Arrays.asList("b", "a", "c", "a", "b", "a");
        System.out.println("frequency(a)=" + Collections.frequency(words, "a") + " max=" + Collections.max(words) + " min by reverse=" + Collections.min(words, Comparator.reverseOrder())
                + " disjoint=" + Collections.disjoint(words, List.of("x", "y")) + "/" + Collections.disjoint(words, Set.of("c")));
        System.out.println("indexOfSubList=" + Collections.indexOfSubList(words, List.of("a", "b")) + " lastIndexOfSubList=" + Collections.lastIndexOfSubList(words, List.of("a")));
        List<String> dst = new ArrayList<>(Collections.nCopies(8, "-"));
        Collections.copy(dst, words);
        Collections.fill(words, "z");
        System.out.println("copy " + dst + " fill " + words + " replaceAll " + Collections.replaceAll(dst, "a", "A") + " " + dst);
        List<Integer> target = new ArrayList<>();
        Collections.addAll(target, 5, 3, 9);
        target.sort(Collections.reverseOrder());
        System.out.println("addAll+reverseOrder " + target + " " + Collections.reverseOrder(Comparator.<Integer>naturalOrder()).compare(1, 2));
        List<Integer> un = Collections.unmodifiableList(target);
        attempt("unmodifiableList.add", () -> un.add(1));
        attempt("unmodifiableList.set", () -> un.set(0, 1));
        attempt("unmodifiableList.iterator.remove", () -> {
            Iterator<Integer> it = un.iterator();
            it.next();
            it.remove();
        });
        attempt("unmodifiableList.sort", () -> un.sort(null));
        Map<String, Integer> um = Collections.unmodifiableMap(new TreeMap<>(Map.of("a", 1)));
        attempt("unmodifiableMap.put", () -> um.put("b", 2));
        attempt("unmodifiableMap.entry.setValue", () -> um.entrySet().iterator().next().setValue(5));
        attempt("unmodifiableMap.merge", () -> um.merge("a", 1, Integer::sum));
        attempt("emptyList.add", () -> Collections.emptyList().add(null));
        attempt("emptyList.get", () -> Collections.emptyList().get(0));
        attempt("singleton.remove", () -> Collections.singleton(1).remove(1));
        attempt("singletonList.set", () -> Collections.singletonList(1).set(0, 2));
        attempt("nCopies(-1)", () -> Collections.nCopies(-1, "x"));
        attempt("List.of.add", () -> List.of(1).add(2));
        attempt("Arrays.asList.add", () -> Arrays.asList(1, 2).add(3));
        attempt("Arrays.asList.set", () -> Arrays.asList(1, 2).set(0, 3));
        attempt("Map.of duplicate key", () -> Map.of("a", 1, "a", 2));
        attempt("Set.of duplicate", () -> Set.of(1, 1));
        List raw = Collections.checkedList(new ArrayList<String>(), String.class);
        attempt("checkedList.add(Integer)", () -> raw.add(42));
        attempt("checkedList.add(String)", () -> raw.add("s"));
        List<Integer> sync = Collections.synchronizedList(new ArrayList<>(List.of(3, 1, 2)));
        synchronized (sync) {
            sync.sort(null);
        }
        System.out.println("synchronizedList " + sync + " synchronizedMap " + Collections.synchronizedMap(new TreeMap<>(Map.of("k", "v"))));
        System.out.println("empties " + Collections.emptyMap() + Collections.emptySet() + " " + Collections.emptyIterator().hasNext()
                + " singletonMap " + Collections.singletonMap("k", "v") + " list(enumeration) " + Collections.list(Collections.enumeration(List.of(1, 2))));
        System.out.println("newSetFromMap " + Collections.newSetFromMap(new TreeMap<String, Boolean>()).add("x"));
    }
}
