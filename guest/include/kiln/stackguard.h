/*
 * Java's StackOverflowError in native images (guest/runtime/stackguard.c, dev.kiln.rt.KilnStackGuard).
 *
 * TeaVM runs every green thread on the one native stack the monitor gives the image. The
 * builder puts a check at the entry of every Java method that calls others: below
 * kiln_java_stack_limit, the method throws StackOverflowError instead of going deeper. The
 * limit is per thread (8 MiB for main, HotSpot's 1 MiB for other threads, or the
 * stackSize given to Thread's constructor), counted from where the thread's fiber entered the
 * stack, and never lower than the floor, which leaves KILN_STACK_NATIVE_RESERVE bytes above
 * the guard page for what runs without checks (TeaVM's GC, allocator and exception machinery,
 * the C runtime). A fault in the guard page is then a bug of that native code, never a deep
 * Java recursion.
 */
#ifndef KILN_STACKGUARD_H
#define KILN_STACKGUARD_H
#include <stdint.h>

/* Stack kept for code without checks below the lowest limit Java code ever gets. */
#define KILN_STACK_NATIVE_RESERVE (64u << 10)

/* The lowest stack pointer the running Java thread may call at; 0 (no limit) until main starts. */
extern uintptr_t kiln_java_stack_limit;

/* The current stack pointer. */
static inline int64_t kiln_stack_pointer(void) {
    uintptr_t sp;
    __asm__("movq %%rsp, %0" : "=r"(sp));
    return (int64_t)sp;
}

/* 1 when the calling method is below its thread's limit: the check of every Java method's entry. */
static inline int32_t kiln_java_stack_exhausted(void) {
    return (uintptr_t)kiln_stack_pointer() < kiln_java_stack_limit;
}

static inline int64_t kiln_java_stack_get_limit(void) {
    return (int64_t)kiln_java_stack_limit;
}

static inline void kiln_java_stack_set_limit(int64_t limit) {
    kiln_java_stack_limit = (uintptr_t)limit;
}

/* Ends the image: constructing a StackOverflowError overflowed even the reserve left for it. */
void kiln_java_stack_abort(void) __attribute__((noreturn));

/* The lowest address of the stack (just above the guard page), from the boot info's layout. */
int64_t kiln_stack_bottom(void);

#endif
