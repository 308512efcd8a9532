package dev.kiln.rt;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.text.DecimalFormatSymbols;
import java.util.FormatFlagsConversionMismatchException;
import java.util.Formattable;
import java.util.Formatter;
import java.util.IllegalFormatCodePointException;
import java.util.IllegalFormatConversionException;
import java.util.IllegalFormatFlagsException;
import java.util.IllegalFormatPrecisionException;
import java.util.Locale;
import java.util.MissingFormatWidthException;
import java.util.UnknownFormatConversionException;

/**
 * java.util.Formatter's format strings, as the JDK interprets them. TeaVM 0.12.3's Formatter
 * knows only b, h, s, c, d, o, x and f, rejects %%, %n, %e and %g, and rounds %f half-even
 * ("%.0f" of 0.5 is "0"; the JDK rounds the shortest decimal form of the double half-up: "1").
 * The builder replaces the body of TeaVM's Formatter$FormatWriter.write with {@link #write};
 * TeaVM's Formatter keeps its constructors, its output and its IOException handling.
 *
 * <p>Conversions: b B h H s S c C d o x X e E f g G a A % n, with argument indices ({@code 2$},
 * {@code <}), the flags {@code -#+ 0,(}, width and precision. Date and time conversions (t, T) are
 * not supported (UnknownFormatConversionException). A missing argument: see {@link #missingArgument}.
 */
public final class KilnFormat {
    private static final int LEFT = 1;
    private static final int ALTERNATE = 2;
    private static final int PLUS = 4;
    private static final int SPACE = 8;
    private static final int ZERO = 16;
    private static final int GROUP = 32;
    private static final int PAREN = 64;
    private static final int PREVIOUS = 128;
    private static final String FLAG_CHARS = "-#+ 0,(<";

    private final Formatter formatter;
    private final Appendable out;
    private final Locale locale;
    private final String format;
    private final Object[] args;
    private int pos;
    private int ordinary;
    private int last = -1;
    // the specifier being formatted
    private int flags;
    private int width;
    private int precision;
    private char conversion;
    private boolean upper;
    private String spec;

    private KilnFormat(Formatter formatter, Appendable out, Locale locale, String format, Object[] args) {
        this.formatter = formatter;
        this.out = out;
        this.locale = locale;
        this.format = format;
        this.args = args != null ? args : new Object[] {null};
    }

    /** Formats {@code args} by {@code format} into {@code out}; what Formatter.format does. */
    public static void write(Formatter formatter, Appendable out, Locale locale, String format, Object[] args)
            throws IOException {
        new KilnFormat(formatter, out, locale, format, args).run();
    }

    private void run() throws IOException {
        while (pos < format.length()) {
            int next = format.indexOf('%', pos);
            if (next < 0) {
                out.append(format, pos, format.length());
                return;
            }
            out.append(format, pos, next);
            pos = next + 1;
            parseSpecifier(next);
            formatOne();
        }
    }

    private void parseSpecifier(int start) {
        int explicitIndex = -1;
        int digits = skipDigits(pos);
        if (digits > pos && digits < format.length() && format.charAt(digits) == '$') {
            explicitIndex = parseInt(pos, digits);
            pos = digits + 1;
        }
        flags = 0;
        while (pos < format.length() && FLAG_CHARS.indexOf(format.charAt(pos)) >= 0) {
            int f = 1 << FLAG_CHARS.indexOf(format.charAt(pos));
            if ((flags & f) != 0) {
                throw new java.util.DuplicateFormatFlagsException(String.valueOf(format.charAt(pos)));
            }
            flags |= f;
            pos++;
        }
        width = -1;
        digits = skipDigits(pos);
        if (digits > pos) {
            width = parseInt(pos, digits);
            pos = digits;
        }
        precision = -1;
        if (pos < format.length() && format.charAt(pos) == '.') {
            digits = skipDigits(pos + 1);
            if (digits == pos + 1) {
                throw new UnknownFormatConversionException(".");
            }
            precision = parseInt(pos + 1, digits);
            pos = digits;
        }
        if (pos >= format.length()) {
            throw new UnknownFormatConversionException("%");
        }
        conversion = format.charAt(pos++);
        if (conversion == 't' || conversion == 'T') {
            throw new UnknownFormatConversionException(String.valueOf(conversion));
        }
        spec = format.substring(start, pos);
        upper = Character.isUpperCase(conversion);
        if (conversion == '%' || conversion == 'n') {
            return;
        }
        if ((flags & PREVIOUS) != 0) {
            if (last < 0) {
                throw missingArgument();
            }
        } else if (explicitIndex > 0) {
            last = explicitIndex - 1;
        } else if (explicitIndex == 0) {
            throw new UnknownFormatConversionException(spec);
        } else {
            last = ordinary++;
        }
    }

    private int skipDigits(int from) {
        int i = from;
        while (i < format.length() && format.charAt(i) >= '0' && format.charAt(i) <= '9') {
            i++;
        }
        return i;
    }

    private int parseInt(int from, int to) {
        long v = 0;
        for (int i = from; i < to; i++) {
            v = v * 10 + (format.charAt(i) - '0');
            if (v > Integer.MAX_VALUE) {
                throw new UnknownFormatConversionException(format.substring(from, to));
            }
        }
        return (int) v;
    }

    /**
     * TeaVM 0.12.3's class library has no MissingFormatArgumentException (and IllegalFormatException
     * cannot be subclassed from here): the JDK's message in an IllegalArgumentException, its superclass.
     */
    private RuntimeException missingArgument() {
        return new IllegalArgumentException("Format specifier '" + spec + "'");
    }

    private Object arg() {
        if (last >= args.length) {
            throw missingArgument();
        }
        return args[last];
    }

    private void formatOne() throws IOException {
        switch (conversion) {
            case '%' -> {
                checkFlags(LEFT);
                if (precision >= 0) {
                    throw new IllegalFormatPrecisionException(precision);
                }
                pad("%");
            }
            case 'n' -> {
                if (flags != 0 || width >= 0 || precision >= 0) {
                    throw new IllegalFormatFlagsException(spec);
                }
                out.append('\n');
            }
            case 'b', 'B' -> general(Boolean.toString(arg() instanceof Boolean b ? b.booleanValue() : arg() != null));
            case 'h', 'H' -> general(arg() == null ? "null" : Integer.toHexString(arg().hashCode()));
            case 's', 'S' -> string();
            case 'c', 'C' -> character();
            case 'd' -> integer(10);
            case 'o' -> integer(8);
            case 'x', 'X' -> integer(16);
            case 'e', 'E', 'f', 'g', 'G' -> floating();
            case 'a', 'A' -> hexFloat();
            default -> throw new UnknownFormatConversionException(String.valueOf(conversion));
        }
    }

    private void checkFlags(int allowed) {
        int bad = flags & ~allowed & ~PREVIOUS;
        if (bad != 0) {
            throw new FormatFlagsConversionMismatchException(flagString(bad), conversion);
        }
        if ((flags & LEFT) != 0 && width < 0) {
            throw new MissingFormatWidthException(spec);
        }
    }

    private static String flagString(int bits) {
        int bit = Integer.numberOfTrailingZeros(bits);
        return String.valueOf(FLAG_CHARS.charAt(bit));
    }

    private void general(String s) throws IOException {
        checkFlags(LEFT | ALTERNATE);
        if ((flags & ALTERNATE) != 0) {
            throw new FormatFlagsConversionMismatchException("#", conversion);
        }
        pad(precise(s));
    }

    private String precise(String s) {
        return precision >= 0 && precision < s.length() ? s.substring(0, precision) : s;
    }

    private void string() throws IOException {
        Object a = arg();
        if (a instanceof Formattable f) {
            checkFlags(LEFT | ALTERNATE);
            int fl = ((flags & LEFT) != 0 ? 1 : 0) | (upper ? 2 : 0) | ((flags & ALTERNATE) != 0 ? 4 : 0);
            f.formatTo(formatter, fl, width, precision);
            return;
        }
        checkFlags(LEFT);
        pad(precise(String.valueOf(a)));
    }

    private void character() throws IOException {
        checkFlags(LEFT);
        if (precision >= 0) {
            throw new IllegalFormatPrecisionException(precision);
        }
        Object a = arg();
        String s;
        if (a == null) {
            s = "null";
        } else if (a instanceof Character c) {
            s = String.valueOf(c.charValue());
        } else if (a instanceof Byte || a instanceof Short || a instanceof Integer) {
            int cp = ((Number) a).intValue();
            if (a instanceof Byte b) {
                cp = b & 0xff;
            }
            if (!Character.isValidCodePoint(cp)) {
                throw new IllegalFormatCodePointException(cp);
            }
            s = new String(Character.toChars(cp));
        } else {
            throw new IllegalFormatConversionException(conversion, a.getClass());
        }
        pad(s);
    }

    private void integer(int radix) throws IOException {
        if (precision >= 0) {
            throw new IllegalFormatPrecisionException(precision);
        }
        Object a = arg();
        if (a == null) {
            checkFlags(LEFT);
            pad("null");
            return;
        }
        BigInteger value;
        int bits;
        if (a instanceof Integer || a instanceof Long || a instanceof Short || a instanceof Byte) {
            value = BigInteger.valueOf(((Number) a).longValue());
            bits = a instanceof Integer ? 32 : a instanceof Long ? 64 : a instanceof Short ? 16 : 8;
        } else if (a instanceof BigInteger b) {
            value = b;
            bits = 0;
        } else {
            throw new IllegalFormatConversionException(conversion, a.getClass());
        }
        if (radix == 10) {
            checkFlags(LEFT | PLUS | SPACE | ZERO | GROUP | PAREN);
            checkSigns();
            String digits = value.abs().toString();
            number(value.signum() < 0, group(digits), "");
            return;
        }
        boolean bigInteger = bits == 0;
        checkFlags(LEFT | ALTERNATE | ZERO | (bigInteger ? PLUS | SPACE | PAREN : 0));
        checkSigns();
        boolean negative = false;
        String digits;
        if (bigInteger) {
            negative = value.signum() < 0;
            digits = value.abs().toString(radix);
        } else {
            // Formatter prints int/long/short/byte in hex and octal as unsigned two's complement
            BigInteger unsigned = value.signum() < 0 ? value.add(BigInteger.ONE.shiftLeft(bits)) : value;
            digits = unsigned.toString(radix);
        }
        String prefix = (flags & ALTERNATE) == 0 ? "" : radix == 16 ? "0x" : "0";
        number(negative, digits, prefix);
    }

    private void checkSigns() {
        if ((flags & PLUS) != 0 && (flags & SPACE) != 0) {
            throw new IllegalFormatFlagsException(flagsText());
        }
        if ((flags & LEFT) != 0 && (flags & ZERO) != 0) {
            throw new IllegalFormatFlagsException(flagsText());
        }
        if ((flags & ZERO) != 0 && width < 0) {
            throw new MissingFormatWidthException(spec);
        }
    }

    private String flagsText() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 7; i++) {
            if ((flags & (1 << i)) != 0) {
                sb.append(FLAG_CHARS.charAt(i));
            }
        }
        return sb.toString();
    }

    /** Sign, parentheses, prefix and zero padding around the digits of a number, then the width. */
    private void number(boolean negative, String digits, String prefix) throws IOException {
        StringBuilder sb = new StringBuilder();
        if (negative) {
            sb.append((flags & PAREN) != 0 ? '(' : '-');
        } else if ((flags & PLUS) != 0) {
            sb.append('+');
        } else if ((flags & SPACE) != 0) {
            sb.append(' ');
        }
        sb.append(prefix);
        int tail = negative && (flags & PAREN) != 0 ? 1 : 0;
        if ((flags & ZERO) != 0) {
            for (int n = sb.length() + digits.length() + tail; n < width; n++) {
                sb.append('0');
            }
        }
        sb.append(digits);
        if (tail != 0) {
            sb.append(')');
        }
        pad(sb.toString());
    }

    private String group(String intDigits) {
        if ((flags & GROUP) == 0) {
            return intDigits;
        }
        char separator = locale == null ? ',' : new DecimalFormatSymbols(locale).getGroupingSeparator();
        StringBuilder sb = new StringBuilder();
        int first = intDigits.length() % 3;
        if (first == 0) {
            first = 3;
        }
        sb.append(intDigits, 0, Math.min(first, intDigits.length()));
        for (int i = first; i < intDigits.length(); i += 3) {
            sb.append(separator).append(intDigits, i, i + 3);
        }
        return sb.toString();
    }

    private char decimalSeparator() {
        return locale == null ? '.' : new DecimalFormatSymbols(locale).getDecimalSeparator();
    }

    // ---- floating point: the JDK rounds the shortest decimal representation half-up ----

    private void floating() throws IOException {
        Object a = arg();
        if (a == null) {
            checkFlags(LEFT);
            pad("null");
            return;
        }
        boolean general = conversion == 'g' || conversion == 'G';
        boolean scientific = conversion == 'e' || conversion == 'E';
        checkFlags(LEFT | PLUS | SPACE | ZERO | PAREN | (general ? GROUP : scientific ? ALTERNATE : ALTERNATE | GROUP));
        checkSigns();
        Decimal d;
        boolean negative;
        if (a instanceof Double || a instanceof Float) {
            // the JDK formats a float as the double it widens to (0.1f is 0.10000000149...)
            double v = ((Number) a).doubleValue();
            if (Double.isNaN(v) || Double.isInfinite(v)) {
                boolean neg = v < 0;
                String s = Double.isNaN(v) ? "NaN" : "Infinity";
                StringBuilder sb = new StringBuilder();
                if (neg) {
                    sb.append((flags & PAREN) != 0 ? "(" : "-");
                } else if (!Double.isNaN(v) && (flags & PLUS) != 0) {
                    sb.append('+');
                } else if (!Double.isNaN(v) && (flags & SPACE) != 0) {
                    sb.append(' ');
                }
                sb.append(s);
                if (neg && (flags & PAREN) != 0) {
                    sb.append(')');
                }
                pad(sb.toString());
                return;
            }
            negative = (Double.doubleToRawLongBits(v) < 0);
            d = Decimal.parse(Double.toString(Math.abs(v)));
        } else if (a instanceof BigDecimal b) {
            negative = b.signum() < 0;
            String unscaled = b.unscaledValue().abs().toString();
            d = Decimal.of(unscaled, unscaled.length() - b.scale());
        } else {
            throw new IllegalFormatConversionException(conversion, a.getClass());
        }
        int prec = precision < 0 ? 6 : precision;
        String body;
        if (scientific) {
            body = scientific(d, prec);
        } else if (conversion == 'f') {
            body = fixed(d, prec);
        } else {
            if (prec == 0) {
                prec = 1;
            }
            Decimal r = d.round(prec);
            if (r.isZero()) {
                body = fixed(d, prec - 1);
            } else {
                int e = r.exponent - 1; // value = d.ddd x 10^e
                if (e >= -4 && e < prec) {
                    body = fixed(d, prec - 1 - e);
                } else {
                    body = scientific(d, prec - 1);
                }
            }
        }
        number(negative, body, "");
    }

    private String fixed(Decimal d, int prec) {
        Decimal r = d.round(d.exponent + prec);
        StringBuilder intPart = new StringBuilder();
        for (int i = 0; i < r.exponent; i++) {
            intPart.append(r.digit(i));
        }
        if (intPart.isEmpty()) {
            intPart.append('0');
        }
        StringBuilder sb = new StringBuilder(group(intPart.toString()));
        if (prec > 0 || (flags & ALTERNATE) != 0) {
            sb.append(decimalSeparator());
        }
        for (int i = 0; i < prec; i++) {
            sb.append(r.digit(r.exponent + i));
        }
        return sb.toString();
    }

    private String scientific(Decimal d, int prec) {
        Decimal r = d.round(prec + 1);
        int e = r.isZero() ? 0 : r.exponent - 1;
        StringBuilder sb = new StringBuilder();
        sb.append(r.digit(0));
        if (prec > 0 || (flags & ALTERNATE) != 0) {
            sb.append(decimalSeparator());
        }
        for (int i = 1; i <= prec; i++) {
            sb.append(r.digit(i));
        }
        sb.append(upper ? 'E' : 'e').append(e < 0 ? '-' : '+');
        int abs = Math.abs(e);
        if (abs < 10) {
            sb.append('0');
        }
        sb.append(abs);
        return sb.toString();
    }

    private void hexFloat() throws IOException {
        checkFlags(LEFT | PLUS | SPACE | ZERO);
        Object a = arg();
        if (!(a instanceof Double) && !(a instanceof Float)) {
            if (a == null) {
                pad("null");
                return;
            }
            throw new IllegalFormatConversionException(conversion, a.getClass());
        }
        if (precision >= 0) {
            throw new IllegalFormatPrecisionException(precision);
        }
        double v = ((Number) a).doubleValue();
        String s = Double.toHexString(Math.abs(v));
        if (Double.isNaN(v)) {
            pad("NaN");
            return;
        }
        number(Double.doubleToRawLongBits(v) < 0, s.startsWith("0x") ? s.substring(2) : s, "0x");
    }

    /** Justifies to the width, upper-casing for the upper-case conversions. */
    private void pad(String s) throws IOException {
        if (upper) {
            s = s.toUpperCase(locale != null ? locale : Locale.ROOT);
        }
        int fill = width - s.length();
        if ((flags & LEFT) == 0) {
            for (int i = 0; i < fill; i++) {
                out.append(' ');
            }
        }
        out.append(s);
        if ((flags & LEFT) != 0) {
            for (int i = 0; i < fill; i++) {
                out.append(' ');
            }
        }
    }

    /** A non-negative decimal 0.DIGITS x 10^exponent; no digits is zero. */
    private static final class Decimal {
        final String digits;
        final int exponent;

        private Decimal(String digits, int exponent) {
            this.digits = digits;
            this.exponent = exponent;
        }

        static Decimal of(String digits, int exponent) {
            int lead = 0;
            while (lead < digits.length() && digits.charAt(lead) == '0') {
                lead++;
            }
            int end = digits.length();
            while (end > lead && digits.charAt(end - 1) == '0') {
                end--;
            }
            return new Decimal(digits.substring(lead, end), lead == end ? 0 : exponent - lead);
        }

        /** Double.toString's or Float.toString's output: "123.45" or "1.2345E-7". */
        static Decimal parse(String s) {
            int e = s.indexOf('E');
            int exp = 0;
            String mantissa = s;
            if (e >= 0) {
                exp = Integer.parseInt(s.substring(e + 1));
                mantissa = s.substring(0, e);
            }
            int dot = mantissa.indexOf('.');
            String digits = dot < 0 ? mantissa : mantissa.substring(0, dot) + mantissa.substring(dot + 1);
            int intDigits = dot < 0 ? mantissa.length() : dot;
            return of(digits, intDigits + exp);
        }

        boolean isZero() {
            return digits.isEmpty();
        }

        char digit(int i) {
            return i >= 0 && i < digits.length() ? digits.charAt(i) : '0';
        }

        /** Rounded half-up to {@code keep} significant digits (keep <= 0: to a power of ten or zero). */
        Decimal round(int keep) {
            if (keep >= digits.length()) {
                return this;
            }
            if (keep < 0) {
                return new Decimal("", 0);
            }
            boolean up = digits.charAt(keep) >= '5';
            if (!up) {
                return of(digits.substring(0, keep), exponent);
            }
            char[] d = digits.substring(0, keep).toCharArray();
            int i = d.length - 1;
            while (i >= 0 && d[i] == '9') {
                d[i] = '0';
                i--;
            }
            if (i < 0) {
                return of("1" + new String(d), exponent + 1);
            }
            d[i]++;
            return of(new String(d), exponent);
        }
    }
}
