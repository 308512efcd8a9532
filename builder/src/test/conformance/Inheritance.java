import java.util.*;

public class Inheritance {
    interface Greeter {
        String name();

        default String greet() {
            return "Hello, " + name() + suffix();
        }

        private String suffix() {
            return "!";
        }

        static Greeter of(String n) {
            return () -> n;
        }
    }

    abstract static class Shape implements Comparable<Shape> {
        abstract double area();

        @Override
        public int compareTo(Shape o) {
            return Double.compare(area(), o.area());
        }

        @Override
        public String toString() {
            return getClass().getSimpleName() + "(" + String.format("%.2f", area()) + ")";
        }
    }

    static class Rect extends Shape {
        final double w, h;

        Rect(double w, double h) {
            this.w = w;
            this.h = h;
        }

        @Override
        double area() {
            return w * h;
        }
    }

    static class Square extends Rect {
        Square(double s) {
            super(s, s);
        }

        @Override
        public String toString() {
            return "Square!" + super.toString();
        }
    }

    static class Counter {
        static int instances;
        final int id;

        Counter() {
            id = ++instances;
        }
    }

    class Inner {
        int outerValue() {
            return value * 2;
        }
    }

    int value = 21;

    public static void main(String[] args) {
        System.out.println(Greeter.of("Kiln").greet());
        Greeter anon = new Greeter() {
            @Override
            public String name() {
                return "anonymous";
            }

            @Override
            public String greet() {
                return Greeter.super.greet().toUpperCase();
            }
        };
        System.out.println(anon.greet());
        List<Shape> shapes = new ArrayList<>(List.of(new Rect(2, 5), new Square(3), new Rect(1, 1)));
        Collections.sort(shapes);
        System.out.println(shapes);
        Shape s = new Square(2);
        System.out.println((s instanceof Rect) + " " + (s instanceof Comparable) + " " + s.area());
        new Counter();
        new Counter();
        System.out.println("counters " + new Counter().id + " " + Counter.instances);
        System.out.println(new Inheritance().new Inner().outerValue());
        Object[] things = {1, "two", 3.0, 'c', 4L, null, new int[] {1}};
        StringBuilder sb = new StringBuilder();
        for (Object o : things) {
            sb.append(switch (o) {
                case null -> "null";
                case Integer i when i > 0 -> "posint";
                case Integer i -> "int";
                case String str -> "str" + str.length();
                case Double d -> "dbl";
                case int[] arr -> "arr" + arr.length;
                default -> o.getClass().getSimpleName();
            }).append(' ');
        }
        System.out.println(sb.toString().trim());
        System.out.println(Objects.hash(1, 2, 3) + " " + Objects.equals(null, null) + " " + Objects.toString(null, "dflt"));
    }
}
