package dev.kiln.vmm.gdb;

/**
 * Why the vCPU stopped for the debugger: the debugger asked (attach, Ctrl-C), or a trap with its
 * exception vector (1 #DB: single step, hardware breakpoint or watchpoint, told apart by DR6;
 * 3 #BP: an int3, a software breakpoint). {@code rewindTo}, when not -1, is where RIP must go
 * before the debugger looks: the int3's own address, when the trap left RIP after it.
 */
public record StopReason(int exception, long dr6, long rewindTo) {
    public static final StopReason REQUESTED = new StopReason(-1, 0, -1);

    /** A KVM_EXIT_DEBUG: KVM reports RIP at the instruction. */
    public static StopReason debugExit(int exception, long dr6) {
        return new StopReason(exception, dr6, -1);
    }
}
