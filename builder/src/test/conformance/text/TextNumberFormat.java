import java.text.*;
import java.util.*;

/** NumberFormat for Locale.US and DecimalFormat with explicit symbols: grouping, fraction digits, percent, integer rounding, parse with ParsePosition, and DecimalFormatSymbols. */
public class TextNumberFormat {
    public static void main(String[] args) throws Exception {
        NumberFormat nf = NumberFormat.getInstance(Locale.US);
        NumberFormat in = NumberFormat.getIntegerInstance(Locale.US);
        NumberFormat pct = NumberFormat.getPercentInstance(Locale.US);
        double[] values = {0, 1, -1.5, 1234.5678, 1234567.891, 0.125, 2.5, 3.5, -0.0005, 1e10};
        for (double v : values) {
            System.out.println(v + ": number=" + nf.format(v) + " integer=" + in.format(v) + " percent=" + pct.format(v));
        }
        nf.setMinimumFractionDigits(2);
        nf.setMaximumFractionDigits(4);
        nf.setGroupingUsed(false);
        System.out.println("2..4 digits no grouping: " + nf.format(1234567.1) + " " + nf.format(3) + " " + nf.format(1.23456789) + " " + nf.format(-42L));
        DecimalFormatSymbols sym = new DecimalFormatSymbols(Locale.US);
        sym.setDecimalSeparator(',');
        sym.setGroupingSeparator('.');
        DecimalFormat eu = new DecimalFormat("#,##0.00", sym);
        System.out.println("custom symbols " + eu.format(1234567.891) + " " + eu.format(-0.5) + " pattern " + eu.toPattern());
        DecimalFormat df = new DecimalFormat("000.###", DecimalFormatSymbols.getInstance(Locale.US));
        System.out.println("000.### " + df.format(3.14159) + " " + df.format(1234) + " " + df.format(0.0001));
        DecimalFormat sci = new DecimalFormat("0.00E0", DecimalFormatSymbols.getInstance(Locale.US));
        System.out.println("0.00E0 " + sci.format(12345) + " " + sci.format(0.00012345) + " " + sci.format(-1));
        DecimalFormat withText = new DecimalFormat("'#'#,##0;(#,##0)", DecimalFormatSymbols.getInstance(Locale.US));
        System.out.println("literal and negative subpattern " + withText.format(1234) + " " + withText.format(-1234));
        NumberFormat parser = NumberFormat.getInstance(Locale.US);
        System.out.println("parse " + parser.parse("1,234.5") + " " + parser.parse("-7") + " " + parser.parse("42abc") + " " + parser.parse("1e3"));
        ParsePosition pos = new ParsePosition(3);
        Number n = parser.parse("xx 99.5 rest", pos);
        System.out.println("ParsePosition " + n + " index=" + pos.getIndex() + " error=" + pos.getErrorIndex());
        System.out.println("symbols " + sym.getMinusSign() + " " + DecimalFormatSymbols.getInstance(Locale.US).getPercent() + " " + DecimalFormatSymbols.getInstance(Locale.US).getZeroDigit()
                + " " + DecimalFormatSymbols.getInstance(Locale.US).getExponentSeparator() + " " + DecimalFormatSymbols.getInstance(Locale.US).getInfinity());
    }
}
