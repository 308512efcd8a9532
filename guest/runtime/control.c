/*
 * The control page (abi.h struct kiln_control): the monitor writes it while the guest runs, the
 * guest only reads it (a write faults). Reading it costs a load, no exit, so the runtime checks it
 * where that is cheap: after each yield, between events.
 */
#include <kiln/kiln.h>

int kiln_stop_requested(void) {
    const volatile struct kiln_control *c =
            (const volatile struct kiln_control *)(uintptr_t)kiln_boot_info()->control;
    return c->stop_requested != 0;
}
