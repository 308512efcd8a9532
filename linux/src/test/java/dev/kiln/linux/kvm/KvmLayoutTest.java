package dev.kiln.linux.kvm;

import dev.kiln.linux.testing.HeaderValues;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Checks every number in KvmApi against {@code <linux/kvm.h>}: a C program prints each ioctl
 * number, constant, size and offset as gcc sees it, and every numeric constant of KvmApi must
 * be among them with the same value (so a constant added without a check fails here).
 */
class KvmLayoutTest {
    private static final String PROGRAM = """
            #include <linux/kvm.h>
            #include <stdio.h>
            #include <stddef.h>
            #define P(name, v) printf("%s %ld\\n", name, (long)(v))
            #define REG(r) printf("reg %s %ld\\n", #r, (long)offsetof(struct kvm_regs, r))
            int main(void) {
              P("API_VERSION", KVM_API_VERSION);
              P("KVM_GET_API_VERSION", KVM_GET_API_VERSION); P("KVM_CREATE_VM", KVM_CREATE_VM);
              P("KVM_CHECK_EXTENSION", KVM_CHECK_EXTENSION); P("KVM_GET_VCPU_MMAP_SIZE", KVM_GET_VCPU_MMAP_SIZE);
              P("KVM_GET_SUPPORTED_CPUID", KVM_GET_SUPPORTED_CPUID); P("KVM_CREATE_VCPU", KVM_CREATE_VCPU);
              P("KVM_SET_USER_MEMORY_REGION", KVM_SET_USER_MEMORY_REGION); P("KVM_RUN", KVM_RUN);
              P("KVM_GET_REGS", KVM_GET_REGS); P("KVM_SET_REGS", KVM_SET_REGS); P("KVM_GET_SREGS", KVM_GET_SREGS);
              P("KVM_SET_SREGS", KVM_SET_SREGS); P("KVM_GET_MSRS", KVM_GET_MSRS); P("KVM_SET_MSRS", KVM_SET_MSRS); P("KVM_SET_CPUID2", KVM_SET_CPUID2);
              P("KVM_SET_FPU", KVM_SET_FPU); P("KVM_GET_TSC_KHZ", KVM_GET_TSC_KHZ); P("KVM_CAP_GET_TSC_KHZ", KVM_CAP_GET_TSC_KHZ);
              P("EXIT_IO", KVM_EXIT_IO); P("EXIT_HLT", KVM_EXIT_HLT); P("EXIT_MMIO", KVM_EXIT_MMIO);
              P("EXIT_SHUTDOWN", KVM_EXIT_SHUTDOWN); P("EXIT_FAIL_ENTRY", KVM_EXIT_FAIL_ENTRY); P("EXIT_INTR", KVM_EXIT_INTR);
              P("EXIT_INTERNAL_ERROR", KVM_EXIT_INTERNAL_ERROR); P("IO_IN", KVM_EXIT_IO_IN); P("IO_OUT", KVM_EXIT_IO_OUT);
              P("RUN_IMMEDIATE_EXIT", offsetof(struct kvm_run, immediate_exit));
              P("RUN_EXIT_REASON", offsetof(struct kvm_run, exit_reason));
              P("RUN_IO_DIRECTION", offsetof(struct kvm_run, io.direction)); P("RUN_IO_SIZE", offsetof(struct kvm_run, io.size));
              P("RUN_IO_PORT", offsetof(struct kvm_run, io.port)); P("RUN_IO_COUNT", offsetof(struct kvm_run, io.count));
              P("RUN_IO_DATA_OFFSET", offsetof(struct kvm_run, io.data_offset));
              P("RUN_MMIO_PHYS_ADDR", offsetof(struct kvm_run, mmio.phys_addr)); P("RUN_MMIO_IS_WRITE", offsetof(struct kvm_run, mmio.is_write));
              P("RUN_INTERNAL_SUBERROR", offsetof(struct kvm_run, internal.suberror));
              P("RUN_INTERNAL_NDATA", offsetof(struct kvm_run, internal.ndata));
              P("RUN_INTERNAL_DATA", offsetof(struct kvm_run, internal.data));
              P("RUN_FAIL_ENTRY_REASON", offsetof(struct kvm_run, fail_entry.hardware_entry_failure_reason));
              P("REGS_SIZE", sizeof(struct kvm_regs)); P("REGS_RSP", offsetof(struct kvm_regs, rsp));
              P("REGS_RDI", offsetof(struct kvm_regs, rdi)); P("REGS_RIP", offsetof(struct kvm_regs, rip));
              P("REGS_RFLAGS", offsetof(struct kvm_regs, rflags));
              REG(rax); REG(rbx); REG(rcx); REG(rdx); REG(rsi); REG(rdi); REG(rsp); REG(rbp); REG(r8); REG(r9);
              REG(r10); REG(r11); REG(r12); REG(r13); REG(r14); REG(r15); REG(rip); REG(rflags);
              P("SREGS_SIZE", sizeof(struct kvm_sregs));
              P("SREGS_CS", offsetof(struct kvm_sregs, cs)); P("SREGS_DS", offsetof(struct kvm_sregs, ds));
              P("SREGS_ES", offsetof(struct kvm_sregs, es)); P("SREGS_FS", offsetof(struct kvm_sregs, fs));
              P("SREGS_GS", offsetof(struct kvm_sregs, gs)); P("SREGS_SS", offsetof(struct kvm_sregs, ss));
              P("SREGS_TR", offsetof(struct kvm_sregs, tr)); P("SREGS_LDT", offsetof(struct kvm_sregs, ldt));
              P("SREGS_GDT", offsetof(struct kvm_sregs, gdt));
              P("SREGS_IDT", offsetof(struct kvm_sregs, idt)); P("SREGS_CR0", offsetof(struct kvm_sregs, cr0));
              P("SREGS_CR2", offsetof(struct kvm_sregs, cr2)); P("SREGS_CR3", offsetof(struct kvm_sregs, cr3));
              P("SREGS_CR4", offsetof(struct kvm_sregs, cr4)); P("SREGS_CR8", offsetof(struct kvm_sregs, cr8));
              P("SREGS_EFER", offsetof(struct kvm_sregs, efer)); P("SREGS_APIC_BASE", offsetof(struct kvm_sregs, apic_base));
              P("SEG_BASE", offsetof(struct kvm_segment, base));
              P("SEG_LIMIT", offsetof(struct kvm_segment, limit)); P("SEG_SELECTOR", offsetof(struct kvm_segment, selector));
              P("SEG_TYPE", offsetof(struct kvm_segment, type)); P("SEG_PRESENT", offsetof(struct kvm_segment, present));
              P("SEG_DPL", offsetof(struct kvm_segment, dpl)); P("SEG_DB", offsetof(struct kvm_segment, db));
              P("SEG_S", offsetof(struct kvm_segment, s)); P("SEG_L", offsetof(struct kvm_segment, l));
              P("SEG_G", offsetof(struct kvm_segment, g)); P("SEG_AVL", offsetof(struct kvm_segment, avl));
              P("SEG_UNUSABLE", offsetof(struct kvm_segment, unusable));
              P("DTABLE_BASE", offsetof(struct kvm_dtable, base)); P("DTABLE_LIMIT", offsetof(struct kvm_dtable, limit));
              P("CPUID_HEADER", sizeof(struct kvm_cpuid2)); P("CPUID_ENTRY", sizeof(struct kvm_cpuid_entry2));
              P("CPUID_NENT", offsetof(struct kvm_cpuid2, nent));
              P("MEMREGION_SIZE", sizeof(struct kvm_userspace_memory_region));
              P("MEMREGION_SLOT", offsetof(struct kvm_userspace_memory_region, slot));
              P("MEMREGION_FLAGS", offsetof(struct kvm_userspace_memory_region, flags));
              P("MEMREGION_GUEST_PHYS_ADDR", offsetof(struct kvm_userspace_memory_region, guest_phys_addr));
              P("MEMREGION_MEMORY_SIZE", offsetof(struct kvm_userspace_memory_region, memory_size));
              P("MEMREGION_USERSPACE_ADDR", offsetof(struct kvm_userspace_memory_region, userspace_addr));
              P("MSRS_HEADER", sizeof(struct kvm_msrs)); P("MSR_ENTRY", sizeof(struct kvm_msr_entry));
              P("MSRS_NMSRS", offsetof(struct kvm_msrs, nmsrs));
              P("MSR_INDEX", offsetof(struct kvm_msr_entry, index)); P("MSR_DATA", offsetof(struct kvm_msr_entry, data));
              P("FPU_SIZE", sizeof(struct kvm_fpu)); P("FPU_FCW", offsetof(struct kvm_fpu, fcw));
              P("FPU_MXCSR", offsetof(struct kvm_fpu, mxcsr));
              P("KVM_SET_GUEST_DEBUG", KVM_SET_GUEST_DEBUG); P("EXIT_DEBUG", KVM_EXIT_DEBUG);
              P("RUN_DEBUG_EXCEPTION", offsetof(struct kvm_run, debug.arch.exception));
              P("RUN_DEBUG_PC", offsetof(struct kvm_run, debug.arch.pc));
              P("RUN_DEBUG_DR6", offsetof(struct kvm_run, debug.arch.dr6));
              P("RUN_DEBUG_DR7", offsetof(struct kvm_run, debug.arch.dr7));
              P("GUEST_DEBUG_SIZE", sizeof(struct kvm_guest_debug));
              P("GUEST_DEBUG_CONTROL", offsetof(struct kvm_guest_debug, control));
              P("GUEST_DEBUG_REGS", offsetof(struct kvm_guest_debug, arch.debugreg));
              P("GUESTDBG_ENABLE", KVM_GUESTDBG_ENABLE); P("GUESTDBG_SINGLESTEP", KVM_GUESTDBG_SINGLESTEP);
              P("GUESTDBG_USE_SW_BP", KVM_GUESTDBG_USE_SW_BP); P("GUESTDBG_USE_HW_BP", KVM_GUESTDBG_USE_HW_BP);
              return 0;
            }
            """;

    @Test
    void everyConstantMatchesLinuxKvmH(@TempDir Path tmp) throws Exception {
        Map<String, Long> c = new HashMap<>();
        Map<String, Long> regs = new HashMap<>();
        for (String line : HeaderValues.print(tmp, "layout", PROGRAM).split("\n")) {
            String[] kv = line.split(" ");
            if (kv[0].equals("reg")) regs.put(kv[1], Long.parseLong(kv[2]));
            else c.put(kv[0], Long.parseLong(kv[1]));
        }
        TreeSet<String> unchecked = new TreeSet<>();
        int checked = 0;
        for (Field f : KvmApi.class.getDeclaredFields()) {
            if (!Modifier.isStatic(f.getModifiers()) || !(f.get(null) instanceof Number n)) continue;
            Long fromHeader = c.get(f.getName());
            if (fromHeader == null) {
                unchecked.add(f.getName());
                continue;
            }
            assertEquals(fromHeader.longValue(), n.longValue(), f.getName());
            checked++;
        }
        assertTrue(unchecked.isEmpty(), "KvmApi constants the test program does not print: " + unchecked);
        assertTrue(checked >= 80, "only " + checked + " constants checked");
        assertEquals(regs.size(), KvmApi.REG_NAMES.size());
        for (int i = 0; i < KvmApi.REG_NAMES.size(); i++) {
            assertEquals(regs.get(KvmApi.REG_NAMES.get(i)), 8L * i, "offset of " + KvmApi.REG_NAMES.get(i));
        }
    }
}
