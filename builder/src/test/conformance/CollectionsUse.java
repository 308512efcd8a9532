import java.util.*;

public class CollectionsUse {
    public static void main(String[] args) {
        List<Integer> list = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            list.add((i * 7) % 13);
        }
        System.out.println(list);
        java.util.Collections.sort(list);
        System.out.println(list + " " + list.size() + " " + list.indexOf(5) + " " + list.contains(12));
        list.removeIf(x -> x % 2 == 0);
        System.out.println(list);
        Map<String, Integer> tree = new TreeMap<>();
        Map<String, Integer> linked = new LinkedHashMap<>();
        String[] words = "the quick brown fox jumps over the lazy dog the end".split(" ");
        for (String w : words) {
            tree.merge(w, 1, (a, b) -> a + b);
            linked.put(w, linked.getOrDefault(w, 0) + 1);
        }
        System.out.println(tree);
        System.out.println(linked);
        Map<Integer, String> hash = new HashMap<>();
        for (int i = 0; i < 1000; i++) {
            hash.put(i, "v" + i);
        }
        int sum = 0;
        for (int k : hash.keySet()) {
            sum += k;
        }
        System.out.println(hash.size() + " " + sum + " " + hash.get(500) + " " + hash.containsKey(1000));
        Set<String> set = new TreeSet<>(Arrays.asList(words));
        System.out.println(set + " " + new HashSet<>(Arrays.asList(1, 2, 2, 3)).size());
        Deque<Integer> dq = new ArrayDeque<>();
        dq.push(1);
        dq.addLast(2);
        dq.offerFirst(0);
        System.out.println(dq + " " + dq.peekFirst() + " " + dq.pollLast());
        PriorityQueue<Integer> pq = new PriorityQueue<>(Comparator.reverseOrder());
        pq.addAll(List.of(5, 1, 9, 3, 7));
        StringBuilder sb = new StringBuilder();
        while (!pq.isEmpty()) {
            sb.append(pq.poll()).append(' ');
        }
        System.out.println(sb.toString().trim());
        LinkedList<String> ll = new LinkedList<>(List.of("a", "b", "c"));
        ll.addFirst("z");
        ll.removeLast();
        ListIterator<String> it = ll.listIterator();
        while (it.hasNext()) {
            String v = it.next();
            it.set(v.toUpperCase());
        }
        System.out.println(ll + " " + List.of(1, 2).equals(Arrays.asList(1, 2)) + " " + Map.of("k", 1));
        int[] arr = {5, 3, 9, 1};
        Arrays.sort(arr);
        System.out.println(Arrays.toString(arr) + " " + Arrays.binarySearch(arr, 9) + " " + Arrays.asList(3, 1, 2).hashCode());
        Integer[] boxed = {3, 1, 2};
        Arrays.sort(boxed, java.util.Collections.reverseOrder());
        System.out.println(Arrays.toString(boxed) + " " + java.util.Collections.max(List.of(4, 8, 2)));
        List<String> unmod = java.util.Collections.unmodifiableList(new ArrayList<>(List.of("x")));
        try {
            unmod.add("y");
        } catch (UnsupportedOperationException e) {
            System.out.println("unmodifiable");
        }
        Iterator<Integer> i2 = new ArrayList<>(List.of(1, 2, 3)).iterator();
        List<Integer> cm = new ArrayList<>(List.of(1, 2, 3));
        try {
            for (Integer x : cm) {
                cm.add(x);
            }
        } catch (ConcurrentModificationException e) {
            System.out.println("CME " + i2.next());
        }
    }
}
