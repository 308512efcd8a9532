import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;

/** Exception messages of the class library that are TeaVM's, not HotSpot's. */
public class DiffLibraryMessages {
    static void show(String what, Runnable r) {
        try {
            r.run();
            System.out.println(what + ": no exception");
        } catch (RuntimeException e) {
            System.out.println(what + ": " + e);
        }
    }

    public static void main(String[] args) {
        show("Objects.checkIndex", () -> Objects.checkIndex(5, 3));
        show("Objects.checkFromToIndex", () -> Objects.checkFromToIndex(2, 1, 3));
        show("Objects.checkFromIndexSize", () -> Objects.checkFromIndexSize(2, 5, 3));
        List<Integer> list = new ArrayList<>(List.of(1, 2, 3));
        show("subList(2, 1)", () -> list.subList(2, 1));
        int[] a = new int[5];
        show("Arrays.sort(a, 3, 1)", () -> Arrays.sort(a, 3, 1));
        show("Arrays.fill(a, 0, 9, 0)", () -> Arrays.fill(a, 0, 9, 0));
        show("BitSet.set(-1)", () -> new BitSet().set(-1));
        show("%q", () -> String.format("%q", 1));
        show("%-d", () -> String.format("%-d", 1));
        System.out.println("end of DiffLibraryMessages");
    }
}
