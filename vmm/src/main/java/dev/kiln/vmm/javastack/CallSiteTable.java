package dev.kiln.vmm.javastack;

import dev.kiln.image.JavaDebugInfo;

import java.util.ArrayList;
import java.util.List;

/**
 * TeaVM's call-site table read from guest memory: a call-site id names the methods at that
 * call, innermost first (the methods inlined at the call, then the method that holds them,
 * whose frame it is). Every pointer is untrusted: a location chain is cut at
 * {@link #MAX_INLINED}, and a chain that leads outside guest memory or to a scribbled string
 * ends with the frames read so far and the reason.
 */
public final class CallSiteTable {
    /** A location chain longer than this is cut (inlining depth is small in practice; a longer one loops). */
    public static final int MAX_INLINED = 64;

    private final GuestWords mem;
    private final JavaDebugInfo d;
    private final JavaStrings strings;

    public CallSiteTable(GuestWords memory, JavaDebugInfo descriptor) {
        this.mem = memory;
        this.d = descriptor;
        this.strings = new JavaStrings(memory, descriptor);
    }

    /**
     * One call site's frames, innermost first.
     *
     * @param error why the chain could not be read to its end (the frames are those before), or null
     */
    public record CallSite(List<JavaFrame> frames, String error) {
        public CallSite {
            frames = List.copyOf(frames);
        }
    }

    /** Whether {@code id} is in the table at all. */
    public boolean contains(int id) {
        return id >= 0 && id < d.callSiteCount();
    }

    /** The frames of call site {@code id}, which must be {@linkplain #contains in the table}. */
    public CallSite read(int id) {
        if (!contains(id)) throw new IllegalArgumentException("no call site " + id);
        List<JavaFrame> out = new ArrayList<>();
        try {
            long location = tablePointer(d.callSites() + id * d.callSiteSize() + d.callSiteLocation());
            // Counts locations, not frames: a chain of locations without a method may loop too.
            for (int n = 0; location != 0 && n < MAX_INLINED; n++) {
                long method = tablePointer(location + d.locationMethod());
                int line = mem.i32(location + d.locationLine());
                if (method != 0) {
                    String file = name(method, d.methodFile());
                    out.add(new JavaFrame(orUnknown(name(method, d.methodClass())),
                            orUnknown(name(method, d.methodName())), file, line));
                }
                location = tablePointer(location + d.locationNext());
            }
        } catch (GuestWords.Unreadable e) {
            return new CallSite(out, e.getMessage());
        }
        return new CallSite(out, null);
    }

    /** A pointer stored in the call-site tables: 32 bits wide in images that narrow them (the descriptor says). */
    private long tablePointer(long address) {
        return d.tablePointerSize() == 4 ? Integer.toUnsignedLong(mem.i32(address)) : mem.u64(address);
    }

    private static String orUnknown(String s) {
        return s == null || s.isEmpty() ? "?" : s;
    }

    /** A TeaVM_MethodLocation's field, a TeaVM_String**: its text, or null where there is none. */
    private String name(long method, long field) {
        if (!JavaDebugInfo.present(field)) return null;
        long ref = tablePointer(method + field);
        if (ref == 0) return null;
        long string = mem.u64(ref);
        return string == 0 ? null : strings.read(string);
    }
}
