import java.util.Arrays;

public class BehArraycopyMessages {
    interface Copy { void run(); }

    static void show(String what, Copy c) {
        try {
            c.run();
            System.out.println(what + ": copied");
        } catch (RuntimeException e) {
            System.out.println(what + ": " + e.getClass().getName() + ": " + e.getMessage());
        }
    }

    public static void main(String[] args) {
        int[] five = {1, 2, 3, 4, 5};
        Object[] objects = new Object[5];
        show("last destination", () -> System.arraycopy(five, 0, new int[5], 4, 4));
        show("last source", () -> System.arraycopy(five, 2, new int[5], 0, 4));
        show("source index", () -> System.arraycopy(five, -1, new int[5], 0, 1));
        show("destination index", () -> System.arraycopy(five, 0, new int[5], -1, 1));
        show("negative length", () -> System.arraycopy(five, 0, new int[5], 0, -1));
        show("source before length", () -> System.arraycopy(five, -2, new int[5], -1, -1));
        show("huge", () -> System.arraycopy(five, 1, new int[5], 0, Integer.MAX_VALUE));
        show("long[]", () -> System.arraycopy(new long[2], 0, new long[1], 0, 2));
        show("byte[] source", () -> System.arraycopy(new byte[3], 1, new byte[9], 0, 3));
        show("char[] destination", () -> System.arraycopy(new char[3], 0, new char[2], 1, 2));
        show("int into long", () -> System.arraycopy(five, 0, new long[5], 0, 1));
        show("int into Object", () -> System.arraycopy(five, 0, objects, 0, 1));
        show("Object into int", () -> System.arraycopy(objects, 0, five, 0, 1));
        show("String into double", () -> System.arraycopy(new String[1], 0, new double[1], 0, 1));
        show("source not array", () -> System.arraycopy("abc", 0, new long[5], 0, 1));
        show("destination not array", () -> System.arraycopy(five, 0, "abc", 0, 1));
        show("object destination not array", () -> System.arraycopy(objects, 0, 42, 0, 1));
        show("null source", () -> System.arraycopy(null, 0, five, 0, 1));
        show("null destination", () -> System.arraycopy(five, 0, null, 0, 1));
        show("object bounds", () -> System.arraycopy(new Object[5], 0, new Object[3], 1, 3));
        show("object source index", () -> System.arraycopy(new String[5], -3, new Object[3], 1, 3));
        String[] strings = new String[4];
        show("element mismatch", () -> System.arraycopy(new Object[] {"a", "b", 1, "c"}, 0, strings, 0, 4));
        System.out.println("copied before the mismatch: " + Arrays.toString(strings));
        show("2D element mismatch", () -> System.arraycopy(new Object[][] {{1}}, 0, new String[1][], 0, 1));
        show("narrowing that fits", () -> System.arraycopy(new Object[] {"x", null, "y"}, 0, strings, 1, 3));
        System.out.println(Arrays.toString(strings));
        show("widening", () -> System.arraycopy(new Integer[] {7, 8}, 0, objects, 3, 2));
        System.out.println(Arrays.toString(objects));
        show("overlap", () -> System.arraycopy(five, 0, five, 1, 4));
        System.out.println(Arrays.toString(five));
        show("empty at end", () -> System.arraycopy(five, 5, new int[0], 0, 0));
    }
}
