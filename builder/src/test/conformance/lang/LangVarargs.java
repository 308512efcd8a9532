import java.util.*;

public class LangVarargs {
    static String f(Object... xs) {
        return "Object... " + (xs == null ? "null array" : xs.length + " " + Arrays.toString(xs));
    }

    static String f(String s) {
        return "String " + s;
    }

    static String fi(int a, int... rest) {
        return "int,int... " + a + " " + Arrays.toString(rest);
    }

    static String g(long x) {
        return "long " + x;
    }

    static String g(Integer x) {
        return "Integer " + x;
    }

    static String g(int... x) {
        return "int... " + x.length;
    }

    static String h(Object o) {
        return "Object";
    }

    static String h(Object... o) {
        return "Object...";
    }

    static int sum(int... xs) {
        int s = 0;
        for (int x : xs) {
            s += x;
        }
        return s;
    }

    static String join(String sep, String... parts) {
        return String.join(sep, parts);
    }

    static <T> int count(T... items) {
        return items.length;
    }

    static String kinds(Object... xs) {
        StringBuilder sb = new StringBuilder();
        for (Object x : xs) {
            sb.append(x == null ? "null" : x.getClass().getSimpleName()).append(' ');
        }
        return sb.toString().trim();
    }

    static class Builder {
        final List<String> parts = new ArrayList<>();

        Builder add(String... ps) {
            parts.addAll(Arrays.asList(ps));
            return this;
        }
    }

    public static void main(String[] args) {
        System.out.println(f());
        System.out.println(f("one"));
        System.out.println(f("one", "two"));
        System.out.println(fi(1));
        System.out.println(fi(1, 2, 3) + " " + f(1, 2));
        System.out.println(f((Object) null));
        System.out.println(f((Object[]) null));
        System.out.println(f(new Object[] {"x", 2}));
        System.out.println(f((Object) new Object[] {"x", 2}).startsWith("Object... 1"));
        System.out.println(f(new String[] {"s1", "s2"}));
        System.out.println(f('c', 2.0, 3L));
        System.out.println(g(5));
        System.out.println(g(Integer.valueOf(5)));
        System.out.println(g());
        System.out.println(g(1, 2));
        System.out.println(h("x") + " " + h("x", "y") + " " + h() + " " + h((Object) null));
        System.out.println(sum() + " " + sum(1) + " " + sum(1, 2, 3, 4) + " " + sum(new int[] {10, 20}));
        System.out.println(join("-") + "|" + join("-", "a") + "|" + join("-", "a", "b", "c"));
        System.out.println(count() + " " + count(1, "a", 2.0) + " " + count((Object[]) new String[] {"a", "b"}) + " " + count(new int[] {1, 2}));
        System.out.println(kinds(1, 2L, 3.0f, 4.0, 'c', "s", true, (byte) 1, (short) 2, null, new int[0]));
        System.out.println(new Builder().add().add("a").add("b", "c").parts);
        System.out.println(String.format("%s-%s-%s", "a", "b", "c") + " " + String.format("%s", (Object) new String[] {"x"}).startsWith("[Ljava.lang.String;"));
        System.out.println(Arrays.asList(1, 2, 3) + " " + Arrays.asList(new int[] {1, 2}).size() + " " + List.of(new Integer[] {4, 5}));
    }
}
