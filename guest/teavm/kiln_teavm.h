/* Shared declarations of Kiln's TeaVM platform layer. */
#pragma once
#include <stdint.h>
#include <stddef.h>

/* Page allocator over the boot-info heap (guest/libc/pages.c): never freed, page-aligned, zeroed. */
void *kiln_pages_take(size_t bytes);
/* Bytes still free in the boot-info heap. */
size_t kiln_pages_left(void);
/* Takes malloc's arena from the boot-info heap now, if not yet (guest/libc/malloc.c): the GC
   heap calls it before it takes all that is left, so the arena's size is decided in one place. */
void kiln_malloc_init(void);
/* Flushes buffered console output (log.c); called before exit. */
void kiln_console_flush(void);
