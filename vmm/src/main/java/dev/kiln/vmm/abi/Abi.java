package dev.kiln.vmm.abi;

/**
 * The Java mirror of guest/include/kiln/abi.h, the single source of truth for the hypercall
 * ABI. AbiAgreementTest parses that header and fails if anything here disagrees.
 */
public final class Abi {
    private Abi() {}

    public static final int ABI_VERSION = 1;

    public static final int HC_PORT_BASE = 0x500;

    public static final int HC_CONSOLE_WRITE = 1;
    public static final int HC_EXIT = 2;
    public static final int HC_WALLTIME = 3;
    public static final int HC_YIELD = 4;
    public static final int HC_ABORT = 5;
    /** The highest call number; ports HC_PORT_BASE+1 .. HC_PORT_BASE+HC_MAX are hypercalls. */
    public static final int HC_MAX = HC_ABORT;

    public static final long CONSOLE_WRITE_MAX = 1L << 20;
    public static final long ABORT_MESSAGE_MAX = 4096;

    public static final int BOOT_MAGIC = 0x4e4c494b;

    /** KILN_HC_PORT(call). */
    public static int port(int call) {
        return HC_PORT_BASE + call;
    }

    // struct kiln_hc_console_write
    public static final int CONSOLE_WRITE_DATA = 0, CONSOLE_WRITE_LEN = 8, CONSOLE_WRITE_SIZE = 16;
    // struct kiln_hc_exit
    public static final int EXIT_STATUS = 0, EXIT_SIZE = 8;
    // struct kiln_hc_walltime
    public static final int WALLTIME_NS = 0, WALLTIME_SIZE = 8;
    // struct kiln_hc_yield
    public static final int YIELD_TIMEOUT_NS = 0, YIELD_READY = 8, YIELD_SIZE = 16;
    // struct kiln_hc_abort
    public static final int ABORT_MSG = 0, ABORT_LEN = 8, ABORT_SIZE = 16;
    // struct kiln_boot_info
    public static final int BOOT_INFO_MAGIC = 0, BOOT_INFO_ABI_VERSION = 4, BOOT_INFO_MEM_SIZE = 8,
            BOOT_INFO_HEAP_START = 16, BOOT_INFO_HEAP_END = 24, BOOT_INFO_STACK_TOP = 32, BOOT_INFO_TSC_KHZ = 40,
            BOOT_INFO_WALLCLOCK_NS = 48, BOOT_INFO_BOOT_TSC = 56, BOOT_INFO_ARGC = 64, BOOT_INFO_ARGV = 72,
            BOOT_INFO_ENVC = 80, BOOT_INFO_ENVP = 88, BOOT_INFO_SIZE = 96;
}
