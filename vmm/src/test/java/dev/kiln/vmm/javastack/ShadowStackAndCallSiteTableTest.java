package dev.kiln.vmm.javastack;

import static dev.kiln.vmm.javastack.GuestStackLayout.CALL_SITE_COUNT;
import static dev.kiln.vmm.javastack.GuestStackLayout.frame;
import static dev.kiln.vmm.javastack.GuestStackLayout.info;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The shadow-stack walk and the call-site table that kiln stack and kiln profile share, against
 * structures laid out by hand in a real guest mapping: a sound stack reads back whole, and every
 * kind of garbage a guest stopped at a random instruction (or a hostile one) can leave ends the
 * walk or the chain with a reason, never with an exception or a loop that runs away.
 */
class ShadowStackAndCallSiteTableTest {
    private static final int DEPTH = 512;
    private final GuestStackLayout g = new GuestStackLayout();

    @AfterEach
    void unmap() {
        g.close();
    }

    private ShadowStack.Walk walk() {
        return ShadowStack.walk(g.words(), info(), DEPTH);
    }

    private CallSiteTable table() {
        return new CallSiteTable(g.words(), info());
    }

    @Test
    void aSoundStackReadsBackWholeWithItsInlinedMethods() {
        long main = g.method("app.Main", "main", "Main.java");
        long handle = g.method("app.Routes", "handle", "Routes.java");
        long equals = g.method("java.lang.String", "equals", "TString.java");
        g.callSite(0, g.location(main, 12, 0));
        g.callSite(1, g.location(equals, 99, g.location(handle, 23, 0))); // String.equals inlined into Routes.handle
        g.stack(1, 0);
        ShadowStack.Walk walk = walk();
        assertArrayEquals(new int[] {1, 0}, walk.callSites());
        assertFalse(walk.truncated());
        assertNull(walk.stopped());
        assertEquals(new CallSiteTable.CallSite(List.of(new JavaFrame("java.lang.String", "equals", "TString.java", 99),
                new JavaFrame("app.Routes", "handle", "Routes.java", 23)), null), table().read(1));
        assertEquals("app.Main.main(Main.java:12)", table().read(0).frames().get(0).withLine());
    }

    @Test
    void aFrameThatLeadsOutsideGuestMemoryEndsTheWalkWithTheAddress() {
        g.stack(2, 3);
        g.w.putLong(frame(2, 0), 0x7fff_ffff_0000L); // the innermost frame's caller: nowhere
        ShadowStack.Walk walk = walk();
        assertArrayEquals(new int[] {2}, walk.callSites());
        assertEquals("0x7fffffff0008 (+4 bytes) is not in readable guest memory", walk.stopped()); // its call-site id
    }

    @Test
    void aCycleRunsToTheDepthBoundAndASelfLoopEndsAtOnce() {
        g.stack(1, 2, 3);
        g.w.putLong(frame(3, 2), frame(3, 0)); // the outermost frame points back at the innermost
        ShadowStack.Walk walk = walk();
        assertEquals(DEPTH, walk.callSites().length);
        assertArrayEquals(new int[] {1, 2, 3, 1, 2, 3}, Arrays.copyOf(walk.callSites(), 6));
        assertEquals("more than 512 frames (a loop in the shadow stack?)", walk.stopped());
        g.stack(4);
        g.w.putLong(frame(1, 0), frame(1, 0)); // a frame that is its own caller
        walk = walk();
        assertArrayEquals(new int[] {4}, walk.callSites());
        assertEquals(String.format("the frame at 0x%x is its own caller", frame(1, 0)), walk.stopped());
    }

    @Test
    void aTopOfStackOutsideMemoryIsAnEmptyTruncatedWalk() {
        ShadowStack.Walk walk = ShadowStack.walk(g.words(), info(0x8), DEPTH);
        assertEquals(0, walk.callSites().length);
        assertTrue(walk.truncated());
    }

    @Test
    void callSitesThatMakeNoSenseEndWithAReason() {
        long m = g.method("app.Main", "main", "Main.java");
        g.callSite(0, 0x7fff_0000_0000L); // a location outside memory
        long hugeName = g.stringRef("x");
        g.w.putInt(g.charsOf(hugeName) + 8, Integer.MAX_VALUE); // a class name 2^31 chars long
        long bad = g.allocate(24);
        g.w.putLong(bad, g.stringRef("F.java"));
        g.w.putLong(bad + 8, hugeName);
        g.w.putLong(bad + 16, g.stringRef("m"));
        g.callSite(1, g.location(m, 7, g.location(bad, 1, 0)));
        long loop = g.location(m, 5, 0);
        g.w.putLong(loop + 16, loop); // a location chain that loops forever
        g.callSite(2, loop);
        long empty = g.location(0, 5, 0);
        g.w.putLong(empty + 16, empty); // a loop of locations without a method: no frame ever added
        g.callSite(3, empty);
        CallSiteTable table = table();
        assertEquals(new CallSiteTable.CallSite(List.of(), "0x7fff00000000 (+8 bytes) is not in readable guest memory"),
                table.read(0));
        assertEquals(new CallSiteTable.CallSite(List.of(new JavaFrame("app.Main", "main", "Main.java", 7)),
                "a string of 2147483647 characters"), table.read(1));
        assertEquals(CallSiteTable.MAX_INLINED, table.read(2).frames().size());
        assertEquals(new CallSiteTable.CallSite(List.of(), null), table.read(3));
        assertFalse(table.contains(-1));
        assertFalse(table.contains((int) CALL_SITE_COUNT));
        assertThrows(IllegalArgumentException.class, () -> table.read((int) CALL_SITE_COUNT));
    }

    @Test
    void namesAreTheGuestsTextUnfilteredAndMissingOnesAreMarked() {
        long evil = g.method("app.E\u001b[2Jvil", "m\u202e", "E.java");
        g.w.putLong(evil, 0); // no file
        g.callSite(0, g.location(evil, -1, 0));
        assertEquals(List.of(new JavaFrame("app.E\u001b[2Jvil", "m\u202e", null, -1)), table().read(0).frames());
        long nameless = g.method("", "x", "X.java");
        g.w.putLong(nameless + 16, 0); // no method name
        g.callSite(1, g.location(nameless, 3, 0));
        assertEquals(List.of(new JavaFrame("?", "?", "X.java", 3)), table().read(1).frames());
    }

    @Test
    void tablesWith32BitPointersReadAsKilnBuildWritesThem() {
        try (GuestStackLayout n = GuestStackLayout.narrow()) {
            long main = n.method("app.Main", "main", "Main.java");
            long handle = n.method("app.Routes", "handle", "Routes.java");
            long equals = n.method("java.lang.String", "equals", "TString.java");
            n.callSite(0, n.location(main, 12, 0));
            n.callSite(1, n.location(equals, 99, n.location(handle, 23, 0)));
            n.callSite(2, 0xffff_0000L); // a location outside memory: read as an unsigned 32-bit address
            CallSiteTable table = new CallSiteTable(n.words(), GuestStackLayout.info32());
            assertEquals(new CallSiteTable.CallSite(List.of(new JavaFrame("java.lang.String", "equals", "TString.java", 99),
                    new JavaFrame("app.Routes", "handle", "Routes.java", 23)), null), table.read(1));
            assertEquals("app.Main.main(Main.java:12)", table.read(0).frames().get(0).withLine());
            assertEquals(new CallSiteTable.CallSite(List.of(), "0xffff0000 (+4 bytes) is not in readable guest memory"),
                    table.read(2));
        }
    }
}
