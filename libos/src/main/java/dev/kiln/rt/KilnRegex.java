package dev.kiln.rt;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Matcher and Pattern methods that TeaVM 0.16.0's class library lacks (the StringBuilder forms of
 * appendReplacement/appendTail from JDK 9, replaceAll/replaceFirst with a function, results(),
 * asPredicate, asMatchPredicate, splitAsStream, splitWithDelimiters), added to those classes by the
 * builder's ApiAdditions. Written from the JDK's Javadoc on top of TeaVM's StringBuffer forms.
 */
public final class KilnRegex {
    private KilnRegex() {
    }

    public static Matcher appendReplacement(Matcher m, StringBuilder sb, String replacement) {
        StringBuffer part = new StringBuffer();
        m.appendReplacement(part, replacement);
        sb.append(part);
        return m;
    }

    public static StringBuilder appendTail(Matcher m, StringBuilder sb) {
        StringBuffer part = new StringBuffer();
        m.appendTail(part);
        return sb.append(part);
    }

    /** The function sees the matcher at each match; what it returns is a replacement string ($n, \ escapes). */
    public static String replaceAll(Matcher m, Function<MatchResult, String> replacer) {
        m.reset();
        StringBuffer sb = new StringBuffer();
        while (m.find()) {
            m.appendReplacement(sb, replacer.apply(m));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    public static String replaceFirst(Matcher m, Function<MatchResult, String> replacer) {
        m.reset();
        StringBuffer sb = new StringBuffer();
        if (m.find()) {
            m.appendReplacement(sb, replacer.apply(m));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** The matches from the matcher's current state on, each a snapshot (toMatchResult). */
    public static Stream<MatchResult> results(Matcher m) {
        List<MatchResult> all = new ArrayList<>();
        while (m.find()) {
            all.add(m.toMatchResult());
        }
        return all.stream();
    }

    public static Predicate<String> asPredicate(Pattern p) {
        return s -> p.matcher(s).find();
    }

    public static Predicate<String> asMatchPredicate(Pattern p) {
        return s -> p.matcher(s).matches();
    }

    /** As split(input) (trailing empty strings dropped, no leading empty string for a zero-width match at 0). */
    public static Stream<String> splitAsStream(Pattern p, CharSequence input) {
        return Arrays.stream(KilnSplit.split(p, input));
    }

    public static String[] splitWithDelimiters(Pattern p, CharSequence input, int limit) {
        return KilnStringMethods.splitWithDelimiters(p, input.toString(), limit);
    }
}
