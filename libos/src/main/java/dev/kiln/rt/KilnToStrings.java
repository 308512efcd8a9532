package dev.kiln.rt;

import java.util.DoubleSummaryStatistics;
import java.util.IntSummaryStatistics;
import java.util.LongSummaryStatistics;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * toString of JDK classes whose format TeaVM's library gets wrong, as the JDK's Javadoc and
 * HotSpot print them (the builder makes the classes' toString call these, see ToStringRewrite):
 * TeaVM printed "Optional.of(3)" for "Optional[3]" and "IntSummaryStatistics{count=3, sum=6,
 * min=1, max=3, avg=2.0}" for "...min=1, average=2.000000, max=3}".
 */
public final class KilnToStrings {
    private KilnToStrings() {
    }

    public static String optional(Optional<?> o) {
        return o.isPresent() ? "Optional[" + o.get() + "]" : "Optional.empty";
    }

    public static String optionalInt(OptionalInt o) {
        return o.isPresent() ? "OptionalInt[" + o.getAsInt() + "]" : "OptionalInt.empty";
    }

    public static String optionalLong(OptionalLong o) {
        return o.isPresent() ? "OptionalLong[" + o.getAsLong() + "]" : "OptionalLong.empty";
    }

    public static String optionalDouble(OptionalDouble o) {
        return o.isPresent() ? "OptionalDouble[" + o.getAsDouble() + "]" : "OptionalDouble.empty";
    }

    public static String intStatistics(IntSummaryStatistics s) {
        return String.format("%s{count=%d, sum=%d, min=%d, average=%f, max=%d}", s.getClass().getSimpleName(),
                s.getCount(), s.getSum(), s.getMin(), s.getAverage(), s.getMax());
    }

    public static String longStatistics(LongSummaryStatistics s) {
        return String.format("%s{count=%d, sum=%d, min=%d, average=%f, max=%d}", s.getClass().getSimpleName(),
                s.getCount(), s.getSum(), s.getMin(), s.getAverage(), s.getMax());
    }

    public static String doubleStatistics(DoubleSummaryStatistics s) {
        return String.format("%s{count=%d, sum=%f, min=%f, average=%f, max=%f}", s.getClass().getSimpleName(),
                s.getCount(), s.getSum(), s.getMin(), s.getAverage(), s.getMax());
    }
}
