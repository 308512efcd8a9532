/* The Java stack limit's storage and the stack's bottom (kiln/stackguard.h). */
#include <kiln/kiln.h>
#include <kiln/stackguard.h>

uintptr_t kiln_java_stack_limit;

/*
 * docs/abi.md: the stack's guard page directly follows the net region when the VM has one, else
 * the stats page; the stack starts on the next page and ends at stack_top.
 */
int64_t kiln_stack_bottom(void) {
    const struct kiln_boot_info *bi = kiln_boot_info();
    uint64_t guard = bi->net_base != 0 ? bi->net_base + KILN_NET_REGION_SIZE : bi->stats + KILN_STATS_SIZE;
    return (int64_t)(guard + 4096u);
}

/* Constructing a StackOverflowError overflowed the reserve left for it: no Java left to run. */
void kiln_java_stack_abort(void) {
    kiln_abort("kiln: stack overflow while throwing StackOverflowError (the reserve below the Java stack limit ran out)");
}
