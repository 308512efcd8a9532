import java.util.*;
import java.util.regex.*;
import java.util.stream.*;

/** java.util.regex: numbered and named groups, replaceAll with $1, functional replacement, appendReplacement, lookaround, backreferences, greedy vs reluctant, region and find(int). */
public class LibRegexGroups {
    public static void main(String[] args) {
        Pattern date = Pattern.compile("(?<year>\\d{4})-(?<month>\\d{2})-(?<day>\\d{2})");
        Matcher m = date.matcher("from 2024-02-29 to 2025-12-01, not 99-1-1");
        while (m.find()) {
            System.out.println(m.group() + " at " + m.start() + "-" + m.end() + " year=" + m.group("year") + " month=" + m.group(2) + " day start=" + m.start("day") + " groups=" + m.groupCount());
        }
        System.out.println(date.matcher("2024-02-29 and 2025-12-01").replaceAll("$3/$2/$1"));
        System.out.println("a1b22c333".replaceAll("(\\d+)", "<$1>") + " " + "a.b.c".replaceFirst("\\.", "\\$") + " " + "x".replaceAll("x", Matcher.quoteReplacement("$1\\")));
        System.out.println(Pattern.compile("\\b(\\w)(\\w*)").matcher("the quick brown fox").replaceAll(r -> r.group(1).toUpperCase() + r.group(2)));
        Matcher am = Pattern.compile("(\\d+)").matcher("3 apples and 12 pears");
        StringBuilder sb = new StringBuilder();
        while (am.find()) {
            am.appendReplacement(sb, String.valueOf(Integer.parseInt(am.group(1)) * 2));
        }
        am.appendTail(sb);
        System.out.println(sb);
        System.out.println("lookahead " + find("(?=(\\d{3}))", "12345") + " lookbehind " + find("(?<=\\$)\\d+", "cost $40 or $7") + " negative " + find("\\b\\w+\\b(?!\\()", "f(x) g y(z)")
                + " neg-behind " + find("(?<!-)\\b\\d+", "-5 6 -7 8"));
        System.out.println("backref " + find("(\\w)\\1", "bookkeeper") + " " + "abcabc xyzxy".matches("(\\w+)\\1 .*") + " named backref " + find("(?<c>[a-z])\\k<c>", "aabbcd"));
        System.out.println("greedy " + find("<.+>", "<a><b>") + " reluctant " + find("<.+?>", "<a><b>") + " possessive " + "aaa".matches("a*+a"));
        Matcher rm = Pattern.compile("\\d").matcher("1a2b3c4");
        rm.region(2, 5);
        System.out.println("region " + find(rm) + " lookingAt " + Pattern.compile("\\d+").matcher("123abc").lookingAt() + " matches " + Pattern.compile("\\d+").matcher("123abc").matches()
                + " hitEnd " + hitEnd());
        Matcher fm = Pattern.compile("o").matcher("foo boo");
        System.out.println("find(3) " + fm.find(3) + " at " + fm.start() + " reset " + fm.reset().find() + " at " + fm.start());
        System.out.println("results " + Pattern.compile("[aeiou]").matcher("education").results().map(MatchResult::group).collect(Collectors.joining()) + " count "
                + Pattern.compile("\\s+").matcher(" a  b   c ").results().count() + " asPredicate " + Stream.of("a1", "bb", "c3").filter(Pattern.compile("\\d").asPredicate()).toList()
                + " asMatchPredicate " + Stream.of("12", "1a").filter(Pattern.compile("\\d+").asMatchPredicate()).toList());
        Matcher opt = Pattern.compile("(a)?(b)").matcher("b");
        opt.matches();
        System.out.println("unmatched group " + opt.group(1) + " start " + opt.start(1) + " toMatchResult " + opt.toMatchResult().group(2) + " pattern " + opt.pattern());
        try {
            opt.group(3);
        } catch (IndexOutOfBoundsException e) {
            System.out.println("group(3): " + e.getMessage());
        }
        try {
            Pattern.compile("x").matcher("y").group();
        } catch (IllegalStateException e) {
            System.out.println("no match: " + e.getMessage());
        }
        try {
            "a".replaceAll("a", "$2");
        } catch (IndexOutOfBoundsException e) {
            System.out.println("$2: " + e.getMessage());
        }
        String csv = "name=\"Smith, J\",age=42,city=\"New York\"";
        Matcher kv = Pattern.compile("(\\w+)=(\"[^\"]*\"|[^,]*)").matcher(csv);
        Map<String, String> map = new LinkedHashMap<>();
        while (kv.find()) {
            map.put(kv.group(1), kv.group(2).replace("\"", ""));
        }
        System.out.println(map);
    }

    static String find(String regex, String input) {
        return find(Pattern.compile(regex).matcher(input));
    }

    static String find(Matcher m) {
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.groupCount() > 0 && m.group(1) != null ? m.group(1) : m.group());
        }
        return out.toString();
    }

    static boolean hitEnd() {
        Matcher m = Pattern.compile("abc").matcher("ab");
        m.find();
        return m.hitEnd();
    }
}
