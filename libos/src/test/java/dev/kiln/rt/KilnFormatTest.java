package dev.kiln.rt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Formatter;
import java.util.IllegalFormatException;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * dev.kiln.rt.KilnFormat (the Formatter that native images use instead of TeaVM's) against the
 * JDK's own Formatter, on HotSpot: it is plain Java. The conformance suite checks it again
 * inside a unikernel.
 */
class KilnFormatTest {
    static String kiln(String format, Object... args) throws Throwable {
        StringBuilder out = new StringBuilder();
        KilnFormat.write(new Formatter(out), out, Locale.US, format, args);
        return out.toString();
    }

    static void same(String format, Object... args) throws Throwable {
        assertEquals(String.format(Locale.US, format, args), kiln(format, args), format);
    }

    @Test
    void integers() throws Throwable {
        same("%d|%5d|%-5d|%05d|%,d|%+d|% d|%(d", 42, 42, 42, 42, 1234567, 7, 5, -12);
        same("%x|%X|%o|%08x|%#x|%#o|%x|%x", 255, 255, 8, 48879, 255, 8, -1, -1L);
        same("%d %x %o", Long.MIN_VALUE, (byte) -1, (short) -2);
        same("%d|%x|%,d|%+d", new BigInteger("-123456789012345678901234567890"), new BigInteger("-255"),
                new BigInteger("1234567"), BigInteger.TEN);
        same("%,d %,d %,d", 0, -1000, 999);
    }

    @Test
    void floatingPoint() throws Throwable {
        same("%.2f|%10.3f|%-10.1f|%e|%.3e|%g", 3.14159, 2.71828, 1.0, 12345.678, 0.000123, 0.5);
        same("%.0f %.1f %.2f %.3f", 0.5, 0.25, 1.005, 2.0005);
        same("%08.3f|%,.2f|%+.1f|%(.2f|% .3f", -3.5, 1234567.891, 2.25, -7.125, 1.0);
        same("%f %e %g %.0e %#.0f %#.0e", 0.0, 0.0, 0.0, 9.5, 3.0, 3.0);
        same("%g %g %g %g %g %.3g %G", 1e-5, 1e-4, 123456.0, 1234567.0, 99.99995, 0.0001234, 1e10);
        same("%f %e %f", -0.0, Double.MIN_VALUE, Double.MAX_VALUE);
        same("%f %e %10f %+f", Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1.0 / 0);
        same("%.10f %e", 0.1f, 1.1f);
        same("%.3f %e %g", new BigDecimal("123.4565"), new BigDecimal("-0.000012345"), new BigDecimal("1E+3"));
        same("%.20f %.15e", 0.1, 1.0 / 3);
        same("%a %A", 1.0, -0.5);
    }

    @Test
    void generalAndCharacters() throws Throwable {
        same("%s|%10s|%-10s|%.3s|%S", "kiln", "kiln", "kiln", "kilnkiln", "kiln");
        same("%b %B %b %b %h %H", null, true, "x", false, "hi", "hi");
        same("%c|%C|%c|%c|%-3c|", 'k', 'k', 0x1F600, (byte) 65, 'x');
        same("%s %s %s", null, java.util.List.of(1, 2), new int[0].length);
    }

    @Test
    void indicesPercentAndNewline() throws Throwable {
        same("%2$s %1$s %<s %s %s", "world", "hello");
        same("%%|%5%|%-5%|%n", new Object[0]);
        same("no specifiers at all", new Object[0]);
        same("%s and %<s and %1$s", "x");
    }

    @Test
    void errorsAsTheJdk() {
        assertThrows(IllegalFormatException.class, () -> kiln("%q", 1));
        assertThrows(IllegalFormatException.class, () -> kiln("%d", "string"));
        assertThrows(IllegalFormatException.class, () -> kiln("%-d", 1));
        assertThrows(IllegalFormatException.class, () -> kiln("%.2d", 1));
        assertThrows(IllegalFormatException.class, () -> kiln("%+ d", 1));
        assertThrows(IllegalFormatException.class, () -> kiln("%--5d", 1));
        assertThrows(IllegalFormatException.class, () -> kiln("%#s", "x"));
        assertThrows(IllegalArgumentException.class, () -> kiln("%s %s", "only one"));
    }
}
