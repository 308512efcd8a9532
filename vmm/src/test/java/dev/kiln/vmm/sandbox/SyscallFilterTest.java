package dev.kiln.vmm.sandbox;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static dev.kiln.vmm.sandbox.ArgCheck.equals32;
import static dev.kiln.vmm.sandbox.ArgCheck.equals64;
import static dev.kiln.vmm.sandbox.ArgCheck.masked32;
import static dev.kiln.vmm.sandbox.Confined.REFUSED;
import static dev.kiln.vmm.sandbox.Syscall.GETPID;
import static dev.kiln.vmm.sandbox.Syscall.GETPPID;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the compiled BPF programs do, on the real kernel: each test confines a fresh thread to
 * a small filter whose forbidden verdict is a distinctive errno, makes calls with chosen
 * register values, and compares. getppid(2) ignores its arguments, but seccomp sees the
 * registers whatever the call, so it is the probe for argument checks.
 */
class SyscallFilterTest {
    private static final long PID = ProcessHandle.current().pid();
    private static final long PPID = ProcessHandle.current().parent().orElseThrow().pid();

    private static SyscallFilter.Builder base() {
        return SyscallFilter.builder("test").include(MonitorFilters.jvmThread());
    }

    @Test
    void listedCallsRunAndOthersGetTheForbiddenVerdict() throws Exception {
        long[] r = Confined.run(base().allow(GETPID, "test").build(),
                () -> new long[] {RawSyscall.call(GETPID), RawSyscall.call(GETPPID)});
        assertArrayEquals(new long[] {PID, -REFUSED}, r);
    }

    @Test
    void a32BitCheckComparesTheLowHalfOnly() throws Exception {
        long[] r = Confined.run(base().allowIf(GETPPID, "test", equals32(0, 7)).build(), () -> new long[] {
            RawSyscall.call(GETPPID, 7), RawSyscall.call(GETPPID, 8), RawSyscall.call(GETPPID, 0xffff_ffff_0000_0007L)});
        // the kernel reads an int argument from the low half of its register: upper bits change nothing
        assertArrayEquals(new long[] {PPID, -REFUSED, PPID}, r);
    }

    @Test
    void a64BitCheckComparesBothHalves() throws Exception {
        long[] r = Confined.run(base().allowIf(GETPPID, "test", equals64(3, 0x1_0000_0007L)).build(), () -> new long[] {
            RawSyscall.call(GETPPID, 0, 0, 0, 0x1_0000_0007L), RawSyscall.call(GETPPID, 0, 0, 0, 7),
            RawSyscall.call(GETPPID, 0, 0, 0, 0x2_0000_0007L), RawSyscall.call(GETPPID, 0, 0, 0, 0x1_0000_0008L)});
        assertArrayEquals(new long[] {PPID, -REFUSED, -REFUSED, -REFUSED}, r);
    }

    @Test
    void maskedChecksAndAlternatives() throws Exception {
        // as the futex rule: the command without its flag bits must be one of the listed ones
        SyscallFilter f = base().allowIf(GETPPID, "test", masked32(1, 0x7f, 9)).orIf(GETPPID, masked32(1, 0x7f, 1)).build();
        long[] r = Confined.run(f, () -> new long[] {RawSyscall.call(GETPPID, 0, 9), RawSyscall.call(GETPPID, 0, 9 | 128 | 256),
            RawSyscall.call(GETPPID, 0, 1 | 128), RawSyscall.call(GETPPID, 0, 6 | 128), RawSyscall.call(GETPPID, 0, 0)});
        assertArrayEquals(new long[] {PPID, PPID, PPID, -REFUSED, -REFUSED}, r);
    }

    @Test
    void everyCheckOfAnAlternativeMustHold() throws Exception {
        SyscallFilter f = base().allowIf(GETPPID, "test", equals32(0, 1), equals32(2, 3)).build();
        long[] r = Confined.run(f, () -> new long[] {RawSyscall.call(GETPPID, 1, 99, 3), RawSyscall.call(GETPPID, 1, 99, 4),
            RawSyscall.call(GETPPID, 2, 99, 3)});
        assertArrayEquals(new long[] {PPID, -REFUSED, -REFUSED}, r);
    }

    @Test
    void allowingACallWithoutConditionsOverridesItsChecks() {
        SyscallFilter f = base().allowIf(GETPPID, "test", equals32(0, 1)).allow(GETPPID, "test")
                .allowIf(GETPPID, "test", equals32(0, 2)).build();
        assertTrue(f.rule(GETPPID).unconditional());
    }

    @Test
    void onlyTheCallingThreadIsConfined() throws Exception {
        CountDownLatch confined = new CountDownLatch(1), checked = new CountDownLatch(1);
        long[] inside = new long[1];
        Thread t = Thread.ofPlatform().start(() -> {
            RawSyscall.prepare();
            Sandbox.confine(base().build(), FilterAction.errno(REFUSED));
            inside[0] = RawSyscall.call(GETPPID);
            confined.countDown();
            try {
                checked.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertTrue(confined.await(60, TimeUnit.SECONDS));
        long outside = RawSyscall.call(GETPPID); // the test's thread, while the other one is confined
        checked.countDown();
        t.join();
        assertEquals(-REFUSED, inside[0]);
        assertEquals(PPID, outside);
    }

    @Test
    void aThreadIsConfinedOnce() throws Exception {
        SyscallFilter again = base().build();
        RuntimeException e = Confined.run(base().build(), () -> {
            try {
                Sandbox.confine(again, FilterAction.ALLOW);
                return null;
            } catch (IllegalStateException x) {
                return x;
            }
        });
        assertTrue(e != null && e.getMessage().contains("already confined"), String.valueOf(e));
    }

    @Test
    void aRuleTooLongForClassicBpfJumpsIsRefusedAtCompileTime() {
        SyscallFilter.Builder b = base();
        for (int i = 0; i < 100; i++) b.allowIf(GETPPID, "test", equals32(0, i), equals32(1, i));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> b.build().compile(FilterAction.KILL_PROCESS));
        assertTrue(e.getMessage().contains("0..255"), e.getMessage());
    }

    @Test
    void theProgramChecksTheArchitectureAndX32FirstAndKillsOnEither() {
        long[] p = base().build().compile(FilterAction.LOG);
        // ld arch; jeq AUDIT_ARCH_X86_64 (skip 1); ret KILL_PROCESS; ld nr; jge X32 bit (else skip 1); ret KILL_PROCESS
        assertEquals(insn(BpfAssembler.LD_W_ABS, 0, 0, SyscallFilter.DATA_ARCH), p[0]);
        assertEquals(insn(BpfAssembler.JEQ_K, 1, 0, SyscallFilter.AUDIT_ARCH_X86_64), p[1]);
        assertEquals(insn(BpfAssembler.RET_K, 0, 0, FilterAction.KILL_PROCESS.value()), p[2]);
        assertEquals(insn(BpfAssembler.LD_W_ABS, 0, 0, SyscallFilter.DATA_NR), p[3]);
        assertEquals(insn(BpfAssembler.JGE_K, 0, 1, SyscallFilter.X32_SYSCALL_BIT), p[4]);
        assertEquals(insn(BpfAssembler.RET_K, 0, 0, FilterAction.KILL_PROCESS.value()), p[5]);
        assertEquals(insn(BpfAssembler.RET_K, 0, 0, FilterAction.LOG.value()), p[p.length - 1], "the default verdict");
    }

    private static long insn(int code, int jt, int jf, int k) {
        return code | ((long) jt << 16) | ((long) jf << 24) | ((k & 0xffff_ffffL) << 32);
    }
}
