import java.util.*;

public class LangInterfaces {
    interface Greeter {
        String name();

        default String greet() {
            return prefix() + ", " + name() + suffix();
        }

        private String prefix() {
            return "Hello";
        }

        static String suffix() {
            return "!";
        }

        static Greeter of(String n) {
            return () -> n;
        }
    }

    interface Loud extends Greeter {
        @Override
        default String greet() {
            return Greeter.super.greet().toUpperCase();
        }
    }

    interface Polite {
        default String greet() {
            return "Good day";
        }
    }

    static class Both implements Loud, Polite {
        public String name() {
            return "both";
        }

        @Override
        public String greet() {
            return Loud.super.greet() + " / " + Polite.super.greet();
        }
    }

    interface Shape {
        double area();

        default String info() {
            return getClass().getSimpleName() + " area " + String.format("%.3f", area());
        }

        default int compareArea(Shape o) {
            return Double.compare(area(), o.area());
        }
    }

    interface Scalable<T extends Shape> {
        T scale(double f);
    }

    record Circle(double r) implements Shape, Scalable<Circle> {
        public Circle scale(double f) {
            return new Circle(r * f);
        }

        public double area() {
            return Math.PI * r * r;
        }
    }

    record Rect(double w, double h) implements Shape, Scalable<Rect> {
        public Rect scale(double f) {
            return new Rect(w * f, h * f);
        }

        public double area() {
            return w * h;
        }

        @Override
        public String info() {
            return "rect " + w + "x" + h + " (" + Shape.super.info() + ")";
        }
    }

    interface Counter {
        int COUNT_START = compute();

        static int compute() {
            System.out.println("Counter constant initialised");
            return 100;
        }

        int next();
    }

    static abstract class Base implements Counter {
        int value = COUNT_START;
    }

    static class Up extends Base {
        public int next() {
            return value++;
        }
    }

    interface Stack<T> extends Iterable<T> {
        void push(T t);

        T pop();

        boolean isEmpty();

        default void pushAll(Collection<? extends T> items) {
            for (T t : items) {
                push(t);
            }
        }

        default List<T> drain() {
            List<T> out = new ArrayList<>();
            while (!isEmpty()) {
                out.add(pop());
            }
            return out;
        }
    }

    static class ArrayStack<T> implements Stack<T> {
        private final ArrayList<T> items = new ArrayList<>();

        public void push(T t) {
            items.add(t);
        }

        public T pop() {
            if (items.isEmpty()) {
                throw new IllegalStateException("empty stack");
            }
            return items.remove(items.size() - 1);
        }

        public boolean isEmpty() {
            return items.isEmpty();
        }

        public Iterator<T> iterator() {
            return items.iterator();
        }
    }

    public static void main(String[] args) {
        System.out.println(Greeter.of("world").greet());
        Loud loud = () -> "shout";
        System.out.println(loud.greet());
        System.out.println(new Both().greet());
        List<Shape> shapes = new ArrayList<>(List.of(new Circle(1), new Rect(2, 3), new Circle(0.5), new Rect(1, 1)));
        shapes.sort(Shape::compareArea);
        for (Shape s : shapes) {
            System.out.println(s.info());
        }
        System.out.println(new Circle(2).scale(1.5) + " " + new Rect(1, 2).scale(3));
        System.out.println("before counter");
        Up up = new Up();
        System.out.println(up.next() + " " + up.next() + " " + Counter.COUNT_START);
        Stack<String> st = new ArrayStack<>();
        st.pushAll(List.of("a", "b", "c"));
        for (String s : st) {
            System.out.print(s + " ");
        }
        System.out.println();
        System.out.println(st.drain());
        try {
            st.pop();
        } catch (IllegalStateException e) {
            System.out.println(e);
        }
        Comparable<String> anon = new Comparable<>() {
            public int compareTo(String o) {
                return o.length() - 3;
            }
        };
        System.out.println(anon.compareTo("hello") + " " + (anon instanceof Comparable));
        System.out.println(Arrays.toString(Both.class.getInterfaces().length > 0 ? new int[] {Both.class.getInterfaces().length} : new int[0]));
    }
}
