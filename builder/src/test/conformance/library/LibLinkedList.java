import java.util.*;

/** LinkedList as a List and a Deque: both ends, occurrences, descending iteration, list iterators, exceptions. */
public class LibLinkedList {
    public static void main(String[] args) {
        LinkedList<String> l = new LinkedList<>(List.of("b", "c", "d"));
        l.addFirst("a");
        l.addLast("e");
        l.offerFirst("0");
        l.offerLast("f");
        l.push("top");
        l.add(2, "x");
        System.out.println(l + " first=" + l.getFirst() + " last=" + l.getLast() + " peek=" + l.peek() + " element=" + l.element());
        System.out.println("pop=" + l.pop() + " poll=" + l.poll() + " pollLast=" + l.pollLast() + " removeFirst=" + l.removeFirst() + " " + l);
        l.add("b");
        l.add("c");
        l.add("b");
        System.out.println("removeFirstOccurrence " + l.removeFirstOccurrence("b") + " removeLastOccurrence " + l.removeLastOccurrence("b") + " " + l);
        System.out.println("indexOf(c)=" + l.indexOf("c") + " lastIndexOf(c)=" + l.lastIndexOf("c") + " get(3)=" + l.get(3));
        StringBuilder sb = new StringBuilder();
        for (Iterator<String> it = l.descendingIterator(); it.hasNext();) {
            String s = it.next();
            sb.append(s);
            if (s.equals("c")) {
                it.remove();
            }
        }
        System.out.println("descending " + sb + " -> " + l);
        ListIterator<String> fw = l.listIterator();
        while (fw.hasNext()) {
            String s = fw.next();
            if (s.startsWith("<")) {
                fw.remove();
            } else if (s.equals("d")) {
                fw.add("after-D");
            }
        }
        System.out.println("listIterator forward " + l + " size=" + l.size());
        l.set(0, "zero");
        l.remove(1);
        System.out.println(l + " " + l.reversed() + " hash=" + l.hashCode() + " equalsArrayList=" + l.equals(new ArrayList<>(l)));
        LinkedList<Integer> empty = new LinkedList<>();
        System.out.println("empty: peek=" + empty.peek() + " poll=" + empty.poll() + " peekLast=" + empty.peekLast() + " pollFirst=" + empty.pollFirst());
        try {
            empty.getFirst();
        } catch (NoSuchElementException e) {
            System.out.println("getFirst: " + e.getClass().getName());
        }
        try {
            empty.removeLast();
        } catch (NoSuchElementException e) {
            System.out.println("removeLast: " + e.getClass().getName());
        }
        try {
            empty.element();
        } catch (NoSuchElementException e) {
            System.out.println("element: " + e.getClass().getName());
        }
        try {
            empty.listIterator().next();
        } catch (NoSuchElementException e) {
            System.out.println("next: " + e.getClass().getName());
        }
        LinkedList<Integer> nums = new LinkedList<>();
        for (int i = 0; i < 20; i++) {
            if (i % 2 == 0) {
                nums.addFirst(i);
            } else {
                nums.addLast(i);
            }
        }
        nums.removeIf(n -> n % 3 == 0);
        Collections.sort(nums);
        System.out.println(nums + " " + nums.stream().mapToInt(Integer::intValue).sum());
        LinkedList<String> withNull = new LinkedList<>();
        withNull.add(null);
        withNull.add("n");
        System.out.println(withNull + " " + withNull.contains(null) + " " + withNull.indexOf(null) + " " + withNull.remove(null) + " " + withNull);
    }
}
