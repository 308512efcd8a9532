package dev.kiln.vmm.hypercall;

import dev.kiln.linux.kvm.KvmApi;
import dev.kiln.vmm.MappedGuest;
import dev.kiln.vmm.VmExit;
import dev.kiln.vmm.abi.Abi;
import dev.kiln.vmm.kvm.Vcpu.PortIo;
import dev.kiln.vmm.memory.GuestMemory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dispatcher's refusals and a few calls, on real guest memory (no KVM: the port-I/O exits
 * are made up as kvm_run would report them). Every refusal is a GuestError, never an exception.
 */
class HypercallDispatcherTest {
    private MappedGuest g;
    private GuestMemory memory;
    private ByteArrayOutputStream console;
    private HypercallDispatcher dispatcher;
    private long heap;

    @BeforeEach
    void setUp() {
        g = new MappedGuest();
        memory = g.memory;
        heap = g.layout.heapStart;
        console = new ByteArrayOutputStream();
        dispatcher = new HypercallDispatcher(memory, HypercallTable.standard(new ConsoleWriteCall(memory, console),
                new YieldCall(null, () -> true, () -> 0), new AbortCall(memory), new NetNotifyCall(null)));
    }

    @AfterEach
    void tearDown() {
        g.close();
    }

    private static PortIo out(int call, long block) {
        return new PortIo(KvmApi.IO_OUT, 4, Abi.port(call), 1, block);
    }

    private String refusal(PortIo io) {
        VmExit e = dispatcher.dispatch(io);
        VmExit.GuestError error = assertInstanceOf(VmExit.GuestError.class, e, String.valueOf(e));
        assertEquals(159, error.exitStatus());
        return error.message();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "IN                 | 0 | 4 | 1283 | 1 | 0x500000 | IN from port 0x503: the Kiln ABI has no IN hypercalls",
            "call 0             | 1 | 4 | 1280 | 1 | 0x500000 | OUT to unknown port 0x500 (not a Kiln hypercall)",
            "call HC_MAX+1      | 1 | 4 | 1287 | 1 | 0x500000 | OUT to unknown port 0x507 (not a Kiln hypercall)",
            "far port           | 1 | 4 | 65535 | 1 | 0x500000 | OUT to unknown port 0xffff (not a Kiln hypercall)",
            "byte access        | 1 | 1 | 1282 | 1 | 0x500000 | exit (port 0x502) made with a 1-byte access, count 1",
            "rep out            | 1 | 4 | 1282 | 3 | 0x500000 | exit (port 0x502) made with a 4-byte access, count 3",
            "bad data offset    | 1 | 4 | 1282 | 1 | -1 | exit: KVM reported a bad I/O data offset",
            "unaligned block    | 1 | 4 | 1282 | 1 | 0x500004 | exit: argument block 0x500004 is not 8-byte aligned",
            "block at page 0    | 1 | 4 | 1282 | 1 | 0 | exit: argument block 0x0 (+8 bytes) is not in guest readable memory",
            "block in the pool  | 1 | 4 | 1281 | 1 | 0x14000 | console_write: argument block 0x14000 (+16 bytes) is not in guest readable memory",
            "block beyond       | 1 | 4 | 1281 | 1 | 0xfffffff8 | console_write: argument block 0xfffffff8 (+16 bytes) is not in guest readable memory",
            "out block in bootinfo | 1 | 4 | 1283 | 1 | 0x4000 | walltime: argument block 0x4000 (+8 bytes) is not in guest writable memory",
            "no net device      | 1 | 4 | 1286 | 1 | 0x4000 | net_notify: this VM has no net device",
    })
    void refusals(String what, int direction, int size, int port, int count, String block, String expected) {
        long b = block.startsWith("0x") ? Long.parseLong(block.substring(2), 16) : Long.parseLong(block);
        String message = refusal(new PortIo(direction, size, port, count, b));
        assertTrue(message.startsWith(expected), what + ": " + message);
    }

    @Test
    void anUnknownNumberInsideTheAbiRangeIsAGuestErrorToo() {
        HypercallDispatcher withoutAbort = new HypercallDispatcher(memory, HypercallTable.standard(
                new ConsoleWriteCall(memory, console), new YieldCall(null, () -> true, () -> 0), new AbortCall(memory),
                new NetNotifyCall(null)).stream().filter(h -> h.number() != Abi.HC_ABORT).toList());
        VmExit e = withoutAbort.dispatch(out(Abi.HC_ABORT, heap));
        assertEquals(new VmExit.GuestError("hypercall 5 (port 0x505) is not served by this monitor"), e);
    }

    @Test
    void exitReadsTheStatusFromTheBlock() {
        memory.boot().putLong(heap, 42);
        assertEquals(new VmExit.Exited(42), dispatcher.dispatch(out(Abi.HC_EXIT, heap)));
        assertEquals(1, dispatcher.calls(Abi.HC_EXIT));
    }

    @Test
    void consoleWriteChecksItsBufferAndItsLength() {
        GuestMemory.BootWriter w = memory.boot();
        w.putBytes(heap + 64, "hi\n".getBytes(StandardCharsets.US_ASCII));
        w.putLong(heap, heap + 64);
        w.putLong(heap + 8, 3);
        w.putLong(heap + 16, 0x1000);      // a buffer in the GDT page
        w.putLong(heap + 24, 8);
        w.putLong(heap + 32, heap);
        w.putLong(heap + 40, -1);          // 2^64 - 1 bytes
        assertNull(dispatcher.dispatch(out(Abi.HC_CONSOLE_WRITE, heap)));
        assertEquals("hi\n", console.toString(StandardCharsets.US_ASCII));
        assertTrue(refusal(out(Abi.HC_CONSOLE_WRITE, heap + 16))
                .startsWith("console_write: buffer 0x1000 (+8 bytes) is not in guest readable memory"));
        assertEquals("console_write: length 18446744073709551615 is above the maximum 1048576",
                refusal(out(Abi.HC_CONSOLE_WRITE, heap + 32)));
        assertEquals(3, dispatcher.calls(Abi.HC_CONSOLE_WRITE), "refused calls count too");
    }

    @Test
    void walltimeWritesOnlyIntoWritableMemory() {
        assertNull(dispatcher.dispatch(out(Abi.HC_WALLTIME, heap)));
        long ns = memory.readable(heap, 8, "t").getLong(0);
        assertTrue(Math.abs(ns / 1_000_000 - System.currentTimeMillis()) < 60_000, "walltime " + ns);
        long text = g.image.entry() & -8;
        assertTrue(refusal(out(Abi.HC_WALLTIME, text)).contains("is not in guest writable memory"));
    }

    @Test
    void yieldWritesItsReadyBits() {
        GuestMemory.BootWriter w = memory.boot();
        w.putLong(heap, 1_000_000_000L);
        w.putLong(heap + 8, -1);
        assertNull(dispatcher.dispatch(out(Abi.HC_YIELD, heap)), "a stopped VM's yield returns at once");
        assertEquals(0, memory.readable(heap + 8, 8, "r").getLong(0));
    }

    @Test
    void abortTruncatesAndEscapesItsMessage() {
        GuestMemory.BootWriter w = memory.boot();
        w.putBytes(heap + 64, new byte[] {'o', 'h', '\n', 0, (byte) 0xff, '\\'});
        w.putLong(heap, heap + 64);
        w.putLong(heap + 8, 6);
        assertEquals(new VmExit.Aborted("oh\\n\\x00\\xff\\\\"), dispatcher.dispatch(out(Abi.HC_ABORT, heap)));
        w.putLong(heap + 8, Long.MIN_VALUE); // truncated to 4096 bytes, all readable heap
        VmExit.Aborted a = assertInstanceOf(VmExit.Aborted.class, dispatcher.dispatch(out(Abi.HC_ABORT, heap)));
        assertTrue(a.message().startsWith("oh\\n\\x00\\xff\\\\\\x00"), a.message());
    }

    @Test
    void duplicateOrOutOfRangeNumbersAreRefusedAtConstruction() {
        Hypercall exit = new Hypercall(Abi.HC_EXIT, "exit", 8, false, HypercallTable::exit);
        assertThrows(IllegalArgumentException.class, () -> new HypercallDispatcher(memory, List.of(exit, exit)));
        assertThrows(IllegalArgumentException.class, () -> new HypercallDispatcher(
                memory, List.of(new Hypercall(Abi.HC_MAX + 1, "x", 8, false, HypercallTable::exit))));
    }
}
