import java.util.*;

/** ArrayDeque as a stack and a queue: growth past its initial capacity, wrap-around, both iterators, null and empty exceptions. */
public class LibArrayDeque {
    public static void main(String[] args) {
        ArrayDeque<Integer> d = new ArrayDeque<>(4);
        for (int i = 0; i < 12; i++) {
            if (i % 3 == 0) {
                d.addFirst(i);
            } else {
                d.addLast(i);
            }
            if (i % 4 == 3) {
                d.pollFirst();
            }
        }
        System.out.println(d + " size=" + d.size() + " first=" + d.peekFirst() + " last=" + d.peekLast());
        StringBuilder sb = new StringBuilder();
        d.descendingIterator().forEachRemaining(x -> sb.append(x).append(' '));
        System.out.println("descending " + sb.toString().trim());
        Deque<String> stack = new ArrayDeque<>();
        for (String tok : "3 4 + 2 * 7 -".split(" ")) {
            switch (tok) {
                case "+", "-", "*" -> {
                    int b = Integer.parseInt(stack.pop());
                    int a = Integer.parseInt(stack.pop());
                    int r = tok.equals("+") ? a + b : tok.equals("-") ? a - b : a * b;
                    stack.push(Integer.toString(r));
                }
                default -> stack.push(tok);
            }
            System.out.println(tok + " -> " + stack);
        }
        Queue<Character> q = new ArrayDeque<>();
        for (char c : "queue".toCharArray()) {
            q.offer(c);
        }
        StringBuilder out = new StringBuilder();
        while (!q.isEmpty()) {
            char c = q.poll();
            out.append(c);
            if (c == 'u' && out.length() < 4) {
                q.offer('U');
            }
        }
        System.out.println("queue order " + out);
        ArrayDeque<Integer> r = new ArrayDeque<>(List.of(1, 2, 3, 2, 1, 2));
        System.out.println("removeFirstOccurrence(2) " + r.removeFirstOccurrence(2) + " removeLastOccurrence(2) " + r.removeLastOccurrence(2) + " " + r);
        r.removeIf(x -> x == 1);
        System.out.println("removeIf " + r + " contains(3) " + r.contains(3) + " " + Arrays.toString(r.toArray(new Integer[0])));
        ArrayDeque<Integer> c = r.clone();
        c.add(9);
        System.out.println("clone " + c + " original " + r);
        ArrayDeque<Object> e = new ArrayDeque<>();
        System.out.println("empty: poll=" + e.poll() + " peek=" + e.peek() + " pollLast=" + e.pollLast());
        for (Runnable op : new Runnable[] {e::pop, e::remove, e::getLast, e::element, () -> e.addFirst(null), () -> e.offerLast(null), () -> e.iterator().next()}) {
            try {
                op.run();
                System.out.println("no exception");
            } catch (RuntimeException ex) {
                System.out.println(ex.getClass().getName());
            }
        }
        ArrayDeque<Integer> it = new ArrayDeque<>(List.of(1, 2, 3));
        try {
            for (Integer x : it) {
                if (x == 2) {
                    it.addLast(4);
                }
            }
        } catch (ConcurrentModificationException ex) {
            System.out.println("CME");
        }
        ArrayDeque<Integer> big = new ArrayDeque<>();
        long sum = 0;
        for (int i = 0; i < 10000; i++) {
            big.addLast(i);
            if (i % 3 == 0) {
                sum += big.pollFirst();
            }
        }
        System.out.println("big size=" + big.size() + " sum=" + sum + " first=" + big.getFirst() + " last=" + big.getLast());
    }
}
