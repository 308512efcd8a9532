package dev.kiln.image;

/**
 * Text that came from an untrusted file (an image's manifest, an ELF section or symbol name)
 * made safe to show inside Kiln's one-line messages: a hostile image must not be able to put a
 * line break, an escape sequence or a bidi override into what a user reads.
 */
public final class UntrustedText {
    private UntrustedText() {}

    /** How many characters a quoted text may show, escapes included. */
    static final int MAX_QUOTED = 60;

    /**
     * {@code s} for an error message: quoted and {@link #printable}, cut to {@value #MAX_QUOTED}
     * characters of what is shown (an escape counts as its six), so that hostile text can
     * neither break the one line a user reads nor make it long: a name of sixty control
     * characters would otherwise show as 360.
     */
    public static String quote(String s) {
        String shown = printable(s);
        if (shown.length() <= MAX_QUOTED) return "\"" + shown + "\"";
        int end = MAX_QUOTED;
        int escape = shown.lastIndexOf("\\u", end - 1);
        if (escape >= 0 && escape + 6 > end) end = escape; // not half an escape
        if (Character.isHighSurrogate(shown.charAt(end - 1))) end--; // not half a character
        return "\"" + shown.substring(0, end) + "...\"";
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
