/* The boot-info heap, handed out in page-aligned pieces that are never returned. */
#include <kiln/kiln.h>
#include "../teavm/kiln_teavm.h"

static uintptr_t kiln_pages_next;
static uintptr_t kiln_pages_end;

static void kiln_pages_init(void) {
    if (kiln_pages_end == 0) {
        const struct kiln_boot_info *bi = kiln_boot_info();
        kiln_pages_next = (bi->heap_start + 4095) & ~(uintptr_t) 4095;
        kiln_pages_end = bi->heap_end & ~(uintptr_t) 4095;
    }
}

void *kiln_pages_take(size_t bytes) {
    kiln_pages_init();
    size_t rounded = (bytes + 4095) & ~(size_t) 4095;
    if (rounded < bytes || rounded > kiln_pages_end - kiln_pages_next) {
        return NULL;
    }
    void *p = (void *) kiln_pages_next;
    kiln_pages_next += rounded;
    return p; /* guest memory starts zeroed and these pages were never handed out before */
}

size_t kiln_pages_left(void) {
    kiln_pages_init();
    return kiln_pages_end - kiln_pages_next;
}
