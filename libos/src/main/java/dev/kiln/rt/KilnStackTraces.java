package dev.kiln.rt;

import org.teavm.interop.Address;
import org.teavm.runtime.CallSite;
import org.teavm.runtime.CallSiteLocation;
import org.teavm.runtime.ExceptionHandling;
import org.teavm.runtime.KilnCallSiteLocations;
import org.teavm.runtime.MethodLocation;
import org.teavm.runtime.ShadowStack;

/**
 * The raw frames of a stack trace, at most {@link #MAX_RAW} of them (Throwable.fillInStackTrace
 * calls this instead of TeaVM's ExceptionHandling.fillStackTrace: builder's ThrowableRewrite).
 *
 * <p>TeaVM's walk makes a StackTraceElement of every frame on the stack. A StackOverflowError
 * in a thread with 8 MiB of stack is about a million frames deep: some 40 MB of elements for a
 * trace HotSpot cuts at 1024 frames (KilnThrowables.MAX_DEPTH) anyway. In a VM of 64 MiB that
 * exhausted the heap while the error was being made (an OutOfMemoryError out of the throw, or a
 * collection that never ended): the bug that kept main's stack at 1 MiB. This walk stops once it
 * has the frames a trace can keep, plus room for those KilnThrowables drops at the top.
 */
public final class KilnStackTraces {
    /** KilnThrowables keeps 1024 frames; the exception's constructors and runtime frames above them are dropped. */
    static final int MAX_RAW = KilnThrowables.MAX_DEPTH + 64;
    private static final String SELF = "dev.kiln.rt.KilnStackTraces";

    private KilnStackTraces() {
    }

    /** The frames from the caller's caller (Throwable.fillInStackTrace's) down, as TeaVM names them. */
    public static StackTraceElement[] fill() {
        StackTraceElement[] target = new StackTraceElement[MAX_RAW];
        int n = 0;
        Address frame = ShadowStack.getStackTop();
        while (frame != null && n < MAX_RAW) {
            int id = ShadowStack.getCallSiteId(frame);
            if (id >= 0) {
                CallSite site = ExceptionHandling.findCallSiteById(id, frame);
                CallSiteLocation location = site.location;
                if (location == null) {
                    target[n++] = new StackTraceElement("", "", null, -1);
                }
                while (location != null && n < MAX_RAW) {
                    MethodLocation method = location.method;
                    StackTraceElement element = method == null
                            ? new StackTraceElement("", "", null, location.lineNumber)
                            : new StackTraceElement(method.className != null ? method.className.value : "",
                                    method.methodName != null ? method.methodName.value : "",
                                    method.fileName != null ? method.fileName.value : null, location.lineNumber);
                    // this method's own frame, if TeaVM gave it one, is not part of the trace
                    if (n > 0 || !element.getClassName().equals(SELF)) {
                        target[n++] = element;
                    }
                    location = KilnCallSiteLocations.next(location);
                }
            }
            frame = ShadowStack.getNextStackFrame(frame);
        }
        if (n == MAX_RAW) {
            return target;
        }
        StackTraceElement[] trimmed = new StackTraceElement[n];
        System.arraycopy(target, 0, trimmed, 0, n);
        return trimmed;
    }
}
