import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** TeaVM's regex: no ${name} in a replacement, no \h, \R or \k<name>. */
public class DiffRegexSyntax {
    static void show(String what, java.util.function.Supplier<Object> s) {
        try {
            System.out.println(what + ": " + s.get());
        } catch (PatternSyntaxException e) {
            System.out.println(what + ": PatternSyntaxException");
        } catch (RuntimeException e) {
            System.out.println(what + ": " + e.getClass().getSimpleName());
        }
    }

    public static void main(String[] args) {
        show("${name}", () -> "2024-05".replaceAll("(?<year>\\d+)-(?<month>\\d+)", "${month}/${year}"));
        show("\\h", () -> Pattern.compile("a\\hb").matcher("a b").matches());
        show("\\R", () -> Pattern.compile("a\\Rb").matcher("a\r\nb").matches());
        show("\\k<name>", () -> Pattern.compile("(?<c>x)\\k<c>").matcher("xx").matches());
        System.out.println("end of DiffRegexSyntax");
    }
}
