/*
 * gcc's -fstack-protector compares the canary at %fs:0x28 (placed there by the
 * monitor from a host random source) on function return and calls this on a mismatch.
 */
#include <kiln/kiln.h>

__attribute__((noreturn)) void __stack_chk_fail(void) {
    kiln_abort("stack smashing detected (stack protector canary overwritten)");
}
