import java.util.*;

/** ArrayList in depth: positional ops, subList views, iterators, bulk ops, removeIf, replaceAll, fail-fast and bounds messages. */
public class LibArrayList {
    public static void main(String[] args) {
        List<Integer> list = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            list.add(i * i);
        }
        list.add(3, -1);
        list.remove(Integer.valueOf(16));
        list.remove(0);
        System.out.println(list + " size=" + list.size());
        System.out.println("indexOf(25)=" + list.indexOf(25) + " lastIndexOf(7)=" + list.lastIndexOf(7) + " contains(81)=" + list.contains(81));
        List<Integer> sub = list.subList(2, 5);
        sub.set(0, 100);
        sub.add(200);
        System.out.println("sub=" + sub + " list=" + list);
        sub.clear();
        System.out.println("after sub.clear " + list);
        list.replaceAll(x -> x * 2);
        list.removeIf(x -> x % 3 == 0);
        System.out.println("replaced/removed " + list);
        ListIterator<Integer> it = list.listIterator();
        while (it.hasNext()) {
            int idx = it.nextIndex();
            int v = it.next();
            if (idx % 2 == 0) {
                it.set(v + 1);
            } else {
                it.add(-idx);
            }
        }
        System.out.println("listIterator " + list);
        while (it.hasPrevious()) {
            if (it.previous() < 0) {
                it.remove();
            }
        }
        System.out.println("back " + list);
        List<Integer> other = new ArrayList<>(List.of(3, 51, 99));
        list.addAll(1, other);
        System.out.println("addAll(1) " + list);
        list.retainAll(Set.of(3, 51, 99, 101, 1));
        System.out.println("retainAll " + list);
        list.removeAll(List.of(99));
        System.out.println("removeAll " + list + " equals " + list.equals(Arrays.asList(1, 3, 51)) + " hash " + list.hashCode());
        Object[] arr = list.toArray();
        Integer[] typed = list.toArray(new Integer[5]);
        System.out.println(arr.length + " " + Arrays.toString(typed));
        try {
            for (Integer x : list) {
                if (x == 3) {
                    list.add(7);
                }
            }
        } catch (ConcurrentModificationException e) {
            System.out.println("CME " + e.getMessage());
        }
        try {
            list.get(10);
        } catch (IndexOutOfBoundsException e) {
            System.out.println(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        ArrayList<String> words = new ArrayList<>(List.of("pear", "fig", "apple", "kiwi", "date"));
        words.sort(null);
        System.out.println(words);
        words.sort(Comparator.comparingInt(String::length).reversed());
        System.out.println(words + " " + words.getFirst() + " " + words.getLast() + " " + words.reversed());
        words.addFirst("zz");
        words.removeLast();
        words.trimToSize();
        words.ensureCapacity(100);
        System.out.println(words);
        List<String> copy = List.copyOf(words);
        try {
            copy.add("x");
        } catch (UnsupportedOperationException e) {
            System.out.println("immutable " + e.getMessage());
        }
        System.out.println(Collections.nCopies(3, "ab") + " " + new ArrayList<>(Collections.nCopies(2, 0)));
    }
}
