import java.util.*;

public class LangRecords {
    record Point(int x, int y) {
        static final Point ORIGIN = new Point(0, 0);

        Point {
            if (x < -1000 || y < -1000) {
                throw new IllegalArgumentException("out of range: " + x + "," + y);
            }
        }

        Point(int both) {
            this(both, both);
        }

        double distance(Point o) {
            int dx = x - o.x, dy = y - o.y;
            return Math.sqrt(dx * dx + dy * dy);
        }

        Point plus(Point o) {
            return new Point(x + o.x, y + o.y);
        }
    }

    record Range(int lo, int hi) implements Comparable<Range>, Iterable<Integer> {
        Range {
            if (lo > hi) {
                int t = lo;
                lo = hi;
                hi = t;
            }
        }

        @Override
        public int compareTo(Range o) {
            return lo != o.lo ? Integer.compare(lo, o.lo) : Integer.compare(hi, o.hi);
        }

        @Override
        public Iterator<Integer> iterator() {
            return new Iterator<>() {
                int next = lo;

                public boolean hasNext() {
                    return next <= hi;
                }

                public Integer next() {
                    return next++;
                }
            };
        }
    }

    record Named(String name, List<String> tags, double weight, char grade, long id, boolean on, int[] raw) {
        @Override
        public String name() {
            return name.toUpperCase();
        }
    }

    record Empty() {
    }

    record Wrapper<T>(T value, Optional<T> other) {
    }

    public static void main(String[] args) {
        Point p = new Point(3, 4);
        System.out.println(p + " " + p.x() + " " + p.y() + " " + p.distance(Point.ORIGIN));
        System.out.println(new Point(7) + " " + p.plus(new Point(1, -1)));
        System.out.println(p.equals(new Point(3, 4)) + " " + p.equals(new Point(4, 3)) + " " + p.equals(null));
        System.out.println(p.hashCode() + " " + new Point(4, 3).hashCode() + " " + Point.ORIGIN.hashCode());
        try {
            new Point(-2000, 1);
        } catch (IllegalArgumentException e) {
            System.out.println("rejected: " + e.getMessage());
        }
        Range r = new Range(9, 5);
        System.out.println(r + " " + r.lo() + ".." + r.hi());
        int sum = 0;
        for (int i : r) {
            sum += i;
        }
        System.out.println("sum " + sum);
        TreeSet<Range> ranges = new TreeSet<>(List.of(new Range(3, 4), new Range(1, 9), new Range(1, 2), new Range(4, 3)));
        System.out.println(ranges);
        Named n = new Named("bob", List.of("a", "b"), 1.5, 'B', 123456789012L, true, new int[] {1});
        String s = n.toString();
        System.out.println(s.substring(0, s.indexOf("raw=")));
        System.out.println(n.name() + " " + n.tags() + " " + n.weight() + " " + n.grade() + " " + n.id() + " " + n.on());
        Named n2 = new Named("bob", List.of("a", "b"), 1.5, 'B', 123456789012L, true, n.raw());
        Named n3 = new Named("bob", List.of("a", "b"), 1.5, 'B', 123456789012L, true, new int[] {1});
        System.out.println(n.equals(n2) + " " + n.equals(n3) + " " + (n.hashCode() == n2.hashCode()));
        System.out.println(new Empty() + " " + new Empty().equals(new Empty()) + " " + new Empty().hashCode());
        Wrapper<String> w = new Wrapper<>("v", Optional.of("o"));
        System.out.println(w + " " + new Wrapper<Integer>(null, Optional.empty()));
        System.out.println(w.equals(new Wrapper<>("v", Optional.of("o"))) + " " + new Wrapper<>(null, Optional.empty()).hashCode());
        record Local(String k, int v) {
        }
        List<Local> locals = new ArrayList<>();
        for (String k : "one two three four".split(" ")) {
            locals.add(new Local(k, k.length()));
        }
        locals.sort(Comparator.comparingInt(Local::v).thenComparing(Local::k));
        System.out.println(locals);
        System.out.println(Point.class.isRecord() + " " + Local.class.getSimpleName() + " " + String.class.isRecord());
        Map<Point, String> map = new HashMap<>();
        map.put(new Point(1, 2), "a");
        map.put(new Point(1, 2), "b");
        map.put(new Point(2, 1), "c");
        System.out.println(map.size() + " " + map.get(new Point(1, 2)) + " " + new TreeMap<>(Map.of("k", new Point(5))));
        System.out.println(new Point(Integer.MAX_VALUE, -1).hashCode() + " " + new Range(-5, 5).hashCode());
        Object o = new Point(10, 20);
        if (o instanceof Point(int x, int y) && x < y) {
            System.out.println("deconstructed " + x + " " + y);
        }
    }
}
