package dev.kiln.rt;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * String.split and Pattern.split with the JDK 8+ rules (the builder redirects calls here, see
 * CallRedirects): TeaVM's keep the empty string before a zero-width match at the start of the
 * input ("123".split("") was [, 1, 2, 3]; the JDK gives [1, 2, 3]). As the Javadoc says: the
 * parts are the input between matches; a zero-width match at the very beginning makes no leading
 * empty part (a match of positive width there does); no match at all gives the input itself;
 * limit &gt; 0 gives at most limit parts, the last one the rest of the input; limit 0 drops the
 * trailing empty parts; a negative limit keeps them.
 */
public final class KilnSplit {
    private KilnSplit() {
    }

    public static String[] split(String s, String regex) {
        return split(Pattern.compile(regex), s, 0);
    }

    public static String[] split(String s, String regex, int limit) {
        return split(Pattern.compile(regex), s, limit);
    }

    public static String[] split(Pattern pattern, CharSequence input) {
        return split(pattern, input, 0);
    }

    public static String[] split(Pattern pattern, CharSequence input, int limit) {
        String text = input.toString();
        List<String> parts = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        int from = 0;
        boolean matched = false;
        while ((limit <= 0 || parts.size() < limit - 1) && m.find()) {
            if (m.end() == 0) {
                continue; // a zero-width match at the beginning: no leading empty part
            }
            parts.add(text.substring(from, m.start()));
            from = m.end();
            matched = true;
        }
        if (!matched) {
            return new String[] {text};
        }
        parts.add(text.substring(from));
        int size = parts.size();
        if (limit == 0) {
            while (size > 0 && parts.get(size - 1).isEmpty()) {
                size--;
            }
        }
        return parts.subList(0, size).toArray(new String[0]);
    }
}
