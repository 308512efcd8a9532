package dev.kiln.libos.classlib.java.util;

/**
 * java.util.StringJoiner in native images, which TeaVM's class library lacks (Collectors.joining
 * and String.join have their own code there). Written from the JDK's Javadoc: elements joined by
 * the delimiter between the prefix and the suffix; with no element added, the empty value if one
 * was set, else prefix and suffix alone; merge adds another joiner's content without its prefix and
 * suffix as one element. The null messages are HotSpot's.
 */
public final class TStringJoiner {
    private final String prefix;
    private final String delimiter;
    private final String suffix;
    private StringBuilder joined;
    private String emptyValue;

    public TStringJoiner(CharSequence delimiter) {
        this(delimiter, "", "");
    }

    public TStringJoiner(CharSequence delimiter, CharSequence prefix, CharSequence suffix) {
        this.delimiter = requireNonNull(delimiter, "The delimiter must not be null").toString();
        this.prefix = requireNonNull(prefix, "The prefix must not be null").toString();
        this.suffix = requireNonNull(suffix, "The suffix must not be null").toString();
    }

    private static CharSequence requireNonNull(CharSequence value, String message) {
        if (value == null) {
            throw new NullPointerException(message);
        }
        return value;
    }

    public TStringJoiner setEmptyValue(CharSequence emptyValue) {
        this.emptyValue = requireNonNull(emptyValue, "The empty value must not be null").toString();
        return this;
    }

    public TStringJoiner add(CharSequence element) {
        next().append(String.valueOf(element));
        return this;
    }

    /** The other joiner's elements, read before anything is appended: merging a joiner into itself doubles it. */
    public TStringJoiner merge(TStringJoiner other) {
        if (other == null) {
            throw new NullPointerException();
        }
        if (other.joined != null) {
            String content = other.joined.toString();
            next().append(content);
        }
        return this;
    }

    private StringBuilder next() {
        if (joined == null) {
            joined = new StringBuilder();
        } else {
            joined.append(delimiter);
        }
        return joined;
    }

    public int length() {
        if (joined == null && emptyValue != null) {
            return emptyValue.length();
        }
        return prefix.length() + (joined == null ? 0 : joined.length()) + suffix.length();
    }

    @Override
    public String toString() {
        if (joined == null && emptyValue != null) {
            return emptyValue;
        }
        return prefix + (joined == null ? "" : joined.toString()) + suffix;
    }
}
