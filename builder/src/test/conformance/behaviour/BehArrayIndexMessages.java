import java.util.ArrayList;
import java.util.List;

public class BehArrayIndexMessages {
    interface Access { void run(); }
    static int[] ints = new int[3];

    static void show(String what, Access a) {
        try {
            a.run();
            System.out.println(what + ": no exception");
        } catch (ArrayIndexOutOfBoundsException e) {
            System.out.println(what + ": " + e.getMessage());
        }
    }

    static int sumFrom(int[] a, int start) {
        int s = 0;
        for (int i = start; i < a.length; i++) s += a[i];
        return s;
    }

    public static void main(String[] args) throws Exception {
        int five = args.length + 5, minus = args.length - 1;
        show("int load", () -> System.out.println(ints[five]));
        show("int store", () -> ints[five] = 1);
        show("int negative", () -> System.out.println(ints[minus]));
        show("byte", () -> { byte[] b = new byte[2]; b[five] = 1; });
        show("long", () -> { long[] b = new long[7]; System.out.println(b[five + 2]); });
        show("char", () -> { char[] b = new char[0]; System.out.println(b[0 + minus + 1]); });
        show("double", () -> { double[] b = new double[4]; b[minus] = 1; });
        show("boolean", () -> { boolean[] b = new boolean[1]; System.out.println(b[five]); });
        show("String", () -> { String[] b = new String[3]; System.out.println(b[five]); });
        show("Object store", () -> { Object[] b = new Object[2]; b[five] = "x"; });
        show("2D", () -> { int[][] m = new int[2][4]; m[1][five] = 3; });
        show("2D outer", () -> { int[][] m = new int[2][4]; m[five][0] = 3; });
        show("loop", () -> { int[] a = {1, 2, 3}; int s = 0; for (int i = 0; i <= a.length; i++) s += a[i]; System.out.println(s); });
        show("down loop", () -> { int[] a = {1, 2, 3}; for (int i = a.length - 1; i >= minus - 1; i--) a[i]++; });
        show("lower only", () -> System.out.println(sumFrom(new int[4], minus - 2)));
        show("guarded", () -> { int[] a = new int[6]; int i = minus * 7; if (i < a.length) a[i] = 1; });
        show("constant", () -> { int[] a = new int[3]; a[3] = 1; System.out.println(a[0]); });
        show("from a JDK array", () -> System.out.println("a".toCharArray()[five]));
        int[] caught = new int[2];
        int n = 0;
        for (int i = 0; i < 5; i++) {
            try { caught[i] = i; n++; } catch (ArrayIndexOutOfBoundsException e) { System.out.println("caught " + e.getMessage()); }
        }
        System.out.println("went on: " + n);
        Thread t = new Thread(() -> show("thread", () -> { int[] a = new int[8]; a[five * 3] = 1; }));
        t.start();
        t.join();
        try {
            int[] a = new int[1];
            a[five] = 2;
        } catch (RuntimeException e) {
            System.out.println(e);
        }
    }
}
