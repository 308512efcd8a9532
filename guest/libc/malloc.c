/*
 * malloc for native images: a boundary-tag allocator with segregated free lists over
 * one arena taken from the boot-info heap on first use. Java objects live in TeaVM's
 * GC heap, not here: TeaVM's C runtime mallocs only small, mostly short-lived
 * buffers (string conversions, the static-root table) and its table of interned
 * strings (every string constant of the image, entered at boot: about 2 MiB at its peak
 * for an image of 20,000 constants, while it doubles), so a simple, checked allocator is
 * enough. Corruption of a chunk header aborts the VM with a message, and so does an
 * exhausted arena: no caller in the image checks malloc's result (TeaVM's runtime writes
 * through it at once), so NULL would only become a null-pointer crash far from its cause.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <kiln/kiln.h>
#include "../teavm/kiln_teavm.h"

#define ALIGN 16u
#define HDR sizeof(struct chunk)
#define MIN_CHUNK 64u
#define NBINS 48
#define MAGIC_USED 0x6b696c6e75736564ull /* "kilnused" */
#define MAGIC_FREE 0x6b696c6e66726565ull /* "kilnfree" */

struct chunk {
    uint64_t magic;
    size_t size;          /* whole chunk, header included, multiple of ALIGN */
    size_t prev_size;     /* size of the chunk before (0 for the first) */
    size_t pad;
    /* free chunks only, in the payload: */
    struct chunk *next;
    struct chunk *prev;
};

static char *arena, *arena_end;
static struct chunk *bins[NBINS];

/* 1/16 of the boot-info heap, at least 4 MiB: the Java conformance suite's image (1,600
   classes, java.time) needs about 3 MiB at boot; a 64 MiB VM gives its GC heap the rest. */
static size_t arena_size(void) {
    size_t left = kiln_pages_left();
    size_t want = left / 16;
    if (want < (4u << 20)) want = 4u << 20;
    if (want > left) want = left;
    return want & ~(size_t) 4095;
}

static int bin_of(size_t size) {
    int b = 0;
    size_t s = size / MIN_CHUNK;
    while (s > 1 && b < NBINS - 1) { s >>= 1; b++; }
    return b;
}

__attribute__((noreturn)) static void bad(const char *what) {
    kiln_abort(what);
}

__attribute__((noreturn)) static void exhausted(void) {
    bad("kiln: malloc: the C heap is exhausted (TeaVM's runtime buffers and string table; give the VM more memory: --mem)");
}

static void unlink_free(struct chunk *c) {
    if (c->prev) c->prev->next = c->next; else bins[bin_of(c->size)] = c->next;
    if (c->next) c->next->prev = c->prev;
}

static void push_free(struct chunk *c) {
    int b = bin_of(c->size);
    c->magic = MAGIC_FREE;
    c->prev = NULL;
    c->next = bins[b];
    if (c->next) c->next->prev = c;
    bins[b] = c;
}

static struct chunk *after(struct chunk *c) {
    char *n = (char *) c + c->size;
    return n < arena_end ? (struct chunk *) n : NULL;
}

static int init(void) {
    if (arena) return 1;
    size_t size = arena_size();
    if (size < 2 * MIN_CHUNK) return 0;
    arena = kiln_pages_take(size);
    if (!arena) return 0;
    arena_end = arena + size;
    struct chunk *c = (struct chunk *) arena;
    c->size = size;
    c->prev_size = 0;
    push_free(c);
    return 1;
}

void kiln_malloc_init(void) {
    if (!init()) exhausted();
}

void *malloc(size_t n) {
    if (!arena && !init()) exhausted();
    if (n > (size_t) (arena_end - arena)) exhausted();
    size_t need = (n + HDR + ALIGN - 1) & ~(size_t) (ALIGN - 1);
    if (need < MIN_CHUNK) need = MIN_CHUNK;
    for (int b = bin_of(need); b < NBINS; b++) {
        for (struct chunk *c = bins[b]; c; c = c->next) {
            if (c->magic != MAGIC_FREE) bad("kiln: malloc: free list corrupted");
            if (c->size < need) continue;
            unlink_free(c);
            if (c->size - need >= MIN_CHUNK) {
                struct chunk *rest = (struct chunk *) ((char *) c + need);
                rest->size = c->size - need;
                rest->prev_size = need;
                c->size = need;
                struct chunk *n2 = after(rest);
                if (n2) n2->prev_size = rest->size;
                push_free(rest);
            }
            c->magic = MAGIC_USED;
            return (char *) c + HDR;
        }
    }
    exhausted();
}

void free(void *p) {
    if (!p) return;
    struct chunk *c = (struct chunk *) ((char *) p - HDR);
    if ((char *) c < arena || (char *) c >= arena_end || c->magic != MAGIC_USED)
        bad("kiln: free of a pointer malloc did not return (or a double free)");
    struct chunk *n = after(c);
    if (n && n->magic == MAGIC_FREE) {
        unlink_free(n);
        c->size += n->size;
    }
    if (c->prev_size) {
        struct chunk *pr = (struct chunk *) ((char *) c - c->prev_size);
        if (pr->magic == MAGIC_FREE) {
            unlink_free(pr);
            pr->size += c->size;
            c = pr;
        }
    }
    n = after(c);
    if (n) n->prev_size = c->size;
    push_free(c);
}

void *calloc(size_t count, size_t size) {
    if (size && count > SIZE_MAX / size) bad("kiln: calloc: count * size overflows size_t (a runtime bug, not a lack of memory)");
    void *p = malloc(count * size);
    memset(p, 0, count * size);
    return p;
}

void *realloc(void *p, size_t n) {
    if (!p) return malloc(n);
    if (n == 0) { free(p); return NULL; }
    struct chunk *c = (struct chunk *) ((char *) p - HDR);
    if ((char *) c < arena || (char *) c >= arena_end || c->magic != MAGIC_USED)
        bad("kiln: realloc of a pointer malloc did not return");
    size_t have = c->size - HDR;
    if (n <= have) return p;
    void *q = malloc(n);
    memcpy(q, p, have);
    free(p);
    return q;
}
