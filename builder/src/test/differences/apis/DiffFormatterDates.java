import java.util.Date;

/** Formatter: no %t conversions in an image, and a missing argument is another exception. */
public class DiffFormatterDates {
    static void show(String what, java.util.function.Supplier<String> s) {
        try {
            System.out.println(what + ": " + s.get());
        } catch (RuntimeException e) {
            System.out.println(what + ": " + e.getClass().getName() + ": " + e.getMessage());
        }
    }

    public static void main(String[] args) {
        show("%tY", () -> String.format("%tY", new Date(0)));
        show("missing argument", () -> String.format("%s and %s", "one"));
        System.out.println("end of DiffFormatterDates");
    }
}
