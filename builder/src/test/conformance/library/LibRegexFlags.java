import java.util.*;
import java.util.regex.*;

/** Pattern flags (inline and compiled), quoting, character classes, split with limits, splitAsStream, anchors in MULTILINE, Unicode classes. */
public class LibRegexFlags {
    public static void main(String[] args) {
        String text = "First line\nsecond LINE\nthird Line end";
        System.out.println("CASE_INSENSITIVE " + all(Pattern.compile("line", Pattern.CASE_INSENSITIVE), text) + " inline " + all(Pattern.compile("(?i)LINE"), text));
        System.out.println("no MULTILINE " + all(Pattern.compile("^\\w+"), text) + " MULTILINE " + all(Pattern.compile("^\\w+", Pattern.MULTILINE), text) + " $ "
                + all(Pattern.compile("\\w+$", Pattern.MULTILINE), text));
        System.out.println("no DOTALL " + Pattern.compile("First.*end").matcher(text).find() + " DOTALL " + Pattern.compile("First.*end", Pattern.DOTALL).matcher(text).find() + " inline "
                + Pattern.compile("(?s)First.+end").matcher(text).find());
        Pattern comments = Pattern.compile("""
                (\\d{3})   # area
                [-.\\s]?    # separator
                (\\d{4})   # number
                """, Pattern.COMMENTS);
        Matcher cm = comments.matcher("call 555-1234 or 555 9876");
        while (cm.find()) {
            System.out.print(cm.group(1) + "/" + cm.group(2) + " ");
        }
        System.out.println("flags=" + comments.flags());
        System.out.println("LITERAL " + Pattern.compile("a.b*", Pattern.LITERAL).matcher("xa.b*y").find() + " " + Pattern.compile("a.b*", Pattern.LITERAL).matcher("aab").find()
                + " quote " + Pattern.quote("1+1=2?") + " " + "1+1=2? yes".split(Pattern.quote("+")).length + " " + Pattern.matches(Pattern.quote("[x]"), "[x]"));
        System.out.println("UNICODE_CASE " + Pattern.compile("\u00e9t\u00e9", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher("\u00c9T\u00c9").matches() + " without "
                + Pattern.compile("\u00e9t\u00e9", Pattern.CASE_INSENSITIVE).matcher("\u00c9T\u00c9").matches());
        System.out.println("classes " + all(Pattern.compile("[a-c[x-z]]+"), "abxyq") + all(Pattern.compile("[a-z&&[^aeiou]]+"), "rhythm and blues") + all(Pattern.compile("\\p{Upper}\\p{Lower}+"), "Hello World")
                + all(Pattern.compile("\\p{Punct}"), "a,b;c!") + all(Pattern.compile("[\\p{L}]+"), "na\u00efve caf\u00e9") + all(Pattern.compile("\\p{IsDigit}+"), "x12y3")
                + all(Pattern.compile("\\R"), "a\r\nb\nc").size());
        String csv = "a,b,,c,,";
        for (int limit : new int[] {0, -1, 1, 2, 3, 10}) {
            System.out.println("split limit " + limit + " " + Arrays.toString(csv.split(",", limit)) + " " + Arrays.toString(Pattern.compile(",").split(csv, limit)));
        }
        System.out.println("split regex " + Arrays.toString("one1two22three333four".split("\\d+")) + " " + Arrays.toString(" lead  and trail ".split("\\s+")) + " "
                + Arrays.toString("a:b::c".split(":", -1)) + " " + Arrays.toString("".split(",")) + " " + Arrays.toString(",".split(",")) + " " + Arrays.toString("abc".split("(?=b)")));
        System.out.println("splitAsStream " + Pattern.compile("\\s*;\\s*").splitAsStream("x ; y;z  ;").toList() + " splitWithDelimiters "
                + Arrays.toString(Pattern.compile("[+-]").splitWithDelimiters("1+2-3", 0)));
        System.out.println("boundaries " + all(Pattern.compile("\\bcat\\b"), "cat concat cat's scatter") + " " + all(Pattern.compile("\\Bcat"), "cat concat scatter") + " \\A\\z "
                + Pattern.compile("\\Aab\\z").matcher("ab").find() + " \\Z " + Pattern.compile("ab\\Z").matcher("ab\n").find());
        System.out.println("quantifiers " + all(Pattern.compile("a{2,3}"), "aaaaaaa") + all(Pattern.compile("(ab){2}"), "ababab") + all(Pattern.compile("x?y"), "yxyxxy")
                + " alternation " + all(Pattern.compile("cat|category"), "category") + " atomic " + Pattern.compile("(?>a+)b").matcher("aaab").matches());
        String[] bad = {"(unclosed", "[a-", "a{2,1}", "*a", "(?<1x>a)"};
        for (String b : bad) {
            try {
                Pattern.compile(b);
                System.out.println(b + " compiled");
            } catch (PatternSyntaxException e) {
                System.out.println(b + " -> PatternSyntaxException index=" + e.getIndex() + " pattern=" + e.getPattern());
            }
        }
    }

    static List<String> all(Pattern p, String s) {
        List<String> out = new ArrayList<>();
        Matcher m = p.matcher(s);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }
}
