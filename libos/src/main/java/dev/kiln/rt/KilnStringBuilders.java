package dev.kiln.rt;

/**
 * StringBuilder and StringBuffer methods whose TeaVM versions differ from the JDK (the builder's
 * ApiAdditions replaces their bodies with calls of these): TeaVM's setLength only moves the end,
 * so a builder grown again shows its old characters (and one set past its capacity reads past its
 * array); append of a null CharSequence threw NullPointerException where the JDK appends "null".
 */
public final class KilnStringBuilders {
    private KilnStringBuilders() {
    }

    public static void setLength(StringBuilder sb, int newLength) {
        if (newLength < 0) {
            throw new StringIndexOutOfBoundsException(newLength);
        }
        int length = sb.length();
        if (newLength < length) {
            sb.delete(newLength, length);
        } else {
            sb.ensureCapacity(newLength);
            for (int i = length; i < newLength; i++) {
                sb.append('\0');
            }
        }
    }

    public static void setLength(StringBuffer sb, int newLength) {
        if (newLength < 0) {
            throw new StringIndexOutOfBoundsException(newLength);
        }
        int length = sb.length();
        if (newLength < length) {
            sb.delete(newLength, length);
        } else {
            sb.ensureCapacity(newLength);
            for (int i = length; i < newLength; i++) {
                sb.append('\0');
            }
        }
    }

    public static StringBuilder append(StringBuilder sb, CharSequence s) {
        return s == null ? sb.append("null") : sb.append(s, 0, s.length());
    }

    public static StringBuffer append(StringBuffer sb, CharSequence s) {
        return s == null ? sb.append("null") : sb.append(s, 0, s.length());
    }

    /** String.join: a null element is "null", as StringJoiner and the JDK's join make it. */
    public static String join(CharSequence delimiter, CharSequence... elements) {
        return join(delimiter, java.util.Arrays.asList(elements));
    }

    public static String join(CharSequence delimiter, Iterable<? extends CharSequence> elements) {
        java.util.Objects.requireNonNull(delimiter);
        java.util.Objects.requireNonNull(elements);
        StringBuilder b = new StringBuilder();
        boolean first = true;
        for (CharSequence e : elements) {
            if (!first) {
                b.append(delimiter);
            }
            b.append(String.valueOf(e));
            first = false;
        }
        return b.toString();
    }
}
