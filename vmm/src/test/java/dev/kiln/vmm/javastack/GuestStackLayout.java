package dev.kiln.vmm.javastack;

import dev.kiln.image.JavaDebugInfo;
import dev.kiln.vmm.memory.Access;
import dev.kiln.vmm.memory.GuestMemory;
import dev.kiln.vmm.memory.GuestRam;
import dev.kiln.vmm.memory.Region;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A shadow stack and a call-site table laid out by hand in a real guest mapping (no KVM needed),
 * for the tests of the readers of Java stacks in guest memory ({@code kiln stack} and
 * {@code kiln profile}). The descriptor's layout: frames {next @0, callSiteId @8}; call sites 16
 * bytes, location @8; locations {method @0, line @8, next @16}; methods {file @0, class @8,
 * name @16}; strings {chars @8}; arrays {size @8, data @16}. With 32-bit table pointers (as
 * kiln build writes them, {@link #narrow()}): call sites 8 bytes, location @4; locations {method
 * @0, line @4, next @8}; methods {file @0, class @4, name @8}.
 */
public final class GuestStackLayout implements AutoCloseable {
    /** Guest memory the guest may read: [BASE, END). */
    public static final long BASE = 0x10000, END = 1 << 20;
    public static final long STACK_TOP = 0x20000, CALL_SITES = 0x21000, CALL_SITE_COUNT = 4;
    /** Frames are laid out below this address. */
    public static final long FRAMES_END = 0x28000;

    private final GuestRam ram = GuestRam.map(END);
    public final GuestMemory memory = new GuestMemory(ram, List.of(new Region(BASE, END, Access.DATA)));
    public final GuestMemory.BootWriter w = memory.boot();
    private long next = 0x30000; // where the next string or structure goes
    private final boolean narrow;

    public GuestStackLayout() {
        this(false);
    }

    private GuestStackLayout(boolean narrow) {
        this.narrow = narrow;
    }

    /** A layout whose call-site tables hold 32-bit pointers; read it with {@link #info32()}. */
    public static GuestStackLayout narrow() {
        return new GuestStackLayout(true);
    }

    public GuestWords words() {
        return new GuestMemoryWords(memory);
    }

    public static JavaDebugInfo info() {
        return info(STACK_TOP);
    }

    public static JavaDebugInfo info(long stackTop) {
        return new JavaDebugInfo(JavaDebugInfo.MAGIC, JavaDebugInfo.VERSION, stackTop, CALL_SITES, CALL_SITE_COUNT,
                -1, -1, -1, 0, 8, 16, 8, 0, 8, 16, 0, 8, 16, 8, 8, 16, 16, -1, -1, -1, -1, -1, -1, -1, 8);
    }

    /** The descriptor of a {@link #narrow()} layout. */
    public static JavaDebugInfo info32() {
        return new JavaDebugInfo(JavaDebugInfo.MAGIC, JavaDebugInfo.VERSION, STACK_TOP, CALL_SITES, CALL_SITE_COUNT,
                -1, -1, -1, 0, 8, 8, 4, 0, 4, 8, 0, 4, 8, 8, 8, 16, 16, -1, -1, -1, -1, -1, -1, -1, 4);
    }

    /** A pointer in the call-site tables, as wide as this layout's. */
    private void tablePointer(long at, long value) {
        if (narrow) w.putInt(at, (int) value);
        else w.putLong(at, value);
    }

    /** Room for a structure of {@code size} bytes. */
    public long allocate(long size) {
        long at = next;
        next = next + size + 7 & ~7L;
        return at;
    }

    /** A TeaVM_String** (pointer to a pointer to a string whose chars array holds s). */
    public long stringRef(String s) {
        byte[] chars = s.getBytes(StandardCharsets.UTF_16LE);
        long array = next;
        w.putInt(array + 8, s.length());
        w.putBytes(array + 16, chars);
        long string = array + 16 + chars.length + 8 & ~7L;
        w.putLong(string + 8, array);
        long ref = string + 16;
        w.putLong(ref, string);
        next = ref + 8;
        return ref;
    }

    /** The char[] of the string a {@link #stringRef} names: for scribbling on its length. */
    public long charsOf(long stringRef) {
        long string = memory.readable(stringRef, 8, "test").getLong(0);
        return memory.readable(string + 8, 8, "test").getLong(0);
    }

    public long method(String cls, String name, String file) {
        long f = stringRef(file), c = stringRef(cls), n = stringRef(name);
        int p = narrow ? 4 : 8;
        long m = allocate(3 * p);
        tablePointer(m, f);
        tablePointer(m + p, c);
        tablePointer(m + 2 * p, n);
        return m;
    }

    public long location(long method, int line, long nextLocation) {
        int p = narrow ? 4 : 8;
        long l = allocate(3 * p);
        tablePointer(l, method);
        w.putInt(l + p, line);
        tablePointer(l + 2 * p, nextLocation);
        return l;
    }

    public void callSite(int id, long location) {
        if (narrow) tablePointer(CALL_SITES + 8L * id + 4, location);
        else tablePointer(CALL_SITES + 16L * id + 8, location);
    }

    /** Frames at descending addresses below {@link #FRAMES_END}, innermost first, linked outwards. */
    public void stack(int... ids) {
        long frame = FRAMES_END - 0x100L * ids.length;
        w.putLong(STACK_TOP, frame);
        for (int i = 0; i < ids.length; i++) {
            w.putInt(frame + 8, ids[i]);
            long caller = i + 1 < ids.length ? frame + 0x100 : 0;
            w.putLong(frame, caller);
            frame = caller;
        }
    }

    /** The address of the {@code i}th frame (0 innermost) of a stack of {@code depth} laid out by {@link #stack}. */
    public static long frame(int depth, int i) {
        return FRAMES_END - 0x100L * (depth - i);
    }

    @Override
    public void close() {
        ram.unmap();
    }
}
