package dev.kiln.vmm.sandbox;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.kiln.vmm.sandbox.ArgCheck.equals32;
import static dev.kiln.vmm.sandbox.ArgCheck.masked32;
import static dev.kiln.vmm.sandbox.Syscall.*;

/**
 * The seccomp filter of each kind of monitor thread: what it may ask of the kernel once it
 * serves a guest. docs/security.md explains each list; SecurityDocTest checks that the page
 * and these lists agree.
 *
 * <p>The lists were measured (strace -f on real runs: hello, crashes, guest errors, timeouts,
 * the HTTP example behind -p under curl with resets, the net device tests) and every entry
 * says why the thread needs it. A thread is a JVM thread before it is a vCPU or an I/O loop,
 * so each filter starts from {@link #jvmThread}: what HotSpot and glibc do on any thread that
 * waits, allocates, takes signals and ends.
 */
public final class MonitorFilters {
    /** futex(2): the operation without FUTEX_PRIVATE_FLAG and FUTEX_CLOCK_REALTIME, as the kernel masks it. */
    static final int FUTEX_CMD_MASK = ~(128 | 256);
    static final int FUTEX_WAIT = 0, FUTEX_WAKE = 1, FUTEX_WAIT_BITSET = 9, FUTEX_WAKE_BITSET = 10;
    static final int MADV_DONTNEED = 4;
    static final int STDOUT = 1, STDERR = 2;
    static final int F_GETFL = 3, F_SETFL = 4;
    static final int SOL_SOCKET = 1, SO_LINGER = 13;
    /**
     * The signal the JDK sends a thread blocked in I/O on a socket that another thread closes
     * (SIGRTMAX - 2 with glibc, see the JDK's NativeThread), so that the blocked call returns.
     */
    static final int JDK_INTERRUPT_SIGNAL = 62;

    /** The descriptors open on the JDK's class archive, lib/modules (found once: the JVM never closes it). */
    private static final int[] MODULES_FDS = descriptorsOf(Path.of(System.getProperty("java.home"), "lib", "modules"));
    private static final int PID = (int) ProcessHandle.current().pid();
    private static final SyscallFilter JVM_THREAD = buildJvmThread();

    private MonitorFilters() {}

    /**
     * What any confined thread needs because it is a JVM thread: locks and parking, memory for
     * glibc's malloc and HotSpot, signals, the clock, loading a JDK class, ending.
     */
    static SyscallFilter jvmThread() {
        return JVM_THREAD;
    }

    private static SyscallFilter buildJvmThread() {
        SyscallFilter.Builder b = SyscallFilter.builder("jvm");
        for (int cmd : new int[] {FUTEX_WAIT, FUTEX_WAKE, FUTEX_WAIT_BITSET, FUTEX_WAKE_BITSET}) {
            b.allowIf(FUTEX, "Java monitors, park/unpark, HotSpot's own locks and safepoint waits (glibc's mutexes and"
                    + " condition variables: wait and wake, no requeue, no priority inheritance)",
                    masked32(1, FUTEX_CMD_MASK & 0xffff_ffffL, cmd));
        }
        b.allow(RT_SIGRETURN, "return from a signal handler: the vCPU kick, the JDK's I/O interrupt, HotSpot's"
                + " SIGSEGV-based null checks and safepoint polls");
        b.allow(RT_SIGPROCMASK, "HotSpot blocks signals on a thread that ends, and its signal handlers set masks");
        b.allow(RESTART_SYSCALL, "the kernel resumes a wait a signal interrupted (futex with a timeout)");
        b.allow(CLOCK_GETTIME, "the clock when the vDSO cannot read it in user space (System.nanoTime,"
                + " Instant.now); usually not a system call at all");
        b.allow(GETTID, "HotSpot asks for the thread's id when the thread runs a handshake operation on itself"
                + " (deoptimization, suspension): seen under load on the vCPU, net I/O and relay threads");
        b.allow(SCHED_YIELD, "HotSpot's spin-yield-sleep waits (SpinYield: lock-free tables, global counters) under"
                + " contention (not seen in the traces; load-dependent)");
        b.allow(NANOSLEEP, "... and their short sleeps (os::naked_short_nanosleep; glibc makes it clock_nanosleep)");
        b.allow(CLOCK_NANOSLEEP, "... the same sleeps as glibc makes them");
        b.allow(MMAP, "memory: HotSpot commits heap and metaspace and uncommits an ending thread's guard pages; glibc"
                + " gives a thread its malloc arena. Any protection: HotSpot commits code cache (executable) on whichever"
                + " thread needs room there, such as one linking a class (adapters); not seen in the traces");
        b.allow(MPROTECT, "memory: glibc grows a thread's malloc arena, HotSpot guards and unguards stack pages");
        b.allow(MUNMAP, "memory: glibc and HotSpot release mappings");
        b.allowIf(MADVISE, "memory: glibc drops an ending thread's stack and trims its arena (MADV_DONTNEED only)",
                equals32(2, MADV_DONTNEED));
        b.allow(BRK, "memory: glibc's main arena, which a thread shares when there are more threads than arenas"
                + " (not seen in the traces; load-dependent)");
        b.allow(MREMAP, "memory: glibc's realloc of a large block (not seen in the traces; load-dependent)");
        for (int fd : MODULES_FDS) {
            b.allowIf(PREAD64, "loading a JDK class not in the CDS archive (string concatenation, lambda and"
                    + " formatting bootstraps on rare paths): reads of the JDK's lib/modules, by descriptor", equals32(0, fd));
        }
        b.allow(EXIT, "the thread ends");
        return b.build();
    }

    /**
     * A vCPU thread: KVM_RUN and register reads on its own vCPU, console output, the net
     * device's doorbell.
     *
     * @param vcpuFd the vCPU's descriptor
     * @param vcpuIoctls the ioctl requests the thread makes on it
     * @param doorbellFd the net device's eventfd, or -1 without a net device
     */
    public static SyscallFilter vcpu(int vcpuFd, long[] vcpuIoctls, int doorbellFd) {
        SyscallFilter.Builder b = SyscallFilter.builder("vcpu");
        for (long request : vcpuIoctls) {
            b.allowIf(IOCTL, "KVM_RUN, and KVM_GET_REGS / KVM_GET_SREGS for a crash report or a profiler's sample, on this VM's vCPU only",
                    equals32(0, vcpuFd), equals32(1, request));
        }
        b.allowIf(WRITE, "the guest's console, on the monitor's stdout or stderr (kiln run: stdout; kiln bench http:"
                + " stderr), and the net device's doorbell eventfd (the notify hypercall), by descriptor",
                equals32(0, STDOUT));
        b.orIf(WRITE, equals32(0, STDERR));
        if (doorbellFd >= 0) b.orIf(WRITE, equals32(0, doorbellFd));
        return b.include(jvmThread()).build();
    }

    /**
     * A net device's I/O thread: frames to and from its tap, its doorbell, waiting on both,
     * and stopping the VM (kicking the vCPU thread) when the guest breaks the ring ABI.
     */
    public static SyscallFilter netIo(int tapFd, int doorbellFd, int kickSignal) {
        return SyscallFilter.builder("net-io")
                .allowIf(READ, "frames from the tap, and resetting the doorbell eventfd, by descriptor", equals32(0, tapFd))
                .orIf(READ, equals32(0, doorbellFd))
                .allowIf(WRITE, "frames to the tap, by descriptor", equals32(0, tapFd))
                .allow(POLL, "waiting for the tap and the doorbell (poll only waits: any descriptor is harmless)")
                .allowIf(TGKILL, "kicking the vCPU thread out of KVM_RUN to stop the VM on a guest error: the kick"
                        + " signal, to a thread of this process only", equals32(0, PID), equals32(2, kickSignal))
                .include(jvmThread()).build();
    }

    /** The timeout thread (it only stops VMs: a lock, a store, a kick, an unpark) and the profiler's sampler (it kicks). */
    public static SyscallFilter timer(int kickSignal) {
        return SyscallFilter.builder("timer")
                .allowIf(TGKILL, "kicking a vCPU thread out of KVM_RUN (a stop, a profiler's sample): the kick signal, to a thread of this process",
                        equals32(0, PID), equals32(2, kickSignal))
                .include(jvmThread()).build();
    }

    /** A published port's acceptor: accepts on 127.0.0.1 and hands each connection to a new relay thread. */
    public static SyscallFilter relayAccept() {
        return SyscallFilter.builder("relay-accept")
                .allow(ACCEPT, "accepting a connection on the published port's listener")
                .allow(GETSOCKNAME, "the JDK reads the accepted socket's local address")
                .allowIf(FCNTL, "the JDK reads and sets the accepted socket's blocking mode (F_GETFL, F_SETFL only)",
                        equals32(1, F_GETFL))
                .orIf(FCNTL, equals32(1, F_SETFL))
                .allowIf(GETSOCKOPT, "the JDK reads SO_LINGER when it closes a socket", equals32(1, SOL_SOCKET),
                        equals32(2, SO_LINGER))
                .allow(CLOSE, "closing a connection over the limit, and the listener when the last user leaves it")
                .allowIf(WRITE, "one line on stderr when accepting fails", equals32(0, STDERR))
                .include(jvmThread()).build();
    }

    /**
     * A relay thread, once connected: copies bytes one way between the host client and the
     * guest (socket descriptors are not known to the filter: any descriptor), passes
     * half-closes on, and closes both on an error.
     */
    public static SyscallFilter relayCopy() {
        return SyscallFilter.builder("relay-copy")
                .allow(READ, "reading from the source socket")
                .allow(WRITE, "writing to the destination socket")
                .allow(POLL, "waiting for the guest side (non-blocking after its connect with a timeout)")
                .allow(SHUTDOWN, "passing a half-close on (shutdownOutput)")
                .allowIf(GETSOCKOPT, "the JDK reads SO_LINGER when it closes a socket", equals32(1, SOL_SOCKET),
                        equals32(2, SO_LINGER))
                .allow(CLOSE, "closing both sockets when either side fails")
                .allow(DUP2, "the JDK's pre-close: a socket another thread is blocked on is first replaced by a dead"
                        + " one with dup2")
                .allow(GETPID, "the JDK wakes that blocked thread with pthread_kill, which asks for the process id")
                .allowIf(TGKILL, "... and signals it: the JDK's interrupt signal, to a thread of this process only",
                        equals32(0, PID), equals32(2, JDK_INTERRUPT_SIGNAL))
                .include(jvmThread()).build();
    }

    /**
     * The GDB stub's threads (kiln run --gdb only): accepting the debugger on its loopback or unix
     * listener, its packets both ways (socket descriptors are not known to the filter: any
     * descriptor, and stderr for the stub's log lines), the register and guest-debug ioctls on this
     * VM's vCPU (made while the vCPU thread waits: the vCPU's own filter gains nothing), and the
     * vCPU kick for Ctrl-C.
     */
    public static SyscallFilter gdb(int vcpuFd, long[] vcpuIoctls, int kickSignal) {
        SyscallFilter.Builder b = SyscallFilter.builder("gdb")
                .allow(ACCEPT, "accepting the debugger on the stub's listener")
                .allow(GETSOCKNAME, "the JDK reads the accepted socket's local address")
                .allowIf(FCNTL, "the JDK reads and sets the accepted socket's blocking mode (F_GETFL, F_SETFL only)",
                        equals32(1, F_GETFL))
                .orIf(FCNTL, equals32(1, F_SETFL))
                .allowIf(GETSOCKOPT, "the JDK reads SO_LINGER when it closes a socket", equals32(1, SOL_SOCKET),
                        equals32(2, SO_LINGER))
                .allow(READ, "the debugger's packets")
                .allow(WRITE, "replies to the debugger, and the stub's log lines on stderr")
                .allow(POLL, "the JDK waits on a socket")
                .allow(CLOSE, "closing the debugger's connection")
                .allow(DUP2, "the JDK's pre-close of a socket another thread is blocked on")
                .allow(GETPID, "the JDK wakes a blocked thread with pthread_kill, which asks for the process id");
        for (long request : vcpuIoctls) {
            b.allowIf(IOCTL, "KVM_GET_REGS, KVM_SET_REGS, KVM_GET_SREGS and KVM_SET_GUEST_DEBUG on this VM's vCPU"
                    + " only, while its thread waits for the debugger", equals32(0, vcpuFd), equals32(1, request));
        }
        b.allowIf(TGKILL, "Ctrl-C: kicking the vCPU thread out of KVM_RUN; and the JDK's interrupt signal; to a thread"
                + " of this process only", equals32(0, PID), equals32(2, kickSignal));
        b.orIf(TGKILL, equals32(0, PID), equals32(2, JDK_INTERRUPT_SIGNAL));
        return b.include(jvmThread()).build();
    }

    /** The descriptors of this process open on file (via /proc/self/fd); none if it cannot tell. */
    static int[] descriptorsOf(Path file) {
        List<Integer> found = new ArrayList<>();
        try {
            Path target = file.toRealPath();
            try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc/self/fd"))) {
                for (Path fd : fds) {
                    try {
                        if (Files.readSymbolicLink(fd).equals(target)) found.add(Integer.parseInt(fd.getFileName().toString()));
                    } catch (IOException | NumberFormatException e) {
                        // closed since the listing (the listing's own descriptor), or not a number
                    }
                }
            }
        } catch (IOException e) {
            // no such file (an exploded JDK build) or no /proc: then nothing is allowed, and a class
            // load on a confined thread stops the process loudly
        }
        return found.stream().mapToInt(Integer::intValue).toArray();
    }
}
