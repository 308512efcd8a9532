import java.util.*;

/** The messages of the common exceptions that the class library throws, as HotSpot's. */
public class BehExceptionMessages {
    static void show(String what, Runnable r) {
        try {
            r.run();
            System.out.println(what + ": no exception");
        } catch (RuntimeException e) {
            System.out.println(what + ": " + e);
        }
    }

    static int five() {
        return Integer.parseInt("5");
    }

    public static void main(String[] args) {
        List<Integer> list = new ArrayList<>(List.of(1, 2, 3));
        show("get", () -> list.get(five()));
        show("get -1", () -> list.get(-1));
        show("set", () -> list.set(3, 0));
        show("remove", () -> list.remove(five()));
        show("add at", () -> list.add(five(), 9));
        show("charAt", () -> "abc".charAt(five()));
        show("charAt -1", () -> "abc".charAt(-1));
        show("substring", () -> "abc".substring(five()));
        show("substring range", () -> "abcdef".substring(4, 2));
        show("substring end", () -> "abcdef".substring(1, 9));
        show("iterator", () -> new ArrayList<Integer>().iterator().next());
        show("iterator end", () -> {
            Iterator<Integer> it = list.iterator();
            it.next();
            it.next();
            it.next();
            it.next();
        });
        show("division", () -> System.out.println(five() / (five() - 5)));
        show("List.of add", () -> List.of(1).add(2));
        show("deque", () -> new ArrayDeque<Integer>().removeFirst());
        System.out.println(list);
    }
}
