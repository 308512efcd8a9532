/** System.arraycopy's exceptions: another class and no message in an image. */
public class DiffArraycopyMessages {
    static void show(String what, Runnable r) {
        try {
            r.run();
            System.out.println(what + ": no exception");
        } catch (RuntimeException e) {
            System.out.println(what + ": " + e);
        }
    }

    public static void main(String[] args) {
        show("out of bounds", () -> System.arraycopy(new int[5], 3, new int[10], 0, 5));
        show("int[] into long[]", () -> System.arraycopy(new int[2], 0, new long[2], 0, 2));
        System.out.println("end of DiffArraycopyMessages");
    }
}
