package dev.kiln.linux;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * The libc functions Kiln calls, as FFM downcalls into the process's glibc: the monitor's on
 * the host (KVM, memory, taps, namespaces, signals) and the jvm flavor's init's inside its
 * guest (mounts, clock, reboot).
 *
 * <p><b>One convention for errors</b>, the kernel's own: a call returns what the system call
 * returns, a non-negative value on success and {@code -errno} on failure (mmap included: no
 * user-space address is within 4096 of 2^64). errno is captured by the downcall itself,
 * because the JVM may run code that clobbers it between the call and a later read, into a
 * capture area of the calling thread, and read at once; no error state outlives the call.
 * {@link Errno#describe} names an errno and {@link Errno#check} turns a result into an
 * {@link ErrnoException}.
 *
 * <p><b>One way in.</b> Every function is one downcall stub ({@link #SHAPE}: six longs to a
 * long, by the x86-64 calling convention) bound to the function's address, so every handle
 * has the same Java type, (capture area, six longs) to long: int arguments are widened by the
 * caller, pointers passed as addresses (of native memory that stays allocated for the call,
 * as every caller's does), unused arguments passed as 0. Two invokers hold the errno
 * convention and the Throwable of invokeExact: {@link #call} for long and pointer results,
 * {@link #callInt} for int results. The JIT still sees a direct call through each constant
 * handle. One stub, not one per C prototype, because the JDK spins each stub's classes at run
 * time: a `kiln run` linked ten of them, about 20 ms of its start and more in the compiler.
 *
 * <p>Each handle is made on first use, in a holder class of its own: the jvm flavor's init
 * runs under QEMU's TCG, where all start work is slow, and needs only a few of them;
 * {@link #linkAll} makes them all ahead (its AOT training run). The code avoids lambdas for
 * the same reason.
 */
public final class Libc {
    public static final int O_RDONLY = 0, O_RDWR = 2, O_NOCTTY = 0400, O_NONBLOCK = 04000, O_CLOEXEC = 02000000;
    public static final int PROT_READ = 1, PROT_WRITE = 2;
    public static final int MAP_SHARED = 1, MAP_PRIVATE = 2, MAP_ANONYMOUS = 0x20, MAP_NORESERVE = 0x4000;
    public static final int MADV_DONTNEED = 4;
    public static final short POLLIN = 1, POLLOUT = 4;
    public static final int AF_UNIX = 1, SOCK_STREAM = 1, SOCK_NONBLOCK = O_NONBLOCK, SOCK_CLOEXEC = O_CLOEXEC;
    public static final int EFD_NONBLOCK = O_NONBLOCK, EFD_CLOEXEC = O_CLOEXEC;
    public static final int CLONE_NEWNET = 0x40000000;
    public static final int CLOCK_REALTIME = 0;
    public static final int MS_NOSUID = 2, MS_NODEV = 4, MS_NOEXEC = 8;
    /** reboot(2) magic: RB_AUTOBOOT restarts (with the kernel's reboot=t and QEMU's -no-reboot, QEMU exits). */
    public static final int RB_AUTOBOOT = 0x01234567;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final SymbolLookup LIBC = LINKER.defaultLookup();
    private static final StructLayout CAPTURE_LAYOUT = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CAPTURE_LAYOUT.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    /** One capture area per thread, freed with the thread (an automatic arena). No lambda: see above. */
    private static final ThreadLocal<MemorySegment> CAPTURE = new ThreadLocal<>() {
        @Override
        protected MemorySegment initialValue() {
            return Arena.ofAuto().allocate(CAPTURE_LAYOUT);
        }
    };

    private Libc() {}

    // One holder per function: the handle is made when the function is first called. Pointers are JAVA_LONG.
    private static final class Open { static final MethodHandle H = link("open"); }
    private static final class Close { static final MethodHandle H = link("close"); }
    private static final class Read { static final MethodHandle H = link("read"); }
    private static final class Write { static final MethodHandle H = link("write"); }
    /** ioctl is variadic; every request Kiln makes passes one integer or pointer argument. */
    private static final class Ioctl { static final MethodHandle H = link("ioctl"); }
    private static final class Poll { static final MethodHandle H = link("poll"); }
    private static final class EventFd { static final MethodHandle H = link("eventfd"); }
    private static final class Mmap {
        static final MethodHandle H = link("mmap");
    }
    private static final class Munmap { static final MethodHandle H = link("munmap"); }
    private static final class Madvise { static final MethodHandle H = link("madvise"); }
    private static final class Mincore { static final MethodHandle H = link("mincore"); }
    private static final class Getpid { static final MethodHandle H = link("getpid"); }
    private static final class Gettid { static final MethodHandle H = link("gettid"); }
    private static final class Geteuid { static final MethodHandle H = link("geteuid"); }
    private static final class Tgkill { static final MethodHandle H = link("tgkill"); }
    private static final class Kill { static final MethodHandle H = link("kill"); }
    private static final class Sigaction { static final MethodHandle H = link("sigaction"); }
    private static final class Setns { static final MethodHandle H = link("setns"); }
    private static final class Socket { static final MethodHandle H = link("socket"); }
    private static final class Connect { static final MethodHandle H = link("connect"); }
    private static final class Unshare { static final MethodHandle H = link("unshare"); }
    /** int prctl(int option, ...): four unsigned long arguments follow. */
    private static final class Prctl {
        static final MethodHandle H = link("prctl");
    }
    /** long syscall(long number, ...): for calls glibc has no wrapper for (seccomp). */
    private static final class Syscall3 { static final MethodHandle H = link("syscall"); }
    private static final class Mount {
        static final MethodHandle H = link("mount");
    }
    private static final class Execv { static final MethodHandle H = link("execv"); }
    private static final class Mkfifo { static final MethodHandle H = link("mkfifo"); }
    private static final class Sethostname { static final MethodHandle H = link("sethostname"); }
    private static final class ClockSettime { static final MethodHandle H = link("clock_settime"); }
    private static final class Tcdrain { static final MethodHandle H = link("tcdrain"); }
    private static final class Reboot { static final MethodHandle H = link("reboot"); }
    private static final class Sync { static final MethodHandle H = link("sync"); }
    private static final class Strerror { static final MethodHandle H = link("strerror"); }
    /** glibc 2.32 and later; null before. */
    private static final class StrerrorName {
        static final MethodHandle H = LIBC.find("strerrorname_np").isPresent() ? link("strerrorname_np") : null;
    }

    /** Makes every downcall handle now (the jvm flavor's AOT training run records them). */
    public static void linkAll() {
        MethodHandle[] all = {Open.H, Close.H, Read.H, Write.H, Ioctl.H, Poll.H, EventFd.H, Mmap.H, Munmap.H, Madvise.H,
            Getpid.H, Gettid.H, Geteuid.H, Tgkill.H, Kill.H, Sigaction.H, Setns.H, Unshare.H, Prctl.H, Syscall3.H, Execv.H, Mkfifo.H,
            Mount.H, Sethostname.H,
            ClockSettime.H, Tcdrain.H, Reboot.H, Sync.H, Strerror.H, StrerrorName.H, Socket.H, Connect.H};
        if (getpid() <= 0 || all.length == 0) throw new IllegalStateException("nothing linked");
    }

    /**
     * The one downcall every function is linked through: six integer-class arguments and a
     * 64-bit result, errno captured, variadic from the second argument on. The JDK makes one
     * stub per distinct (descriptor, options) pair, spinning its classes at run time (they are
     * not in an AOT cache); one shape makes one stub for all of libc, and each function is that
     * stub bound to its address. The shape is the System V x86-64 ABI's, not a C prototype:
     * the first six integer or pointer arguments travel in rdi, rsi, rdx, rcx, r8 and r9 whether
     * the callee is variadic or not, and a callee ignores registers it takes no argument in;
     * variadic makes the caller set al to 0 (no vector registers), which a variadic callee
     * (ioctl, open, prctl, syscall) needs and any other ignores. The result is rax whole: a
     * function returning int leaves its upper half undefined, so {@link #callInt} narrows it
     * before looking at the sign.
     */
    private static final MethodHandle SHAPE = LINKER.downcallHandle(
            FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG),
            Linker.Option.captureCallState("errno"), Linker.Option.firstVariadicArg(1));

    /** A libc function, linked to the one type every function here has: (capture area, six longs) to long. */
    private static MethodHandle link(String name) {
        return SHAPE.bindTo(symbol(name));
    }

    /** The address of a libc function (VcpuKicker's signal handler). */
    public static MemorySegment symbol(String name) {
        Optional<MemorySegment> s = LIBC.find(name);
        if (s.isEmpty()) throw new IllegalStateException("libc has no " + name + "(): Kiln needs glibc on Linux x86-64");
        return s.get();
    }

    /** Calls a function that returns a long or a pointer: its result, or -errno when it is negative. */
    private static long call(MethodHandle h, long a, long b, long c, long d, long e, long f) {
        MemorySegment capture = CAPTURE.get();
        long r = invoke(h, capture, a, b, c, d, e, f);
        return r < 0 ? -(int) ERRNO.get(capture, 0L) : r;
    }

    private static long call(MethodHandle h, long a, long b, long c) {
        return call(h, a, b, c, 0, 0, 0);
    }

    private static long call(MethodHandle h, long a) {
        return call(h, a, 0, 0, 0, 0, 0);
    }

    /** Calls a function that returns an int (in eax: the upper half of rax is not its): the int, or -errno when it is negative. */
    private static int callInt(MethodHandle h, long a, long b, long c, long d, long e, long f) {
        MemorySegment capture = CAPTURE.get();
        int r = (int) invoke(h, capture, a, b, c, d, e, f);
        return r < 0 ? -(int) ERRNO.get(capture, 0L) : r;
    }

    private static int callInt(MethodHandle h, long a, long b, long c) {
        return callInt(h, a, b, c, 0, 0, 0);
    }

    private static int callInt(MethodHandle h, long a, long b) {
        return callInt(h, a, b, 0, 0, 0, 0);
    }

    private static int callInt(MethodHandle h, long a) {
        return callInt(h, a, 0, 0, 0, 0, 0);
    }

    private static long invoke(MethodHandle h, MemorySegment capture, long a, long b, long c, long d, long e, long f) {
        try {
            return (long) h.invokeExact(capture, a, b, c, d, e, f);
        } catch (Throwable t) {
            if (t instanceof RuntimeException r) throw r;
            if (t instanceof Error err) throw err;
            throw new IllegalStateException(t);
        }
    }

    // ---- files and descriptors -----------------------------------------------------------------

    /** open(2) with a mode (used with O_CREAT): the descriptor or -errno. */
    public static int open(String path, int flags, int mode) {
        try (Arena a = Arena.ofConfined()) {
            return callInt(Open.H, a.allocateFrom(path).address(), flags, mode);
        }
    }

    /** open(2): the descriptor or -errno. */
    public static int open(String path, int flags) {
        return open(path, flags, 0);
    }

    /** close(2): 0 or -errno. */
    public static int close(int fd) {
        return callInt(Close.H, fd);
    }

    /** read(2) into native memory: bytes read (0 at end of file) or -errno. */
    public static long read(int fd, MemorySegment buf, long len) {
        return call(Read.H, fd, buf.address(), len);
    }

    /** write(2) from native memory: bytes written or -errno. */
    public static long write(int fd, MemorySegment buf, long len) {
        return call(Write.H, fd, buf.address(), len);
    }

    /** ioctl(2) with an integer argument or the address of a native structure: its result or -errno. */
    public static int ioctl(int fd, long request, long arg) {
        return callInt(Ioctl.H, fd, request, arg);
    }

    /** ioctl(2) with a pointer to {@code arg} (native memory). */
    public static int ioctl(int fd, long request, MemorySegment arg) {
        return ioctl(fd, request, arg.address());
    }

    /** poll(2) on an array of struct pollfd: how many are ready, 0 on timeout, or -errno. */
    public static int poll(MemorySegment fds, long nfds, int timeoutMillis) {
        return callInt(Poll.H, fds.address(), nfds, timeoutMillis);
    }

    /** eventfd(2): the descriptor or -errno. */
    public static int eventfd(int initval, int flags) {
        return callInt(EventFd.H, initval, flags);
    }

    // ---- memory ---------------------------------------------------------------------------------

    /** mmap(2): the mapping's address, or -errno (never MAP_FAILED). */
    public static long mmap(long addr, long length, int prot, int flags, int fd, long offset) {
        return call(Mmap.H, addr, length, prot, flags, fd, offset);
    }

    /** munmap(2): 0 or -errno. */
    public static int munmap(long addr, long length) {
        return callInt(Munmap.H, addr, length);
    }

    /** madvise(2): 0 or -errno. */
    public static int madvise(long addr, long length, int advice) {
        return callInt(Madvise.H, addr, length, advice);
    }

    /**
     * mincore(2): 0 or -errno; {@code vec} gets one byte per page of the range (bit 0 set: the
     * page is in memory). It must hold (length + 4095) / 4096 bytes.
     */
    public static int mincore(long addr, long length, java.lang.foreign.MemorySegment vec) {
        long pages = (length + 4095) / 4096;
        if (vec.byteSize() < pages) throw new IllegalArgumentException("mincore needs " + pages + " bytes, got " + vec.byteSize());
        return callInt(Mincore.H, addr, length, vec.address());
    }

    // ---- processes, threads, signals, namespaces ------------------------------------------------

    public static int getpid() {
        return callInt(Getpid.H, 0);
    }

    /** The Linux thread id of the calling thread (a platform thread's carrier, for a virtual one). */
    public static int gettid() {
        return callInt(Gettid.H, 0);
    }

    public static int geteuid() {
        return callInt(Geteuid.H, 0);
    }

    /** tgkill(2): 0 or -errno. */
    public static int tgkill(int pid, int tid, int signal) {
        return callInt(Tgkill.H, pid, tid, signal);
    }

    /** kill(2): 0 or -errno. */
    public static int kill(int pid, int signal) {
        return callInt(Kill.H, pid, signal);
    }

    /** sigaction(2) with native struct sigaction buffers (either may be NULL): 0 or -errno. */
    public static int sigaction(int signal, MemorySegment act, MemorySegment old) {
        return callInt(Sigaction.H, signal, act.address(), old.address());
    }

    /** setns(2): 0 or -errno. Moves the calling thread only. */
    public static int setns(int fd, int nstype) {
        return callInt(Setns.H, fd, nstype);
    }

    /** socket(2): the descriptor or -errno. */
    public static int socket(int domain, int type, int protocol) {
        return callInt(Socket.H, domain, type, protocol);
    }

    /**
     * connect(2) of fd to the unix socket at path (struct sockaddr_un: a 16-bit family, then
     * the path, NUL-terminated, at most 107 bytes): 0 or -errno.
     */
    public static int connectUnix(int fd, String path) {
        byte[] p = path.getBytes(StandardCharsets.UTF_8);
        if (p.length > 107) throw new IllegalArgumentException("unix socket path longer than 107 bytes: " + path);
        try (Arena a = Arena.ofConfined()) {
            MemorySegment addr = a.allocate(110);
            addr.set(ValueLayout.JAVA_SHORT, 0, (short) AF_UNIX);
            MemorySegment.copy(p, 0, addr, ValueLayout.JAVA_BYTE, 2, p.length);
            return callInt(Connect.H, fd, addr.address(), 110);
        }
    }

    /** unshare(2): 0 or -errno. */
    public static int unshare(int flags) {
        return callInt(Unshare.H, flags);
    }

    /**
     * execv(3): replaces this process (same pid, same descriptors but those marked close-on-exec,
     * same environment) with {@code path} run with {@code argv}. Returns -errno only on failure.
     * kiln-oci hands containers that are not Kiln's to runc this way.
     */
    public static int execv(String path, java.util.List<String> argv) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment array = a.allocate(JAVA_LONG, argv.size() + 1L);
            for (int i = 0; i < argv.size(); i++) array.setAtIndex(JAVA_LONG, i, a.allocateFrom(argv.get(i)).address());
            array.setAtIndex(JAVA_LONG, argv.size(), 0L);
            return callInt(Execv.H, a.allocateFrom(path).address(), array.address());
        }
    }

    /** mkfifo(3): 0 or -errno. */
    public static int mkfifo(String path, int mode) {
        try (Arena a = Arena.ofConfined()) {
            return callInt(Mkfifo.H, a.allocateFrom(path).address(), mode);
        }
    }

    /** prctl(2) with four arguments: its result or -errno. */
    public static int prctl(int option, long a, long b, long c, long d) {
        return callInt(Prctl.H, option, a, b, c, d, 0);
    }

    /** syscall(2) of a call with three arguments that glibc has no wrapper for: its result or -errno. */
    public static long syscall(long number, long a, long b, long c) {
        return call(Syscall3.H, number, a, b, c, 0, 0);
    }

    // ---- system (the jvm flavor's init, PID 1 of its guest) -------------------------------------

    /** mount(2); data may be null: 0 or -errno. */
    public static int mount(String source, String target, String fstype, long flags, String data) {
        try (Arena a = Arena.ofConfined()) {
            long d = data == null ? 0 : a.allocateFrom(data).address();
            return callInt(Mount.H, a.allocateFrom(source).address(), a.allocateFrom(target).address(),
                    a.allocateFrom(fstype).address(), flags, d, 0);
        }
    }

    /** sethostname(2): 0 or -errno. */
    public static int sethostname(String name) {
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        try (Arena a = Arena.ofConfined()) {
            MemorySegment s = a.allocate(bytes.length + 1L);
            MemorySegment.copy(bytes, 0, s, ValueLayout.JAVA_BYTE, 0, bytes.length);
            return callInt(Sethostname.H, s.address(), bytes.length);
        }
    }

    /** clock_settime(2) to nanos since the epoch: 0 or -errno. */
    public static int clockSettime(int clock, long nanos) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment ts = a.allocate(16, 8); // struct timespec
            ts.set(JAVA_LONG, 0, Math.floorDiv(nanos, 1_000_000_000L));
            ts.set(JAVA_LONG, 8, Math.floorMod(nanos, 1_000_000_000L));
            return callInt(ClockSettime.H, clock, ts.address());
        }
    }

    /** tcdrain(3): waits until the terminal transmitted what was written; 0 or -errno. */
    public static int tcdrain(int fd) {
        return callInt(Tcdrain.H, fd);
    }

    /** reboot(2): returns (-errno) only on failure. */
    public static int reboot(int how) {
        return callInt(Reboot.H, how);
    }

    public static void sync() {
        call(Sync.H, 0);
    }

    // ---- error texts (Errno's) ------------------------------------------------------------------

    /** strerror(3): "Operation not permitted". */
    static String strerror(int errno) {
        return MemorySegment.ofAddress(call(Strerror.H, errno)).reinterpret(256).getString(0);
    }

    /** strerrorname_np(3): "EPERM", or null when unknown or when this glibc lacks the function. */
    static String strerrorname(int errno) {
        if (StrerrorName.H == null) return null;
        long name = call(StrerrorName.H, errno);
        return name == 0 ? null : MemorySegment.ofAddress(name).reinterpret(64).getString(0);
    }
}
