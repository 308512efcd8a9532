package dev.kiln.vmm.profile;

import dev.kiln.image.JavaDebugInfo;
import dev.kiln.vmm.memory.Access;
import dev.kiln.vmm.memory.GuestMemory;
import dev.kiln.vmm.memory.GuestRam;
import dev.kiln.vmm.memory.Region;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The profiler's readers of guest memory against stacks and call-site tables laid out by hand in
 * a real mapping (no KVM needed): a sound stack reads back whole, and every kind of garbage a
 * guest stopped at a random instruction (or a hostile one) can leave ends as a truncated walk or
 * an unknown frame, never as an exception.
 */
class GuestStackReadingTest {
    private static final long SIZE = 1 << 20, BASE = 0x10000;
    // The descriptor's layout for this test: frames {next @0, callSiteId @8}; call sites 16 bytes,
    // location @8; locations {method @0, line @8, next @16}; methods {file @0, class @8, name @16};
    // strings {chars @8}; arrays {size @8, data @16}.
    private static final long STACK_TOP = 0x20000, CALL_SITES = 0x21000, CALL_SITE_COUNT = 4;

    private GuestRam ram;
    private GuestMemory memory;
    private GuestMemory.BootWriter w;
    private long next = 0x30000; // where the next string or structure goes

    @BeforeEach
    void map() {
        ram = GuestRam.map(SIZE);
        memory = new GuestMemory(ram, List.of(new Region(BASE, SIZE, Access.DATA)));
        w = memory.boot();
    }

    @AfterEach
    void unmap() {
        ram.unmap();
    }

    private static JavaDebugInfo info() {
        return new JavaDebugInfo(JavaDebugInfo.MAGIC, 1, STACK_TOP, CALL_SITES, CALL_SITE_COUNT, -1, -1, -1,
                0, 8, 16, 8, 0, 8, 16, 0, 8, 16, 8, 8, 16, 16, -1, -1, -1, -1, -1, -1, -1);
    }

    /** A TeaVM_String** (pointer to a pointer to a string whose chars array holds s). */
    private long stringRef(String s) {
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

    private long method(String cls, String name, String file) {
        long f = stringRef(file), c = stringRef(cls), n = stringRef(name);
        long m = next;
        w.putLong(m, f);
        w.putLong(m + 8, c);
        w.putLong(m + 16, n);
        next = m + 24;
        return m;
    }

    private long location(long method, int line, long nextLocation) {
        long l = next;
        w.putLong(l, method);
        w.putInt(l + 8, line);
        w.putLong(l + 16, nextLocation);
        next = l + 24;
        return l;
    }

    private void callSite(int id, long location) {
        w.putLong(CALL_SITES + 16L * id + 8, location);
    }

    /** Frames at descending addresses from 0x28000, innermost first, linked outwards. */
    private void stack(int... ids) {
        long frame = 0x28000 - 0x100L * ids.length;
        w.putLong(STACK_TOP, frame);
        for (int i = 0; i < ids.length; i++) {
            w.putInt(frame + 8, ids[i]);
            long caller = i + 1 < ids.length ? frame + 0x100 : 0;
            w.putLong(frame, caller);
            frame = caller;
        }
    }

    @Test
    void aSoundStackReadsBackWholeWithItsInlinedMethods() {
        long main = method("app.Main", "main", "Main.java");
        long handle = method("app.Routes", "handle", "Routes.java");
        long equals = method("java.lang.String", "equals", "TString.java");
        callSite(0, location(main, 12, 0));
        callSite(1, location(equals, 99, location(handle, 23, 0))); // String.equals inlined into Routes.handle
        stack(1, 0);
        ShadowStackWalker.Walk walk = new ShadowStackWalker(new GuestWords(memory), info()).walk();
        assertArrayEquals(new int[] {1, 0}, walk.callSites());
        assertFalse(walk.truncated());
        CallSiteTable table = new CallSiteTable(new GuestWords(memory), info());
        assertEquals(List.of(new JavaFrame("java.lang.String", "equals", "TString.java", 99),
                new JavaFrame("app.Routes", "handle", "Routes.java", 23)), table.frames(1));
        assertEquals("app.Main.main(Main.java:12)", table.frames(0).get(0).withLine());
    }

    @Test
    void aFrameThatLeadsOutsideGuestMemoryEndsTheWalkAsTruncated() {
        stack(2, 3);
        w.putLong(0x28000 - 0x200, 0x7fff_ffff_0000L); // the innermost frame's caller: nowhere
        ShadowStackWalker.Walk walk = new ShadowStackWalker(new GuestWords(memory), info()).walk();
        assertArrayEquals(new int[] {2}, walk.callSites());
        assertTrue(walk.truncated());
    }

    @Test
    void aCycleInTheStackEndsTheWalkAsTruncated() {
        stack(1, 2, 3);
        w.putLong(0x28000 - 0x100, 0x28000 - 0x300); // the outermost frame points back at the innermost
        ShadowStackWalker.Walk walk = new ShadowStackWalker(new GuestWords(memory), info()).walk();
        assertEquals(ShadowStackWalker.MAX_DEPTH, walk.callSites().length);
        assertArrayEquals(new int[] {1, 2, 3, 1, 2, 3}, java.util.Arrays.copyOf(walk.callSites(), 6));
        assertTrue(walk.truncated());
        stack(4);
        w.putLong(0x28000 - 0x100, 0x28000 - 0x100); // a frame that is its own caller
        walk = new ShadowStackWalker(new GuestWords(memory), info()).walk();
        assertArrayEquals(new int[] {4}, walk.callSites());
        assertTrue(walk.truncated());
    }

    @Test
    void aTopOfStackOutsideMemoryIsAnEmptyTruncatedWalk() {
        JavaDebugInfo i = info();
        JavaDebugInfo outside = new JavaDebugInfo(i.magic(), 1, 0x8, CALL_SITES, CALL_SITE_COUNT, -1, -1, -1, 0, 8, 16, 8,
                0, 8, 16, 0, 8, 16, 8, 8, 16, 16, -1, -1, -1, -1, -1, -1, -1);
        ShadowStackWalker.Walk walk = new ShadowStackWalker(new GuestWords(memory), outside).walk();
        assertEquals(0, walk.callSites().length);
        assertTrue(walk.truncated());
    }

    @Test
    void callSitesThatMakeNoSenseResolveToUnknownFrames() {
        long m = method("app.Main", "main", "Main.java");
        callSite(0, 0x7fff_0000_0000L); // a location outside memory
        long hugeName = stringRef("x");
        long string = memory.readable(hugeName, 8, "t").getLong(0);
        long array = memory.readable(string + 8, 8, "t").getLong(0);
        w.putInt(array + 8, Integer.MAX_VALUE); // a class name 2^31 chars long
        long bad = next;
        w.putLong(bad, stringRef("F.java"));
        w.putLong(bad + 8, hugeName);
        w.putLong(bad + 16, stringRef("m"));
        next = bad + 24;
        callSite(1, location(bad, 1, 0));
        long loop = location(m, 5, 0);
        w.putLong(loop + 16, loop); // a location chain that loops forever
        callSite(2, loop);
        CallSiteTable table = new CallSiteTable(new GuestWords(memory), info());
        assertEquals(List.of(CallSiteTable.UNKNOWN), table.frames(0));
        assertEquals(List.of(CallSiteTable.UNKNOWN), table.frames(1));
        assertEquals(CallSiteTable.MAX_INLINED, table.frames(2).size());
        assertEquals(List.of(CallSiteTable.UNKNOWN), table.frames(-1));
        assertEquals(List.of(CallSiteTable.UNKNOWN), table.frames((int) CALL_SITE_COUNT));
    }
}
