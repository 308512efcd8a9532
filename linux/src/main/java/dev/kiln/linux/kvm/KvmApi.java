package dev.kiln.linux.kvm;

import java.util.List;

/**
 * ioctl numbers, exit reasons and structure offsets from {@code <linux/kvm.h>} (x86-64), the
 * only copy of them in Kiln (the monitor and {@code kiln doctor}'s probe both use these).
 * KvmLayoutTest compiles a program against the header with gcc and checks every constant
 * here. Explicit offsets rather than MemoryLayouts: the hot path reads a few fields of
 * kvm_run and nothing else.
 */
public final class KvmApi {
    private KvmApi() {}

    public static final int API_VERSION = 12;

    // ioctls on /dev/kvm
    public static final long KVM_GET_API_VERSION = 0xAE00L;
    public static final long KVM_CREATE_VM = 0xAE01L;
    public static final long KVM_CHECK_EXTENSION = 0xAE03L;
    public static final long KVM_GET_VCPU_MMAP_SIZE = 0xAE04L;
    public static final long KVM_GET_SUPPORTED_CPUID = 0xC008AE05L;
    // ioctls on a VM
    public static final long KVM_CREATE_VCPU = 0xAE41L;
    public static final long KVM_SET_USER_MEMORY_REGION = 0x4020AE46L;
    // ioctls on a vCPU
    public static final long KVM_RUN = 0xAE80L;
    public static final long KVM_GET_REGS = 0x8090AE81L;
    public static final long KVM_SET_REGS = 0x4090AE82L;
    public static final long KVM_GET_SREGS = 0x8138AE83L;
    public static final long KVM_SET_SREGS = 0x4138AE84L;
    public static final long KVM_GET_MSRS = 0xC008AE88L;
    public static final long KVM_SET_MSRS = 0x4008AE89L;
    public static final long KVM_SET_CPUID2 = 0x4008AE90L;
    public static final long KVM_SET_FPU = 0x41A0AE8DL;
    public static final long KVM_GET_TSC_KHZ = 0xAEA3L;
    /** Debugging (kiln run --gdb): breakpoints, single step and debug registers, without the guest's help. */
    public static final long KVM_SET_GUEST_DEBUG = 0x4048AE9BL;

    public static final int KVM_CAP_GET_TSC_KHZ = 61;

    // exit reasons
    public static final int EXIT_IO = 2, EXIT_HLT = 5, EXIT_MMIO = 6, EXIT_SHUTDOWN = 8, EXIT_FAIL_ENTRY = 9,
            EXIT_INTR = 10, EXIT_INTERNAL_ERROR = 17, EXIT_DEBUG = 4;
    public static final int IO_IN = 0, IO_OUT = 1;

    // struct kvm_run
    public static final long RUN_IMMEDIATE_EXIT = 1, RUN_EXIT_REASON = 8;
    public static final long RUN_IO_DIRECTION = 32, RUN_IO_SIZE = 33, RUN_IO_PORT = 34, RUN_IO_COUNT = 36,
            RUN_IO_DATA_OFFSET = 40;
    public static final long RUN_MMIO_PHYS_ADDR = 32, RUN_MMIO_IS_WRITE = 52;
    public static final long RUN_INTERNAL_SUBERROR = 32, RUN_INTERNAL_NDATA = 36, RUN_INTERNAL_DATA = 40;
    public static final long RUN_FAIL_ENTRY_REASON = 32;
    /** struct kvm_debug_exit_arch in kvm_run: the exception vector (1 #DB, 3 #BP), pc, dr6, dr7. */
    public static final long RUN_DEBUG_EXCEPTION = 32, RUN_DEBUG_PC = 40, RUN_DEBUG_DR6 = 48, RUN_DEBUG_DR7 = 56;

    // struct kvm_guest_debug: u32 control, u32 pad, then kvm_guest_debug_arch (u64 debugreg[8])
    public static final int GUEST_DEBUG_SIZE = 72;
    public static final long GUEST_DEBUG_CONTROL = 0, GUEST_DEBUG_REGS = 8;
    public static final int GUESTDBG_ENABLE = 0x1, GUESTDBG_SINGLESTEP = 0x2, GUESTDBG_USE_SW_BP = 0x10000,
            GUESTDBG_USE_HW_BP = 0x20000;

    // struct kvm_regs: 18 u64 in this order
    public static final int REGS_SIZE = 144;
    public static final List<String> REG_NAMES = List.of("rax", "rbx", "rcx", "rdx", "rsi", "rdi", "rsp", "rbp",
            "r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15", "rip", "rflags");
    public static final long REGS_RSP = 48, REGS_RDI = 40, REGS_RIP = 128, REGS_RFLAGS = 136;

    // struct kvm_segment (24 bytes) and kvm_dtable (16 bytes) inside struct kvm_sregs (312 bytes)
    public static final int SREGS_SIZE = 312;
    public static final long SREGS_CS = 0, SREGS_DS = 24, SREGS_ES = 48, SREGS_FS = 72, SREGS_GS = 96,
            SREGS_SS = 120, SREGS_TR = 144, SREGS_LDT = 168, SREGS_GDT = 192, SREGS_IDT = 208,
            SREGS_CR0 = 224, SREGS_CR2 = 232, SREGS_CR3 = 240, SREGS_CR4 = 248, SREGS_CR8 = 256,
            SREGS_EFER = 264, SREGS_APIC_BASE = 272;
    public static final long SEG_BASE = 0, SEG_LIMIT = 8, SEG_SELECTOR = 12, SEG_TYPE = 14, SEG_PRESENT = 15,
            SEG_DPL = 16, SEG_DB = 17, SEG_S = 18, SEG_L = 19, SEG_G = 20, SEG_AVL = 21, SEG_UNUSABLE = 22;
    public static final long DTABLE_BASE = 0, DTABLE_LIMIT = 8;

    // struct kvm_cpuid2 header (8 bytes) then kvm_cpuid_entry2 (40 bytes each)
    public static final int CPUID_HEADER = 8, CPUID_ENTRY = 40;
    public static final long CPUID_NENT = 0;

    // struct kvm_userspace_memory_region
    public static final int MEMREGION_SIZE = 32;
    public static final long MEMREGION_SLOT = 0, MEMREGION_FLAGS = 4, MEMREGION_GUEST_PHYS_ADDR = 8,
            MEMREGION_MEMORY_SIZE = 16, MEMREGION_USERSPACE_ADDR = 24;
    // struct kvm_msrs header (8 bytes) then kvm_msr_entry {u32 index, u32 reserved, u64 data}
    public static final int MSRS_HEADER = 8, MSR_ENTRY = 16;
    public static final long MSRS_NMSRS = 0, MSR_INDEX = 0, MSR_DATA = 8;
    // struct kvm_fpu
    public static final int FPU_SIZE = 416, FPU_FCW = 128, FPU_MXCSR = 408;
}
