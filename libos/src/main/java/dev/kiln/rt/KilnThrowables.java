package dev.kiln.rt;

import java.io.PrintStream;
import java.io.PrintWriter;

/**
 * Throwable where TeaVM 0.12.3 differs from HotSpot (the builder redirects to these, see
 * KilnTeaVMTransformer):
 * <ul>
 * <li>stack traces: TeaVM records every frame of its shadow stack, including the exception's
 *     own constructors, Kiln's entry point, TeaVM's fiber machinery and its lambda classes, and
 *     names class library files after TeaVM's sources (TThrowable.java). {@link #stackTrace}
 *     keeps what HotSpot shows: the frames from the throw site down, file names as in the JDK.</li>
 * <li>suppressed exceptions: TeaVM's constructors never initialise the suppressed array (only
 *     its unused Java constructors do), so getSuppressed and addSuppressed, and with them
 *     try-with-resources, fail with NullPointerException; the builder routes every read of
 *     that field through {@link #suppressed}.</li>
 * <li>printStackTrace: HotSpot's format, with "... n more", "Suppressed:" and circular causes.</li>
 * </ul>
 */
public final class KilnThrowables {
    private static final Throwable[] NONE = new Throwable[0];
    /**
     * HotSpot keeps at most this many frames of a trace (-XX:MaxJavaStackTraceDepth's default):
     * a StackOverflowError's is as deep as the stack, hundreds of thousands of frames.
     */
    static final int MAX_DEPTH = 1024;

    private KilnThrowables() {
    }

    /** The value of Throwable's suppressed field as it should have been initialised. */
    public static Throwable[] suppressed(Throwable[] field) {
        return field != null ? field : NONE;
    }

    /** addSuppressed's argument checks, as HotSpot makes them. */
    public static void checkSuppressed(Throwable self, Throwable exception) {
        if (exception == self) {
            throw new IllegalArgumentException("Self-suppression not permitted", exception);
        }
        if (exception == null) {
            throw new NullPointerException("Cannot suppress a null exception.");
        }
    }

    /** The trace HotSpot would record for {@code t}, from TeaVM's raw frames. */
    public static StackTraceElement[] stackTrace(Throwable t, StackTraceElement[] raw) {
        if (raw == null) {
            return null;
        }
        int first = 0;
        // the exception's own fillInStackTrace and constructors: HotSpot hides them
        while (first < raw.length && isOwnClass(t, raw[first].getClassName())
                && (raw[first].getMethodName().equals("fillInStackTrace")
                    || raw[first].getMethodName().equals("<init>"))) {
            first++;
        }
        // no collections here: every image that can throw has this code, and hello is 156 KB
        StackTraceElement[] kept = new StackTraceElement[Math.min(raw.length - first, MAX_DEPTH)];
        int n = 0;
        for (int i = first; i < raw.length && n < kept.length; i++) {
            StackTraceElement e = raw[i];
            String cls = e.getClassName();
            if (cls.equals("dev.kiln.rt.KilnApp")) {
                break; // below the application's main is Kiln's entry point and TeaVM's start-up
            }
            if (!isRuntimeInternal(cls, e.getMethodName())) {
                kept[n++] = jdkFileName(e);
            }
        }
        if (n == kept.length) {
            return kept;
        }
        StackTraceElement[] trimmed = new StackTraceElement[n];
        System.arraycopy(kept, 0, trimmed, 0, n);
        return trimmed;
    }

    private static boolean isOwnClass(Throwable t, String name) {
        for (Class<?> c = t.getClass(); c != null; c = c.getSuperclass()) {
            if (c.getName().equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** Frames that exist only because of TeaVM or Kiln, which HotSpot has no counterpart for. */
    private static boolean isRuntimeInternal(String cls, String method) {
        return cls.startsWith("org.teavm.") || cls.startsWith("dev.kiln.rt.") || cls.isEmpty()
                || cls.contains("$lambda$_") // TeaVM's classes for lambdas; HotSpot hides its own
                || (cls.equals("java.lang.Thread") && method.equals("runThread"));
    }

    /** TeaVM's class library is compiled from TName.java files; the JDK's are Name.java. */
    private static StackTraceElement jdkFileName(StackTraceElement e) {
        String file = e.getFileName();
        String cls = e.getClassName();
        if (file == null || !file.startsWith("T") || !(cls.startsWith("java.") || cls.startsWith("javax."))) {
            return e;
        }
        String simple = cls.substring(cls.lastIndexOf('.') + 1);
        int nested = simple.indexOf('$');
        if (nested >= 0) {
            simple = simple.substring(0, nested);
        }
        if (!file.equals("T" + simple + ".java")) {
            return e;
        }
        return new StackTraceElement(cls, e.getMethodName(), simple + ".java", e.getLineNumber());
    }

    /** Throwable.printStackTrace(PrintStream) in HotSpot's format. */
    public static void printStackTrace(Throwable t, PrintStream s) {
        s.print(format(t));
    }

    /** Throwable.printStackTrace(PrintWriter) in HotSpot's format. */
    public static void printStackTrace(Throwable t, PrintWriter s) {
        s.print(format(t));
    }

    static String format(Throwable t) {
        StringBuilder out = new StringBuilder();
        Seen seen = new Seen();
        seen.add(t);
        out.append(t).append('\n');
        StackTraceElement[] trace = t.getStackTrace();
        for (StackTraceElement e : trace) {
            out.append("\tat ").append(e).append('\n');
        }
        for (Throwable s : t.getSuppressed()) {
            enclosed(out, s, trace, "Suppressed: ", "\t", seen);
        }
        Throwable cause = t.getCause();
        if (cause != null) {
            enclosed(out, cause, trace, "Caused by: ", "", seen);
        }
        return out.toString();
    }

    /** The throwables printed so far, by identity (a cause chain is short: a list will do). */
    private static final class Seen {
        private Throwable[] items = new Throwable[8];
        private int size;

        /** Adds t; false if it was there already. */
        boolean add(Throwable t) {
            for (int i = 0; i < size; i++) {
                if (items[i] == t) {
                    return false;
                }
            }
            if (size == items.length) {
                Throwable[] grown = new Throwable[size * 2];
                System.arraycopy(items, 0, grown, 0, size);
                items = grown;
            }
            items[size++] = t;
            return true;
        }
    }

    private static void enclosed(StringBuilder out, Throwable t, StackTraceElement[] enclosingTrace, String caption,
            String prefix, Seen seen) {
        if (!seen.add(t)) {
            out.append(prefix).append(caption).append("[CIRCULAR REFERENCE: ").append(t).append("]\n");
            return;
        }
        StackTraceElement[] trace = t.getStackTrace();
        int m = trace.length - 1;
        int n = enclosingTrace.length - 1;
        while (m >= 0 && n >= 0 && trace[m].equals(enclosingTrace[n])) {
            m--;
            n--;
        }
        int inCommon = trace.length - 1 - m;
        out.append(prefix).append(caption).append(t).append('\n');
        for (int i = 0; i <= m; i++) {
            out.append(prefix).append("\tat ").append(trace[i]).append('\n');
        }
        if (inCommon != 0) {
            out.append(prefix).append("\t... ").append(inCommon).append(" more\n");
        }
        for (Throwable s : t.getSuppressed()) {
            enclosed(out, s, trace, "Suppressed: ", prefix + "\t", seen);
        }
        Throwable cause = t.getCause();
        if (cause != null) {
            enclosed(out, cause, trace, "Caused by: ", prefix, seen);
        }
    }
}
