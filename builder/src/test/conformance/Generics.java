import java.util.*;
import java.util.function.*;

public class Generics {
    static class Box<T extends Comparable<T>> {
        private final T value;

        Box(T value) {
            this.value = value;
        }

        T get() {
            return value;
        }

        boolean greaterThan(Box<T> other) {
            return value.compareTo(other.value) > 0;
        }
    }

    record Pair<A, B>(A first, B second) {
        <C> Pair<A, C> withSecond(C c) {
            return new Pair<>(first, c);
        }
    }

    sealed interface Shape permits Circle, Square {
    }

    record Circle(double r) implements Shape {
    }

    record Square(double side) implements Shape {
    }

    static double area(Shape s) {
        return switch (s) {
            case Circle c -> Math.PI * c.r() * c.r();
            case Square q -> q.side() * q.side();
        };
    }

    static <T> T firstOr(List<? extends T> list, T fallback) {
        return list.isEmpty() ? fallback : list.get(0);
    }

    static double sum(Collection<? extends Number> nums) {
        double s = 0;
        for (Number n : nums) {
            s += n.doubleValue();
        }
        return s;
    }

    enum Color { RED, GREEN, BLUE; Color next() { return values()[(ordinal() + 1) % values().length]; } }

    public static void main(String[] args) {
        Box<Integer> a = new Box<>(5);
        Box<Integer> b = new Box<>(3);
        System.out.println(a.greaterThan(b) + " " + a.get() + " " + new Box<>("x").get());
        Pair<String, Integer> p = new Pair<>("one", 1);
        System.out.println(p + " " + p.withSecond(2.5) + " " + p.equals(new Pair<>("one", 1)) + " " + (p.hashCode() == new Pair<>("one", 1).hashCode()));
        System.out.println(firstOr(List.of(), "empty") + " " + firstOr(List.of("a"), "empty") + " " + sum(List.of(1, 2.5, 3L)));
        System.out.printf("%.4f %.1f%n", area(new Circle(1)), area(new Square(3)));
        Map<Color, Integer> em = new EnumMap<>(Color.class);
        for (Color c : Color.values()) {
            em.put(c, c.name().length());
        }
        System.out.println(em + " " + Color.valueOf("GREEN").next() + " " + EnumSet.of(Color.BLUE, Color.RED));
        Object o = "string";
        if (o instanceof String str && str.length() > 3) {
            System.out.println("pattern " + str.length());
        }
        String kind = switch (Color.BLUE) {
            case RED -> "r";
            case GREEN -> "g";
            case BLUE -> "b";
        };
        var text = """
            text block
              indented
            """;
        System.out.print(kind + "\n" + text);
        Function<Integer, Integer> twice = x -> x * 2;
        BiFunction<Integer, Integer, Integer> add = Integer::sum;
        Supplier<List<String>> sup = ArrayList::new;
        List<String> made = sup.get();
        made.add("made");
        System.out.println(twice.andThen(twice).apply(3) + " " + add.apply(2, 3) + " " + made);
    }
}
