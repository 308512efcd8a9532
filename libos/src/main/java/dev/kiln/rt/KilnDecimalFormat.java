package dev.kiln.rt;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.FieldPosition;

/**
 * DecimalFormat.format(double) rounds as the JDK does: the shortest decimal of the double (what
 * Double.toString prints) when it has no more fraction digits than the pattern allows, otherwise
 * the double's exact binary value rounded with the format's RoundingMode. So 7.135 (in binary
 * 7.13499999999999978683717927196994423866271972656250) is "7.13" with "0.00" and HALF_EVEN; TeaVM
 * rounded its shortest decimal, "7.14". The multiplier (percent, per mille) is applied in double
 * arithmetic first, as the JDK does. The builder makes TeaVM's DecimalFormat.format(double,
 * StringBuffer, FieldPosition) call this (NumberRewrite); the number is then laid out by TeaVM's
 * BigDecimal path (prefixes, grouping, padding).
 */
public final class KilnDecimalFormat {
    private KilnDecimalFormat() {
    }

    public static StringBuffer format(DecimalFormat format, double value, StringBuffer buffer, FieldPosition field) {
        if (Double.isNaN(value)) {
            return buffer.append(format.getDecimalFormatSymbols().getNaN());
        }
        int multiplier = format.getMultiplier();
        double v = value * multiplier;
        boolean negative = Double.doubleToRawLongBits(v) < 0;
        if (Double.isInfinite(v)) {
            DecimalFormatSymbols symbols = format.getDecimalFormatSymbols();
            return buffer.append(prefix(format, negative)).append(symbols.getInfinity()).append(suffix(format, negative));
        }
        // from the magnitude's digits: TeaVM's BigDecimal("-0.001") has a wrong precision, which its
        // exponent layout uses ("-0.001E0")
        BigDecimal shortest = new BigDecimal(Double.toString(Math.abs(v)));
        if (negative) {
            shortest = shortest.negate();
        }
        BigDecimal decimal = shortest;
        boolean scientific = scientific(format);
        if (!scientific) {
            int digits = format.getMaximumFractionDigits();
            if (shortest.scale() > digits) {
                // the JDK's rounding modes apply to the binary value (HALF_EVEN of 7.135 is 7.13)
                decimal = new BigDecimal(v).setScale(digits, format.getRoundingMode());
            }
        } else if (decimal.signum() == 0) {
            decimal = BigDecimal.ZERO; // TeaVM prints 0.0 as "0E-1"
        }
        boolean negativeZero = negative && decimal.signum() == 0;
        int minimumInteger = format.getMinimumIntegerDigits();
        if (minimumInteger == 0 && !scientific && needsIntegerZero(format, decimal)) {
            format.setMinimumIntegerDigits(1);
        }
        format.setMultiplier(1);
        try {
            if (!negativeZero) {
                return format.format(decimal, buffer, field);
            }
            // the JDK keeps the sign of a negative value that rounds to zero ("-0.00"); BigDecimal has none
            String positive = format.format(decimal, new StringBuffer(), field).toString();
            String prefix = prefix(format, false);
            String suffix = suffix(format, false);
            if (positive.startsWith(prefix) && positive.endsWith(suffix)
                    && positive.length() >= prefix.length() + suffix.length()) {
                positive = positive.substring(prefix.length(), positive.length() - suffix.length());
            }
            return buffer.append(prefix(format, true)).append(positive).append(suffix(format, true));
        } finally {
            format.setMultiplier(multiplier);
            format.setMinimumIntegerDigits(minimumInteger);
        }
    }

    /**
     * The JDK prints one integer digit where TeaVM prints none: for a pattern like "#.##" (only '#'
     * before the point: the JDK's applyPattern makes that at least one digit), and for a value whose
     * integer part is zero when no fraction digit is printed either ("#" of 0.2 is "0").
     */
    private static boolean needsIntegerZero(DecimalFormat format, BigDecimal decimal) {
        String pattern = format.toPattern();
        int end = pattern.indexOf(';');
        String positive = end >= 0 ? pattern.substring(0, end) : pattern;
        int point = positive.indexOf('.');
        if (point >= 0) {
            String integerPart = positive.substring(0, point);
            if (integerPart.indexOf('#') >= 0 && integerPart.indexOf('0') < 0) {
                return true;
            }
        }
        boolean integerZero = decimal.abs().compareTo(BigDecimal.ONE) < 0;
        boolean noFraction = format.getMinimumFractionDigits() == 0
                && (decimal.signum() == 0 || decimal.stripTrailingZeros().scale() <= 0);
        return integerZero && noFraction;
    }

    /** TeaVM's DecimalFormat returns null for an affix the pattern leaves out. */
    private static String prefix(DecimalFormat format, boolean negative) {
        String positive = format.getPositivePrefix() == null ? "" : format.getPositivePrefix();
        if (!negative) {
            return positive;
        }
        return format.getNegativePrefix() == null ? "-" + positive : format.getNegativePrefix();
    }

    private static String suffix(DecimalFormat format, boolean negative) {
        String positive = format.getPositiveSuffix() == null ? "" : format.getPositiveSuffix();
        if (!negative) {
            return positive;
        }
        return format.getNegativeSuffix() == null ? positive : format.getNegativeSuffix();
    }

    /** Whether the pattern has an exponent (outside quotes): rounding is then to significant digits. */
    private static boolean scientific(DecimalFormat format) {
        String pattern = format.toPattern();
        boolean quoted = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (c == 'E' && !quoted) {
                return true;
            }
        }
        return false;
    }
}
