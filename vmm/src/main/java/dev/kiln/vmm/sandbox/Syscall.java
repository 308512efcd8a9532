package dev.kiln.vmm.sandbox;

import java.util.Locale;

/**
 * The x86-64 system calls Kiln's filters name, with their numbers from
 * {@code <asm/unistd_64.h>} (SeccompAbiTest checks them against the header). Only the calls a
 * filter allows, or that the tests show forbidden, are here.
 */
public enum Syscall {
    // allowed to some monitor thread (see MonitorFilters)
    READ(0), WRITE(1), CLOSE(3), POLL(7), MMAP(9), MPROTECT(10), MUNMAP(11), BRK(12), RT_SIGPROCMASK(14),
    RT_SIGRETURN(15), IOCTL(16), PREAD64(17), SCHED_YIELD(24), MREMAP(25), MADVISE(28), DUP2(33), NANOSLEEP(35),
    GETPID(39),
    ACCEPT(43), SHUTDOWN(48), GETSOCKNAME(51), GETSOCKOPT(55), EXIT(60), FCNTL(72), FUTEX(202),
    GETTID(186), RESTART_SYSCALL(219), CLOCK_GETTIME(228), CLOCK_NANOSLEEP(230), TGKILL(234),
    // forbidden to every monitor thread; named by the tests and docs/security.md
    SOCKET(41), CONNECT(42), CLONE(56), EXECVE(59), GETPPID(110), PTRACE(101), OPENAT(257),
    PROCESS_VM_WRITEV(311), SECCOMP(317), CLONE3(435);

    /** The number the kernel sees in seccomp_data.nr for this call on x86-64. */
    public final int nr;

    Syscall(int nr) {
        this.nr = nr;
    }

    /** The name as in the kernel's syscall table and in unistd_64.h: "openat". */
    public String linuxName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
