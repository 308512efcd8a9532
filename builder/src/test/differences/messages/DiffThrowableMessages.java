import java.util.Optional;
import java.util.OptionalInt;

/** Messages of Throwable.initCause, the index exceptions' int constructors, AssertionError(Object), Optional.get. */
public class DiffThrowableMessages {
    static void show(String what, Runnable r) {
        try {
            r.run();
            System.out.println(what + ": no exception");
        } catch (RuntimeException e) {
            System.out.println(what + ": " + e);
        }
    }

    public static void main(String[] args) {
        show("initCause twice", () -> new RuntimeException("x", new Error("first")).initCause(new Error("again")));
        show("initCause self", () -> {
            RuntimeException e = new RuntimeException("x");
            e.initCause(e);
        });
        System.out.println(new StringIndexOutOfBoundsException(3).getMessage());
        System.out.println(new ArrayIndexOutOfBoundsException(-1).getMessage());
        Throwable cause = new IllegalStateException("inner");
        System.out.println("AssertionError cause: " + (new AssertionError((Object) cause).getCause() == cause));
        show("Optional.get", () -> Optional.empty().get());
        show("Optional.orElseThrow", () -> Optional.empty().orElseThrow());
        show("OptionalInt.getAsInt", () -> OptionalInt.empty().getAsInt());
        System.out.println("end of DiffThrowableMessages");
    }
}
