package dev.kiln.vmm.profile;

import dev.kiln.image.JavaDebugInfo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * TeaVM's call-site table read from guest memory: a call-site id names the methods at that
 * call, innermost first (the methods inlined at the call, then the method that holds them,
 * whose frame it is). Entries are static data, so a resolved id is cached for the whole run.
 * Every pointer is untrusted: an id outside the table or a chain that leads outside guest
 * memory resolves to a placeholder frame, never to an error.
 */
final class CallSiteTable {
    /** A location chain longer than this is cut (inlining depth is small in practice). */
    static final int MAX_INLINED = 64;

    /** A call site that makes no sense: outside the table, or leading outside guest memory. */
    static final JavaFrame UNKNOWN = new JavaFrame("?", "?", null, -1);

    private final GuestWords guest;
    private final JavaDebugInfo info;
    private final Map<Integer, List<JavaFrame>> resolved = new HashMap<>();

    CallSiteTable(GuestWords guest, JavaDebugInfo info) {
        this.guest = guest;
        this.info = info;
    }

    /** The frames of call site {@code id}, innermost first; one "?" frame if it makes no sense. */
    List<JavaFrame> frames(int id) {
        return resolved.computeIfAbsent(id, this::read);
    }

    private List<JavaFrame> read(int id) {
        if (id < 0 || id >= info.callSiteCount()) return List.of(UNKNOWN);
        List<JavaFrame> out = new ArrayList<>();
        try {
            long location = guest.u64(info.callSites() + id * info.callSiteSize() + info.callSiteLocation());
            while (location != 0 && out.size() < MAX_INLINED) {
                long method = guest.u64(location + info.locationMethod());
                int line = guest.i32(location + info.locationLine());
                if (method != 0) {
                    String file = name(method + info.methodFile());
                    out.add(new JavaFrame(orUnknown(name(method + info.methodClass())),
                            orUnknown(name(method + info.methodName())), file, line));
                }
                location = guest.u64(location + info.locationNext());
            }
        } catch (GuestWords.Unreadable e) {
            out.add(UNKNOWN); // a truncated chain still shows where it went wrong
        }
        if (out.isEmpty()) out.add(UNKNOWN);
        return List.copyOf(out);
    }


    private static String orUnknown(String s) {
        return s == null || s.isEmpty() ? "?" : s;
    }

    /** The string a TeaVM_String** at {@code ref} names, or null. */
    private String name(long ref) {
        long string = guest.u64(ref);
        if (string == 0) return null;
        string = guest.u64(string);
        if (string == 0) return null;
        long chars = guest.u64(string + info.stringChars());
        if (chars == 0) return "";
        int n = guest.i32(chars + info.arraySize());
        return guest.utf16(chars + info.arrayChars(), n);
    }
}
