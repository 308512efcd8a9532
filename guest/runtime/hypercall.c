/*
 * Hypercall wrappers around the one stub every hypercall of the runtime uses (the net
 * driver's notify included): a 32-bit port write carrying the guest-physical address of
 * the argument block (identity-mapped, so a pointer is its own address). The "memory"
 * clobber makes the compiler finish writing the block before the exit and re-read any
 * field the monitor filled in after it.
 */
#include <kiln/kiln.h>

void kiln__hypercall(unsigned call, void *block) {
    uint32_t gpa = (uint32_t)(uintptr_t)block;
    __asm__ volatile("outl %0, %1" : : "a"(gpa), "Nd"((uint16_t)KILN_HC_PORT(call)) : "memory");
}

static inline void hypercall(unsigned call, void *block) {
    kiln__hypercall(call, block);
}

void kiln_console_write(const void *data, size_t len) {
    const char *p = data;
    while (len > 0) {
        size_t chunk = len > KILN_CONSOLE_WRITE_MAX ? KILN_CONSOLE_WRITE_MAX : len;
        struct kiln_hc_console_write block = {.data = (uintptr_t)p, .len = chunk};
        hypercall(KILN_HC_CONSOLE_WRITE, &block);
        p += chunk;
        len -= chunk;
    }
}

void kiln_exit(int status) {
    struct kiln_hc_exit block = {.status = (uint64_t)(uint32_t)status};
    hypercall(KILN_HC_EXIT, &block);
    for (;;) __asm__ volatile("ud2"); /* the monitor never resumes an exited VM */
}

void kiln_abort(const char *message) {
    struct kiln_hc_abort block = {.msg = (uintptr_t)message, .len = kiln_strlen(message)};
    hypercall(KILN_HC_ABORT, &block);
    for (;;) __asm__ volatile("ud2");
}

uint64_t kiln_walltime_ns(void) {
    struct kiln_hc_walltime block = {0};
    hypercall(KILN_HC_WALLTIME, &block);
    return block.ns;
}

uint64_t kiln__yield_raw(uint64_t timeout_ns) {
    struct kiln_hc_yield block = {.timeout_ns = timeout_ns, .ready = 0};
    hypercall(KILN_HC_YIELD, &block);
    return block.ready;
}

uint64_t kiln_yield(uint64_t timeout_ns) {
    /* The net driver flushes pending transmits and asks to be woken by the next frame; a
     * frame that is already there makes the exit pointless. */
    uint64_t ready = kiln__net_prepare_wait();
    if (ready) return ready;
    return kiln__yield_raw(timeout_ns);
}
