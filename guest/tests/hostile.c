/*
 * A hostile guest: hands the monitor hypercall blocks and pointers it must
 * refuse. argv[1] names the attack (default: console-ptr); each must end the VM
 * with a clear error and leave the monitor process, and other VMs, unharmed.
 */
#include <kiln/kiln.h>

static int streq(const char *a, const char *b) {
    while (*a && *a == *b) { a++; b++; }
    return *a == *b;
}

static void raw_hypercall(unsigned port, uint32_t gpa) {
    __asm__ volatile("outl %0, %1" : : "a"(gpa), "Nd"((uint16_t)port) : "memory");
}

static void raw_hypercall_byte(unsigned port, uint8_t value) {
    __asm__ volatile("outb %0, %1" : : "a"(value), "Nd"((uint16_t)port) : "memory");
}

static uint32_t raw_in(unsigned port) {
    uint32_t v;
    __asm__ volatile("inl %1, %0" : "=a"(v) : "Nd"((uint16_t)port) : "memory");
    return v;
}

static struct kiln_hc_console_write cw;
static struct kiln_hc_abort ab;
static struct kiln_hc_yield yb;

int main(int argc, char **argv, char **envp) {
    (void)envp;
    const char *attack = argc > 1 ? argv[1] : "console-ptr";
    const struct kiln_boot_info *bi = kiln_boot_info();
    uint64_t end = bi->mem_size;
    kiln_printf("hostile: %s\n", attack);

    if (streq(attack, "console-ptr")) {          /* data pointer far outside guest memory */
        cw.data = 0xdead00000000ull; cw.len = 16;
        raw_hypercall(KILN_HC_PORT(KILN_HC_CONSOLE_WRITE), (uint32_t)(uintptr_t)&cw);
    } else if (streq(attack, "console-len")) {   /* valid start, length running past the end of memory */
        cw.data = (uintptr_t)&cw; cw.len = end;
        raw_hypercall(KILN_HC_PORT(KILN_HC_CONSOLE_WRITE), (uint32_t)(uintptr_t)&cw);
    } else if (streq(attack, "console-wrap")) {  /* pointer + length wraps around 2^64 */
        cw.data = 0xfffffffffffffff0ull; cw.len = 0x20;
        raw_hypercall(KILN_HC_PORT(KILN_HC_CONSOLE_WRITE), (uint32_t)(uintptr_t)&cw);
    } else if (streq(attack, "console-huge")) {  /* in bounds but above the ABI maximum */
        cw.data = bi->heap_start; cw.len = (uint64_t)KILN_CONSOLE_WRITE_MAX + 1;
        raw_hypercall(KILN_HC_PORT(KILN_HC_CONSOLE_WRITE), (uint32_t)(uintptr_t)&cw);
    } else if (streq(attack, "block-outside")) { /* the argument block itself is outside memory */
        raw_hypercall(KILN_HC_PORT(KILN_HC_CONSOLE_WRITE), 0xfffffff0u);
    } else if (streq(attack, "block-straddle")) {/* the block starts in memory and ends past it */
        raw_hypercall(KILN_HC_PORT(KILN_HC_WALLTIME), (uint32_t)(end - 4));
    } else if (streq(attack, "block-unaligned")) {
        raw_hypercall(KILN_HC_PORT(KILN_HC_WALLTIME), (uint32_t)(bi->heap_start + 3));
    } else if (streq(attack, "exit-block")) {
        raw_hypercall(KILN_HC_PORT(KILN_HC_EXIT), 0xfffffff8u);
    } else if (streq(attack, "walltime-block")) {
        raw_hypercall(KILN_HC_PORT(KILN_HC_WALLTIME), (uint32_t)end);
    } else if (streq(attack, "walltime-pagetable")) { /* aims the monitor's write at its own structures */
        raw_hypercall(KILN_HC_PORT(KILN_HC_WALLTIME), 0x1000u);
    } else if (streq(attack, "yield-block")) {
        raw_hypercall(KILN_HC_PORT(KILN_HC_YIELD), 0xfffffff0u);
    } else if (streq(attack, "yield-forever")) { /* a huge timeout: must still honour stop/--timeout */
        yb.timeout_ns = ~0ull;
        raw_hypercall(KILN_HC_PORT(KILN_HC_YIELD), (uint32_t)(uintptr_t)&yb);
        kiln_printf("yield returned\n");
    } else if (streq(attack, "abort-ptr")) {
        ab.msg = 0x7fff00000000ull; ab.len = 10;
        raw_hypercall(KILN_HC_PORT(KILN_HC_ABORT), (uint32_t)(uintptr_t)&ab);
    } else if (streq(attack, "abort-len")) {
        ab.msg = bi->heap_start; ab.len = ~0ull;
        raw_hypercall(KILN_HC_PORT(KILN_HC_ABORT), (uint32_t)(uintptr_t)&ab);
    } else if (streq(attack, "unknown-port")) {
        raw_hypercall(KILN_HC_PORT_BASE + 0x7f, (uint32_t)(uintptr_t)&cw);
    } else if (streq(attack, "byte-out")) {       /* right port, wrong access size */
        raw_hypercall_byte(KILN_HC_PORT(KILN_HC_EXIT), 0);
    } else if (streq(attack, "port-in")) {
        kiln_printf("in returned %u\n", raw_in(KILN_HC_PORT(KILN_HC_WALLTIME)));
    } else if (streq(attack, "mmio")) {            /* touch an address beyond memory (MMIO exit or fault) */
        volatile uint64_t *p = (volatile uint64_t *)(uintptr_t)(end + 0x100000);
        *p = 1;
    } else {
        kiln_abort("hostile: unknown attack");
    }
    kiln_printf("hostile: survived %s\n", attack);
    return 0;
}
