import java.util.*;

/** JDK 21's sequenced collections: getFirst/getLast/addFirst/addLast/removeFirst/removeLast and reversed() views on lists, deques, LinkedHashSet, TreeSet and TreeMap, and their exceptions. */
public class LibSequenced {
    static void attempt(String what, Runnable r) {
        try {
            r.run();
            System.out.println(what + ": ok");
        } catch (RuntimeException e) {
            System.out.println(what + ": " + e.getClass().getName());
        }
    }

    public static void main(String[] args) {
        List<Integer> list = new ArrayList<>(List.of(1, 2, 3));
        list.addFirst(0);
        list.addLast(4);
        List<Integer> rev = list.reversed();
        rev.add(-1);
        rev.set(0, 44);
        System.out.println(list + " reversed=" + rev + " first=" + list.getFirst() + " last=" + list.getLast() + " rev.first=" + rev.getFirst() + " removeFirst=" + list.removeFirst()
                + " removeLast=" + list.removeLast() + " " + list + " rev.subList=" + rev.subList(0, 2) + " rev.indexOf(1)=" + rev.indexOf(1));
        LinkedList<String> ll = new LinkedList<>(List.of("b", "c"));
        System.out.println("LinkedList reversed " + ll.reversed() + " reversed.reversed " + ll.reversed().reversed());
        Deque<String> dq = new ArrayDeque<>(List.of("x", "y", "z"));
        Deque<String> dr = dq.reversed();
        dr.addFirst("w");
        System.out.println("ArrayDeque " + dq + " peekFirst=" + dr.peekFirst() + " pollLast=" + dr.pollLast() + " " + dq);
        LinkedHashSet<String> lhs = new LinkedHashSet<>(List.of("one", "two", "three"));
        lhs.addFirst("three");
        lhs.addLast("one");
        System.out.println("LinkedHashSet " + lhs + " reversed " + lhs.reversed() + " first=" + lhs.getFirst() + " removeLast=" + lhs.removeLast() + " " + lhs);
        TreeSet<Integer> ts = new TreeSet<>(List.of(5, 1, 3));
        System.out.println("TreeSet first=" + ts.getFirst() + " last=" + ts.getLast() + " reversed=" + ts.reversed() + " removeFirst=" + ts.removeFirst() + " " + ts);
        attempt("TreeSet.addFirst", () -> ts.addFirst(0));
        TreeMap<String, Integer> tm = new TreeMap<>(Map.of("a", 1, "b", 2, "c", 3));
        System.out.println("TreeMap reversed " + tm.reversed() + " firstEntry=" + tm.firstEntry() + " sequencedValues=" + tm.sequencedValues() + " sequencedEntrySet.reversed="
                + tm.sequencedEntrySet().reversed());
        attempt("TreeMap.putFirst", () -> tm.putFirst("z", 0));
        attempt("List.of.reversed.add", () -> List.of(1, 2).reversed().add(3));
        System.out.println("List.of reversed " + List.of(1, 2, 3).reversed());
        attempt("empty getFirst", () -> new ArrayList<>().getFirst());
        attempt("empty removeLast", () -> new ArrayList<>().removeLast());
        attempt("empty LinkedHashSet getFirst", () -> new LinkedHashSet<>().getFirst());
        attempt("empty TreeSet getLast", () -> new TreeSet<>().getLast());
        attempt("empty TreeSet removeFirst", () -> System.out.print(new TreeSet<>().pollFirst() + " "));
        SequencedCollection<Integer> sc = new ArrayDeque<>(List.of(7, 8, 9));
        StringBuilder sb = new StringBuilder();
        for (int x : sc.reversed()) {
            sb.append(x);
        }
        System.out.println("iterate reversed " + sb);
    }
}
