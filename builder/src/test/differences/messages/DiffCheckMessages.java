import java.util.ArrayList;
import java.util.Objects;

/** Objects.requireNonNull(null)'s message (null on HotSpot) and new ArrayList<>(-1)'s ("Illegal Capacity: -1"). */
public class DiffCheckMessages {
    static void show(String what, Runnable r) {
        try {
            r.run();
            System.out.println(what + ": no exception");
        } catch (RuntimeException e) {
            System.out.println(what + ": " + e);
        }
    }

    public static void main(String[] args) {
        show("requireNonNull", () -> Objects.requireNonNull(null));
        show("ArrayList(-1)", () -> new ArrayList<>(Integer.parseInt("-1")));
        System.out.println("end of DiffCheckMessages");
    }
}
