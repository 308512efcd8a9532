import java.util.ArrayList;
import java.util.List;

public class BehCastMessages {
    static class Animal {}
    static class Dog extends Animal {}
    interface Shape {}
    record Point(int x, int y) {}

    interface Cast { Object run(); }

    static void show(String what, Cast c) {
        try {
            System.out.println(what + ": no exception " + (c.run() != null));
        } catch (ClassCastException e) {
            System.out.println(what + ": " + e.getMessage());
        }
    }

    public static void main(String[] args) {
        Object i = args.length + 1;
        Object animal = new Animal();
        Object ints = new int[] {1};
        Object strings = new String[] {"s"};
        Object animals = new Animal[] {new Animal()};
        List<Object> list = new ArrayList<>(List.of("x", 2));
        show("JDK to JDK", () -> (String) i);
        show("app to app", () -> (Dog) animal);
        show("app to JDK", () -> (String) animal);
        show("JDK to app", () -> (Animal) i);
        show("to interface", () -> (Shape) animal);
        show("to JDK interface", () -> (Runnable) animal);
        show("record", () -> (Point) i);
        show("int[] to Object[]", () -> (Object[]) ints);
        show("String[] to Integer[]", () -> (Integer[]) strings);
        show("app arrays", () -> (Dog[]) animals);
        show("app array to JDK array", () -> (String[]) animals);
        show("2D", () -> (int[][]) (Object) new long[1][1]);
        show("generic", () -> { String s = (String) list.get(1); return s; });
        show("Class.cast", () -> String.class.cast(i));
        show("Class.cast app", () -> Dog.class.cast(animal));
        show("Class.cast null", () -> String.class.cast(null) == null ? "null" : "?");
        show("logging", () -> (java.util.logging.Logger) i);
        show("to Integer", () -> (Integer) (Object) "s");
        int caught = 0;
        for (Object o : List.of(1, "two", 3.0)) {
            try {
                caught += (Integer) o;
            } catch (ClassCastException e) {
                System.out.println("went on after: " + e.getMessage());
            }
        }
        System.out.println("sum " + caught);
    }
}
