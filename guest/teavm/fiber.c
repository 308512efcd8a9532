/*
 * TeaVM's event waiting on Kiln. TeaVM runs Java threads as green threads on one
 * native stack; when every thread waits (sleep, wait(timeout), join...), its event
 * queue calls teavm_waitFor with the milliseconds until the next timer. The guest
 * has nothing else to do then, so it gives the CPU back to the monitor with one
 * yield hypercall carrying that deadline. teavm_interrupt cuts the next wait short.
 *
 * The net device: kiln_yield first flushes pending transmits and asks the monitor to end
 * the yield at the next received frame (runtime/net.c), so the wait returns early as soon
 * as a frame arrives; the Java side then polls kiln_net_recv until 0, runs the stack's
 * timers and resumes the green threads that became ready. A stop request (KILN_READY_STOP) ends
 * the wait too: the event loop then starts the shutdown hooks (libos's ShutdownHooks).
 */
#include "fiber.h"
#include "definitions.h"
#include <kiln/kiln.h>

static volatile int kiln_fiber_interrupted;

void teavm_initFiber() {
    kiln_fiber_interrupted = 0;
}

void teavm_waitFor(int64_t timeout) {
    if (kiln_fiber_interrupted) {
        kiln_fiber_interrupted = 0;
        return;
    }
    if (timeout <= 0) {
        kiln_yield(0);
        return;
    }
    uint64_t deadline = kiln_monotonic_ns() + (uint64_t) timeout * UINT64_C(1000000);
    for (;;) {
        uint64_t now = kiln_monotonic_ns();
        if (now >= deadline || kiln_fiber_interrupted) {
            break;
        }
        /* a frame arrived, or the monitor asked the image to stop: the event loop has work */
        if (kiln_yield(deadline - now) & (KILN_READY_NET_RX | KILN_READY_STOP)) {
            break;
        }
    }
    kiln_fiber_interrupted = 0;
}

void teavm_interrupt() {
    kiln_fiber_interrupted = 1;
}
