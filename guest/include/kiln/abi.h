/*
 * Kiln hypercall ABI, version 1: the one source of truth for the guest/VMM interface.
 *
 * The VMM's Java mirror (vmm/src/main/java/dev/kiln/vmm/abi/Abi.java) is checked
 * against this file by AbiAgreementTest, which parses the #defines and the
 * struct layouts below. Change both together. docs/abi.md explains the rules.
 *
 * A hypercall is one 32-bit port write at CPL 3 (IOPL is 3):
 *     outl %eax, %dx      dx = KILN_HC_PORT(call), eax = guest-physical address of the argument block
 * Guest virtual addresses equal guest-physical ones (identity map), so a pointer
 * to a block on the stack or in .data is passed as is. Every block is 8-byte aligned,
 * made of little-endian 64-bit fields, and lies wholly inside guest memory.
 * The VMM writes "out" fields before the guest's next instruction runs.
 */
#ifndef KILN_ABI_H
#define KILN_ABI_H

#define KILN_ABI_VERSION 1

#define KILN_HC_PORT_BASE 0x500
#define KILN_HC_PORT(call) (KILN_HC_PORT_BASE + (call))

/* Call numbers. */
#define KILN_HC_CONSOLE_WRITE 1
#define KILN_HC_EXIT 2
#define KILN_HC_WALLTIME 3
#define KILN_HC_YIELD 4
#define KILN_HC_ABORT 5

/* Limits the VMM enforces; a call beyond them ends the VM as a bad hypercall. */
#define KILN_CONSOLE_WRITE_MAX (1u << 20)
#define KILN_ABORT_MESSAGE_MAX 4096u

/* Boot info: RDI at the entry point holds its address; the block is read-only. */
#define KILN_BOOT_MAGIC 0x4e4c494bu /* "KILN" little-endian */

#ifndef __ASSEMBLER__
#include <stdint.h>

struct kiln_hc_console_write {
    uint64_t data; /* in: address of the bytes */
    uint64_t len;  /* in: at most KILN_CONSOLE_WRITE_MAX */
};

struct kiln_hc_exit {
    uint64_t status; /* in: the low 8 bits become the exit status of `kiln run` */
};

struct kiln_hc_walltime {
    uint64_t ns; /* out: nanoseconds since 1970-01-01T00:00:00Z */
};

struct kiln_hc_yield {
    uint64_t timeout_ns; /* in: block at most this long; 0 only polls */
    uint64_t ready;      /* out: bitmask of devices with work (none in ABI v1: always 0) */
};

struct kiln_hc_abort {
    uint64_t msg; /* in: address of a message, not NUL-terminated */
    uint64_t len; /* in: truncated to KILN_ABORT_MESSAGE_MAX */
};

struct kiln_boot_info {
    uint32_t magic;            /* KILN_BOOT_MAGIC */
    uint32_t abi_version;      /* KILN_ABI_VERSION */
    uint64_t mem_size;         /* bytes of guest-physical memory */
    uint64_t heap_start;       /* first free byte after the image, page-aligned */
    uint64_t heap_end;         /* end of the heap (exclusive); the stack's guard page follows */
    uint64_t stack_top;        /* initial RSP + 8 (16-byte aligned) */
    uint64_t tsc_khz;          /* TSC frequency, from KVM_GET_TSC_KHZ */
    uint64_t wallclock_ns;     /* wall-clock time when the TSC read boot_tsc */
    uint64_t boot_tsc;         /* guest TSC at wallclock_ns (the VMM resets the guest TSC to it) */
    uint64_t argc;             /* arguments, argv[0] is the image name */
    uint64_t argv;             /* address of argc pointers to NUL-terminated strings */
    uint64_t envc;             /* environment, "KEY=VALUE" strings */
    uint64_t envp;             /* address of envc pointers */
};
#endif

#endif
