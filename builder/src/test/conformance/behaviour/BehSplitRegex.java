import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** String.split with the JDK 8+ rules (no leading empty string before a zero-width match), limits, and common regex use. */
public class BehSplitRegex {
    static void show(String[] parts) {
        System.out.println(parts.length + " " + Arrays.toString(parts));
    }

    public static void main(String[] args) {
        show("123".split(""));
        show("".split(""));
        show("".split(","));
        show("a,b,,c,,".split(","));
        show("a,b,,c,,".split(",", -1));
        show("a,b,,c,,".split(",", 2));
        show("a,b,,c,,".split(",", 1));
        show(",a,b".split(","));
        show(" a  b ".split("\\s+"));
        show(" a  b ".trim().split("\\s+"));
        show("a.b.c".split("\\."));
        show("a1b22c".split("(?=\\d)"));
        show("camelCaseString".split("(?=[A-Z])"));
        show("x--y--z".split("--", 0));
        show(Pattern.compile(",").split("1,2,3,,"));
        show(Pattern.compile("").split("abc", 2));
        show("no match here".split(";"));
        System.out.println(String.join("-", "a", "b", "c") + " " + String.join("/", java.util.List.of("x", "y")));
        System.out.println("ab".repeat(3) + "|" + "  x \u2003".strip() + "|" + " y ".stripLeading() + "|" + " y ".stripTrailing() + "|");
        System.out.println("hello".chars().mapToObj(c -> String.valueOf((char) c)).collect(Collectors.joining(",")));
        Matcher m = Pattern.compile("(?<year>\\d{4})-(\\d{2})").matcher("on 2024-05 and 1999-12");
        while (m.find()) {
            System.out.println(m.group() + " " + m.group("year") + " " + m.group(2) + " " + m.start() + "-" + m.end());
        }
        System.out.println("John Smith".replaceAll("(\\w+) (\\w+)", "$2, $1"));
        System.out.println("foobar foobaz".replaceAll("foo(?=baz)", "X"));
        System.out.println("aaa".replaceFirst("a", "b") + " " + "a.b".replace(".", "$"));
        System.out.println("a1b2".matches("[a-z]\\d[a-z]\\d") + " " + Pattern.matches("x*", "") + " " + "AbC".matches("(?i)abc"));
    }
}
