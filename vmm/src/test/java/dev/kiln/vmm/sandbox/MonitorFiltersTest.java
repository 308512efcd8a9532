package dev.kiln.vmm.sandbox;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.kiln.vmm.sandbox.Confined.REFUSED;
import static dev.kiln.vmm.sandbox.Syscall.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each monitor thread kind's filter on the real kernel: a fresh thread confined to it (with a
 * distinctive errno as the verdict instead of killing the process) makes calls it must be
 * allowed and calls it must not. The arguments are chosen so that an allowed call fails
 * harmlessly in the kernel (a closed descriptor, a null pointer, a thread id that cannot
 * exist), which tells "the filter let it through" apart from "the filter refused it".
 */
class MonitorFiltersTest {
    private static final long PID = ProcessHandle.current().pid();
    /** Above the largest pid_max (2^22): tgkill finds no such thread (ESRCH) once the filter lets it through. */
    private static final long NO_TID = 4_194_305;
    private static final long CLOSED_FD = 1000, OTHER_FD = 1001, AT_FDCWD = -100;
    private static final long KVM_RUN = 0xAE80L, KVM_GET_REGS = 0x8090AE81L, KVM_SET_REGS = 0x4090AE82L;
    private static final int KICK = 40;

    private record Probe(String what, boolean allowed, Syscall call, long... args) {}

    private static Probe allowed(String what, Syscall call, long... args) {
        return new Probe(what, true, call, args);
    }

    private static Probe refused(String what, Syscall call, long... args) {
        return new Probe(what, false, call, args);
    }

    /** Calls no monitor thread may make, with arguments that would fail harmlessly if one could. */
    private static List<Probe> neverAllowed() {
        return List.of(
                refused("open a file", OPENAT, AT_FDCWD, 0, 0),
                refused("create a socket", SOCKET, -1, 1, 0),
                refused("connect a socket", CONNECT, CLOSED_FD, 0, 0),
                refused("run a program", EXECVE, 0, 0, 0),
                refused("create a thread or process", CLONE, 0x800, 0, 0, 0, 0), // CLONE_SIGHAND alone: EINVAL
                refused("create a thread or process (clone3)", CLONE3, 0, 0),
                refused("trace a process", PTRACE, 0xffff, 0, 0, 0),
                refused("write another process's memory", PROCESS_VM_WRITEV, 0, 0, 0, 0, 0, 0),
                refused("change its own filter", SECCOMP, 99, 0, 0),
                refused("futex with priority inheritance", FUTEX, 0, 6, 0, 0, 0, 0),
                refused("madvise other than MADV_DONTNEED (MADV_FREE)", MADVISE, 0, 0, 8),
                refused("read a file it did not name (not lib/modules)", PREAD64, CLOSED_FD, 0, 0, 0),
                allowed("wake a futex", FUTEX, 0, 1 | 128, 0, 0, 0, 0),
                allowed("madvise(MADV_DONTNEED)", MADVISE, 0, 0, 4),
                allowed("read the clock", CLOCK_GETTIME, 1, 0),
                allowed("its thread id (HotSpot's handshakes)", GETTID),
                refused("its parent's process id", GETPPID));
    }

    private static void check(SyscallFilter filter, List<Probe> specific) throws Exception {
        List<Probe> probes = new ArrayList<>(neverAllowed());
        probes.addAll(specific);
        long[] results = Confined.run(filter, () -> {
            long[] r = new long[probes.size()];
            for (int i = 0; i < r.length; i++) r[i] = RawSyscall.call(probes.get(i).call(), probes.get(i).args());
            return r;
        });
        StringBuilder wrong = new StringBuilder();
        for (int i = 0; i < results.length; i++) {
            Probe p = probes.get(i);
            boolean refused = results[i] == -REFUSED;
            if (refused == p.allowed()) {
                wrong.append(String.format("%n  %s (%s): %s", p.what(), p.call().linuxName(),
                        p.allowed() ? "refused, must be allowed" : "allowed (returned " + results[i] + "), must be refused"));
            }
        }
        assertEquals("", wrong.toString(), filter.kind() + " filter");
    }

    @Test
    void vcpuThread() throws Exception {
        check(MonitorFilters.vcpu((int) CLOSED_FD, new long[] {KVM_RUN, KVM_GET_REGS}, (int) OTHER_FD), List.of(
                allowed("KVM_RUN on its vCPU", IOCTL, CLOSED_FD, KVM_RUN, 0),
                allowed("KVM_GET_REGS on its vCPU", IOCTL, CLOSED_FD, KVM_GET_REGS, 0),
                refused("KVM_SET_REGS on its vCPU", IOCTL, CLOSED_FD, KVM_SET_REGS, 0),
                refused("KVM_RUN on another descriptor", IOCTL, OTHER_FD, KVM_RUN, 0),
                allowed("write the console (stdout)", WRITE, 1, 0, 0),
                allowed("ring the net device's doorbell", WRITE, OTHER_FD, 0, 0),
                allowed("write the console (stderr)", WRITE, 2, 0, 0),
                refused("write another descriptor", WRITE, CLOSED_FD, 0, 0),
                refused("read", READ, CLOSED_FD, 0, 0),
                refused("signal a thread", TGKILL, PID, NO_TID, KICK)));
    }

    @Test
    void vcpuThreadWithoutNetDevice() throws Exception {
        check(MonitorFilters.vcpu((int) CLOSED_FD, new long[] {KVM_RUN}, -1), List.of(
                allowed("KVM_RUN on its vCPU", IOCTL, CLOSED_FD, KVM_RUN, 0),
                allowed("write the console (stdout)", WRITE, 1, 0, 0),
                refused("write what would be a doorbell", WRITE, OTHER_FD, 0, 0)));
    }

    @Test
    void netIoThread() throws Exception {
        check(MonitorFilters.netIo((int) CLOSED_FD, (int) OTHER_FD, KICK), List.of(
                allowed("read a frame from the tap", READ, CLOSED_FD, 0, 0),
                allowed("reset the doorbell", READ, OTHER_FD, 0, 0),
                allowed("write a frame to the tap", WRITE, CLOSED_FD, 0, 0),
                refused("write the doorbell", WRITE, OTHER_FD, 0, 0),
                refused("write stdout", WRITE, 1, 0, 0),
                refused("read another descriptor", READ, 5, 0, 0),
                allowed("wait in poll", POLL, 0, 0, 0),
                allowed("kick a vCPU thread", TGKILL, PID, NO_TID, KICK),
                refused("another signal", TGKILL, PID, NO_TID, 9),
                refused("a signal to another process", TGKILL, PID + 1, NO_TID, KICK),
                refused("ioctl", IOCTL, CLOSED_FD, KVM_RUN, 0)));
    }

    @Test
    void timerThread() throws Exception {
        check(MonitorFilters.timer(KICK), List.of(
                allowed("kick a vCPU thread", TGKILL, PID, NO_TID, KICK),
                refused("another signal", TGKILL, PID, NO_TID, 15),
                refused("write", WRITE, 1, 0, 0),
                refused("read", READ, CLOSED_FD, 0, 0),
                refused("poll", POLL, 0, 0, 0)));
    }

    @Test
    void relayAcceptor() throws Exception {
        check(MonitorFilters.relayAccept(), List.of(
                allowed("accept", ACCEPT, CLOSED_FD, 0, 0),
                allowed("getsockname", GETSOCKNAME, CLOSED_FD, 0, 0),
                allowed("fcntl(F_GETFL)", FCNTL, CLOSED_FD, 3),
                allowed("fcntl(F_SETFL)", FCNTL, CLOSED_FD, 4, 0),
                refused("fcntl(F_DUPFD)", FCNTL, CLOSED_FD, 0, 0),
                allowed("getsockopt(SO_LINGER)", GETSOCKOPT, CLOSED_FD, 1, 13, 0, 0),
                refused("getsockopt(SO_PEERCRED)", GETSOCKOPT, CLOSED_FD, 1, 17, 0, 0),
                allowed("close", CLOSE, CLOSED_FD),
                allowed("a line on stderr", WRITE, 2, 0, 0),
                refused("write stdout", WRITE, 1, 0, 0),
                refused("read", READ, CLOSED_FD, 0, 0),
                refused("signal a thread", TGKILL, PID, NO_TID, 62)));
    }

    @Test
    void relayCopyThread() throws Exception {
        check(MonitorFilters.relayCopy(), List.of(
                allowed("read", READ, CLOSED_FD, 0, 0),
                allowed("write", WRITE, CLOSED_FD, 0, 0),
                allowed("poll", POLL, 0, 0, 0),
                allowed("shutdown", SHUTDOWN, CLOSED_FD, 1),
                allowed("close", CLOSE, CLOSED_FD),
                allowed("pre-close with dup2", DUP2, CLOSED_FD, OTHER_FD),
                allowed("getpid", GETPID),
                allowed("wake a blocked thread (the JDK's signal)", TGKILL, PID, NO_TID, 62),
                refused("the kick signal", TGKILL, PID, NO_TID, KICK),
                refused("accept", ACCEPT, CLOSED_FD, 0, 0),
                refused("ioctl", IOCTL, CLOSED_FD, KVM_RUN, 0)));
    }

    @Test
    void everyFilterAllowsReadingTheJdkClassArchive() throws Exception {
        int[] modules = MonitorFilters.descriptorsOf(java.nio.file.Path.of(System.getProperty("java.home"), "lib", "modules"));
        assertTrue(modules.length > 0, "the JVM keeps lib/modules open; /proc/self/fd shows none");
        check(MonitorFilters.timer(KICK), List.of(allowed("pread64 on lib/modules", PREAD64, modules[0], 0, 0, 0)));
    }
}
