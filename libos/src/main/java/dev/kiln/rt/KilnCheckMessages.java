package dev.kiln.rt;

import org.teavm.interop.Import;
import org.teavm.interop.c.Include;

/**
 * The exceptions of TeaVM's inline checks, with HotSpot's messages. A failed check in the C code
 * records what failed (guest/runtime/checks.c: the index and length, or the two classes) and calls
 * TeaVM's thrower in org.teavm.runtime.ExceptionHandling, whose body the builder's
 * CheckMessageRewrite replaced with a call of the methods here. Green threads are never preempted,
 * so what was recorded is the failure being thrown.
 */
public final class KilnCheckMessages {
    private KilnCheckMessages() {
    }

    /** a[i] out of range: "Index 5 out of bounds for length 3". */
    public static ArrayIndexOutOfBoundsException arrayIndex() {
        // String.concat, not +: TeaVM inlines string concatenation's StringBuilder code
        return new ArrayIndexOutOfBoundsException("Index ".concat(Integer.toString(failedIndex()))
                .concat(" out of bounds for length ").concat(Integer.toString(failedLength())));
    }

    /** A cast that failed: HotSpot's sentence with each class's module and loader. */
    public static ClassCastException classCast() {
        Class<?> from = failedCastFrom();
        Class<?> to = failedCastTo();
        return new ClassCastException(KilnClassModules.castMessage(from, to));
    }

    /** Class.cast: "Cannot cast java.lang.Integer to java.lang.String". */
    public static Object cast(Class<?> target, Object o) {
        if (o != null && !target.isAssignableFrom(o.getClass())) {
            throw new ClassCastException("Cannot cast ".concat(o.getClass().getName()).concat(" to ")
                    .concat(target.getName()));
        }
        return o;
    }

    @Import(name = "kiln_failed_index")
    @Include(value = "kiln/checks.h", isSystem = true)
    private static native int failedIndex();

    @Import(name = "kiln_failed_length")
    @Include(value = "kiln/checks.h", isSystem = true)
    private static native int failedLength();

    @Import(name = "kiln_failed_cast_from")
    @Include(value = "kiln/checks.h", isSystem = true)
    private static native Class<?> failedCastFrom();

    @Import(name = "kiln_failed_cast_to")
    @Include(value = "kiln/checks.h", isSystem = true)
    private static native Class<?> failedCastTo();
}
