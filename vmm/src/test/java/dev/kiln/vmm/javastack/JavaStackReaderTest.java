package dev.kiln.vmm.javastack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.image.JavaDebugInfo;
import dev.kiln.vmm.memory.Access;
import dev.kiln.vmm.memory.GuestMemory;
import dev.kiln.vmm.memory.GuestRam;
import dev.kiln.vmm.memory.Region;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The stack reader (threads and their text) on guest memory laid out by hand, well-formed and then
 * scribbled on the ways a hostile or broken guest could (the real image's structures are read in
 * CoreAndStackTest; the shadow-stack walk and call-site table alone in
 * ShadowStackAndCallSiteTableTest): a shadow stack that loops, pointers into nowhere, a
 * suspended-call list that loops, counts and lengths out of range, control characters in names.
 * Each gives an error line for that thread; none throws, none runs away.
 */
class JavaStackReaderTest {
    static final long BASE = 0x10000, SIZE = 0x10000;
    static final long STACK_TOP = BASE, CURRENT_FIBER = BASE + 8, CURRENT_THREAD = BASE + 16, LAST_PENDING = BASE + 24;
    static final long CALL_SITES = BASE + 0x100, LOCATIONS = BASE + 0x200, METHOD = BASE + 0x300, FRAMES = BASE + 0x1000;

    final ByteBuffer mem = ByteBuffer.allocate((int) SIZE).order(ByteOrder.LITTLE_ENDIAN);
    final JavaDebugInfo d = new JavaDebugInfo(JavaDebugInfo.MAGIC, JavaDebugInfo.VERSION, STACK_TOP, CALL_SITES, 2,
            CURRENT_FIBER, CURRENT_THREAD, LAST_PENDING,
            0, 8,           // frame: next, callSiteId
            16, 8,          // call site: size, location
            0, 8, 16,       // location: method, line, next
            0, 8, 16,       // method: file, class, name (TeaVM_String**)
            8, 8, 16, 16,   // String.chars; array size, chars, ints
            0, 8, 0, 8,     // PendingCall.previous, callback; callback.javaThread, fiber
            0, 0, 8,        // Fiber.kilnCallSites; Thread.name, id
            8);             // the call-site tables' pointers: 64-bit, as TeaVM writes them
    /** The guest's memory: {@link #mem} is copied into it for each read, so that reads are checked as a VM's are. */
    final GuestRam ram = GuestRam.map(BASE + SIZE);
    final GuestMemory guest = new GuestMemory(ram, List.of(new Region(BASE, BASE + SIZE, Access.DATA)));
    private long next = BASE + 0x4000;

    void put(long a, long v) {
        mem.putLong((int) (a - BASE), v);
    }

    void putInt(long a, int v) {
        mem.putInt((int) (a - BASE), v);
    }

    /** A java.lang.String object (and its char[]) holding text; returns its address. */
    long string(String text) {
        long s = next, chars = next + 32;
        put(s + 8, chars);
        putInt(chars + 8, text.length());
        for (int i = 0; i < text.length(); i++) mem.putChar((int) (chars + 16 + 2 * i - BASE), text.charAt(i));
        next += 64 + 2L * text.length() + 16 & -16;
        return s;
    }

    /** A TeaVM_String* slot pointing at a new string; returns the slot's address. */
    long ref(String text) {
        long slot = next;
        next += 16;
        put(slot, string(text));
        return slot;
    }

    JavaStackReaderTest() {
        put(METHOD, ref("Worker.java"));
        put(METHOD + 8, ref("app.Worker"));
        put(METHOD + 16, ref("work"));
        put(LOCATIONS, METHOD);
        putInt(LOCATIONS + 8, 42);
        put(CALL_SITES + 8, LOCATIONS); // call site 0; call site 1 has no location
        put(STACK_TOP, FRAMES);
        putInt(FRAMES + 8, 0);
    }

    @AfterEach
    void unmap() {
        ram.unmap();
    }

    JavaStackReader reader() {
        guest.boot().putBytes(BASE, mem.array());
        return new JavaStackReader(d, new GuestMemoryWords(guest));
    }

    static final long THREAD = BASE + 0x2000;

    /** One suspended call of a thread named {@code name}; returns its fiber's call-site id array, still empty. */
    long waitingThread(String name) {
        long fiber = BASE + 0x2100, callback = BASE + 0x2200, pending = BASE + 0x2300, ids = BASE + 0x2400;
        put(THREAD, string(name));
        put(fiber, ids);
        put(callback, THREAD);
        put(callback + 8, fiber);
        put(pending + 8, callback);
        put(LAST_PENDING, pending);
        return ids;
    }

    @Test
    void aWellFormedRunningStackAndWaitingThread() {
        long ids = waitingThread("worker-1");
        putInt(ids + 16, 2);
        putInt(ids + 20, 0);
        putInt(ids + 24, 7); // no such call site
        List<JavaThreadStack> t = reader().threads();
        assertEquals(new JavaThreadStack("event loop", "running", List.of("app.Worker.work(Worker.java:42)"), null), t.get(0));
        assertEquals(new JavaThreadStack("worker-1", "waiting", List.of("app.Worker.work(Worker.java:42)",
                "<no call site 7>"), null), t.get(1));
        assertEquals(2, t.size());
    }

    @Test
    void aShadowStackThatLoopsEndsAfterTheFrameLimit() {
        put(FRAMES, FRAMES + 16); // two frames, each the other's caller
        put(FRAMES + 16, FRAMES);
        JavaThreadStack running = reader().running();
        assertEquals(JavaDebugInfo.MAX_FRAMES, running.frames().size());
        assertEquals("more than 4096 frames (a loop in the shadow stack?)", running.error());
    }

    @Test
    void aFrameThatIsItsOwnCallerEndsTheStackAtOnce() {
        put(FRAMES, FRAMES);
        JavaThreadStack running = reader().running();
        assertEquals(List.of("app.Worker.work(Worker.java:42)"), running.frames());
        assertEquals(String.format("the frame at 0x%x is its own caller", FRAMES), running.error());
    }

    @Test
    void aPointerIntoNowhereGivesAnErrorLine() {
        put(FRAMES, 0xdead0000L);
        JavaThreadStack running = reader().running();
        assertEquals(List.of("app.Worker.work(Worker.java:42)"), running.frames());
        // its call-site id, the first thing read of a frame
        assertEquals("0xdead0008 (+4 bytes) is not in readable guest memory", running.error());
        assertTrue(running.format().endsWith("    <stack unreadable: 0xdead0008 (+4 bytes) is not in readable guest memory>\n"),
                running.format());
    }

    @Test
    void aSuspendedCallListThatLoopsEndsAtTheThreadLimit() {
        long pending = BASE + 0x2300;
        put(pending, pending); // previous = itself, no callback
        put(LAST_PENDING, pending);
        List<JavaThreadStack> waiting = reader().waiting();
        assertEquals(JavaStackReader.MAX_THREADS + 1, waiting.size());
        assertTrue(waiting.getLast().error().contains("more than 1024 suspended calls"), waiting.getLast().toString());
    }

    @Test
    void countsAndLengthsOutOfRangeAndControlCharactersAreCaught() {
        long ids = waitingThread("evil\u001b[2Jname");
        putInt(ids + 16, 1_000_000);
        JavaThreadStack t = reader().waiting().getFirst();
        assertEquals("evil?[2Jname", t.name());
        assertEquals("a fiber's frame count of 1000000", t.error());

        long bad = string("x");
        putInt(mem.getLong((int) (bad + 8 - BASE)) + 8, -5); // its char[]'s length
        put(THREAD, bad);
        JavaThreadStack u = reader().waiting().getFirst();
        assertEquals("a string of -5 characters", u.error());
        assertNull(reader().running().error());
    }
}
