package dev.kiln.vmm.sandbox;

/**
 * The x86-64 system calls Kiln's filters name, with their numbers from
 * {@code <asm/unistd_64.h>} (checked against the header by SyscallTest). Only the calls a
 * filter allows, or a test shows forbidden, are here: a filter can only name what this lists.
 */
public enum Syscall {
    READ(0), WRITE(1), CLOSE(3), POLL(7), MMAP(9), MPROTECT(10), MUNMAP(11), BRK(12),
    RT_SIGPROCMASK(14), RT_SIGRETURN(15), IOCTL(16), PREAD64(17), MREMAP(25), MADVISE(28), DUP2(33), GETPID(39),
    SOCKET(41), CONNECT(42), ACCEPT(43), SENDTO(44), RECVFROM(45), SHUTDOWN(48), GETSOCKNAME(51), SETSOCKOPT(54),
    GETSOCKOPT(55), CLONE(56), EXECVE(59), EXIT(60), FCNTL(72), PRCTL(157), GETTID(186), FUTEX(202),
    SCHED_YIELD(24), SCHED_GETAFFINITY(204), RESTART_SYSCALL(219), CLOCK_GETTIME(228),
    CLOCK_NANOSLEEP(230), EXIT_GROUP(231), TGKILL(234), OPENAT(257), PPOLL(271), ACCEPT4(288),
    DUP3(292), PROCESS_VM_WRITEV(311), SECCOMP(317), CLONE3(435);

    /** The number the kernel sees in seccomp_data.nr (orig_rax) for this call on x86-64. */
    public final int nr;

    Syscall(int nr) {
        this.nr = nr;
    }

    /** The name as in the kernel's syscall table and in audit records of killed calls: "openat". */
    public String linuxName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
