package dev.kiln.rt;

import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Checks with HotSpot's exceptions and messages, run at the start of TeaVM's methods that throw
 * without a message or with another one (the builder's MessageRewrite puts the calls there; TeaVM's
 * own body runs after, when the check passed). Found by the programs in builder/src/test/differences.
 */
public final class KilnMessages {
    private static final String NO_VALUE = "No value present";

    private KilnMessages() {
    }

    /** Optional.get/orElseThrow() of an empty Optional. */
    public static void present(Optional<?> o) {
        if (o.isEmpty()) {
            throw new NoSuchElementException(NO_VALUE);
        }
    }

    /** OptionalInt.getAsInt/orElseThrow(). */
    public static void present(OptionalInt o) {
        if (o.isEmpty()) {
            throw new NoSuchElementException(NO_VALUE);
        }
    }

    /** OptionalLong.getAsLong/orElseThrow(). */
    public static void present(OptionalLong o) {
        if (o.isEmpty()) {
            throw new NoSuchElementException(NO_VALUE);
        }
    }

    /** OptionalDouble.getAsDouble/orElseThrow(). */
    public static void present(OptionalDouble o) {
        if (o.isEmpty()) {
            throw new NoSuchElementException(NO_VALUE);
        }
    }

    /** Objects.requireNonNull(obj): HotSpot's NullPointerException has no message (TeaVM's: ""). */
    public static void requireNonNull(Object o) {
        if (o == null) {
            throw new NullPointerException();
        }
    }

    /** new ArrayList(initialCapacity). */
    public static void capacity(int initialCapacity) {
        if (initialCapacity < 0) {
            throw new IllegalArgumentException("Illegal Capacity: " + initialCapacity);
        }
    }

    /**
     * Throwable.initCause: TeaVM's own checks come after, with other messages ("Cause already set",
     * "Circular causation relation"); a cause given as null to a constructor is not told apart
     * from none here (getCause() is null for both), so TeaVM's check still decides that case.
     */
    public static void initCause(Throwable self, Throwable cause) {
        if (self.getCause() != null) {
            throw new IllegalStateException("Can't overwrite cause with " + Objects.toString(cause, "a null"), self);
        }
        if (cause == self) {
            throw new IllegalArgumentException("Self-causation not permitted", self);
        }
    }

    /** new StringIndexOutOfBoundsException(index)'s message. */
    public static String stringIndexOutOfRange(int index) {
        return "String index out of range: " + index;
    }

    /** new ArrayIndexOutOfBoundsException(index)'s message. */
    public static String arrayIndexOutOfRange(int index) {
        return "Array index out of range: " + index;
    }
}
