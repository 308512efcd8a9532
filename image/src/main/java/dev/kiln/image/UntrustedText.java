package dev.kiln.image;

/**
 * Text that came from an untrusted file (an image's manifest, an ELF section or symbol name)
 * made safe to show inside Kiln's one-line messages: a hostile image must not be able to put a
 * line break, an escape sequence or a bidi override into what a user reads.
 */
public final class UntrustedText {
    private UntrustedText() {}

    /**
     * {@code s} for an error message: quoted, at most 60 characters, {@link #printable}, so that
     * hostile text cannot break the one line a user reads.
     */
    public static String quote(String s) {
        return "\"" + printable(s.length() > 60 ? s.substring(0, 60) : s) + (s.length() > 60 ? "...\"" : "\"");
    }

    /** {@code s} with control and format characters (line breaks, escape sequences, bidi overrides) as \\uXXXX. */
    public static String printable(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int type = Character.getType(c);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                b.append(c).append(s.charAt(++i)); // a pair: one character beyond U+FFFF
            } else if (Character.isISOControl(c) || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
