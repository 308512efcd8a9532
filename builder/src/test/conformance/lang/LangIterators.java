import java.util.*;
import java.util.function.*;
import java.util.stream.*;

public class LangIterators {
    static class Range implements Iterable<Integer> {
        final int from, to, step;

        Range(int from, int to, int step) {
            this.from = from;
            this.to = to;
            this.step = step;
        }

        @Override
        public Iterator<Integer> iterator() {
            return new Iterator<>() {
                int next = from;

                @Override
                public boolean hasNext() {
                    return step > 0 ? next < to : next > to;
                }

                @Override
                public Integer next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException("range exhausted at " + next);
                    }
                    int r = next;
                    next += step;
                    return r;
                }
            };
        }
    }

    static class Fib implements Iterator<Long> {
        long a = 0, b = 1;

        public boolean hasNext() {
            return true;
        }

        public Long next() {
            long r = a;
            a = b;
            b = r + b;
            return r;
        }
    }

    static class Tree<T extends Comparable<T>> implements Iterable<T> {
        private record Node<T>(T value, Node<T> left, Node<T> right) {
        }

        private Node<T> root;
        private int size;

        void add(T v) {
            root = insert(root, v);
        }

        private Node<T> insert(Node<T> n, T v) {
            if (n == null) {
                size++;
                return new Node<>(v, null, null);
            }
            int c = v.compareTo(n.value());
            if (c < 0) {
                return new Node<>(n.value(), insert(n.left(), v), n.right());
            } else if (c > 0) {
                return new Node<>(n.value(), n.left(), insert(n.right(), v));
            }
            return n;
        }

        @Override
        public Iterator<T> iterator() {
            Deque<Node<T>> stack = new ArrayDeque<>();
            for (Node<T> n = root; n != null; n = n.left()) {
                stack.push(n);
            }
            return new Iterator<>() {
                public boolean hasNext() {
                    return !stack.isEmpty();
                }

                public T next() {
                    Node<T> n = stack.pop();
                    for (Node<T> m = n.right(); m != null; m = m.left()) {
                        stack.push(m);
                    }
                    return n.value();
                }
            };
        }
    }

    static <T> Iterable<List<T>> windows(List<T> list, int size) {
        return () -> new Iterator<>() {
            int start;

            public boolean hasNext() {
                return start + size <= list.size();
            }

            public List<T> next() {
                return list.subList(start, start++ + size);
            }
        };
    }

    static <A, B> Iterator<String> zip(Iterator<A> a, Iterator<B> b) {
        return new Iterator<>() {
            public boolean hasNext() {
                return a.hasNext() && b.hasNext();
            }

            public String next() {
                return a.next() + ":" + b.next();
            }
        };
    }

    public static void main(String[] args) {
        StringBuilder sb = new StringBuilder();
        for (int i : new Range(0, 20, 3)) {
            sb.append(i).append(' ');
        }
        for (int i : new Range(10, 0, -4)) {
            sb.append(i).append(' ');
        }
        System.out.println(sb.toString().trim());
        Iterator<Integer> it = new Range(0, 1, 1).iterator();
        System.out.println(it.next());
        try {
            it.next();
        } catch (NoSuchElementException e) {
            System.out.println("NSEE: " + e.getMessage());
        }
        try {
            it.remove();
        } catch (UnsupportedOperationException e) {
            System.out.println("UOE: " + e.getMessage());
        }
        Fib fib = new Fib();
        List<Long> fibs = new ArrayList<>();
        while (fibs.size() < 15) {
            fibs.add(fib.next());
        }
        System.out.println(fibs);
        Stream<Long> fibStream = StreamSupport.stream(Spliterators.spliteratorUnknownSize(new Fib(), Spliterator.ORDERED), false);
        System.out.println(fibStream.filter(x -> x % 2 == 0).limit(8).toList());
        Tree<String> tree = new Tree<>();
        for (String w : "m d t a f p z d m b".split(" ")) {
            tree.add(w);
        }
        System.out.println(String.join("", tree) + " size " + tree.size);
        System.out.println(StreamSupport.stream(tree.spliterator(), false).map(String::toUpperCase).collect(Collectors.joining(",")));
        List<Integer> nums = IntStream.rangeClosed(1, 6).boxed().toList();
        for (List<Integer> w : windows(nums, 3)) {
            System.out.print(w + " ");
        }
        System.out.println();
        zip(List.of("a", "b", "c").iterator(), new Range(1, 100, 1).iterator()).forEachRemaining(s -> System.out.print(s + " "));
        System.out.println();
        List<Integer> list = new ArrayList<>(IntStream.range(0, 10).boxed().toList());
        for (Iterator<Integer> i = list.iterator(); i.hasNext();) {
            if (i.next() % 3 == 0) {
                i.remove();
            }
        }
        System.out.println(list);
        list.removeIf(x -> x > 6);
        System.out.println(list);
        ListIterator<Integer> li = list.listIterator();
        while (li.hasNext()) {
            int idx = li.nextIndex();
            int v = li.next();
            if (v == 2) {
                li.set(20);
            } else if (v == 4) {
                li.add(44);
            }
            if (idx == 0) {
                li.add(-1);
            }
        }
        System.out.println(list);
        try {
            for (Integer x : list) {
                if (x == 20) {
                    list.add(99);
                }
            }
        } catch (ConcurrentModificationException e) {
            System.out.println("CME " + e.getMessage());
        }
        Map<String, Integer> m = new TreeMap<>(Map.of("a", 1, "b", 2, "c", 3, "d", 4));
        m.entrySet().removeIf(e -> e.getValue() % 2 == 0);
        for (Map.Entry<String, Integer> e : m.entrySet()) {
            e.setValue(e.getValue() * 10);
        }
        System.out.println(m);
        PrimitiveIterator.OfInt pi = IntStream.of(3, 1, 4).iterator();
        int sum = 0;
        while (pi.hasNext()) {
            sum += pi.nextInt();
        }
        Iterator<String> empty = Collections.emptyIterator();
        System.out.println(sum + " " + empty.hasNext() + " " + new Scanner("x y z").tokens().count());
        Iterable<Character> chars = () -> "hey".chars().mapToObj(c -> (char) c).iterator();
        for (char c : chars) {
            System.out.print((int) c + " ");
        }
        System.out.println();
        Spliterator<Integer> sp = List.of(1, 2, 3, 4, 5).spliterator();
        sp.tryAdvance(x -> System.out.print("first " + x));
        sp.forEachRemaining(x -> System.out.print(" " + x));
        System.out.println(" size " + List.of(1, 2, 3).spliterator().estimateSize());
    }
}
