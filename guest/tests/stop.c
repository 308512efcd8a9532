/*
 * How a C guest meets the monitor's stop request (docs/abi.md, "Stopping"):
 *   stop obey     yields until a yield reports KILN_READY_STOP, then prints what the control page
 *                 says and exits with status 7
 *   stop ignore   yields for ever in 10 ms steps, printing "stop bit" each time a yield reports
 *                 KILN_READY_STOP (once, the ABI says): only its caller's grace period ends it
 * Both print "waiting" first, so a test knows when to ask.
 */
#include <kiln/kiln.h>

static int streq(const char *a, const char *b) {
    while (*a && *a == *b) { a++; b++; }
    return *a == *b;
}

int main(int argc, char **argv, char **envp) {
    (void)envp;
    int obey = argc > 1 && streq(argv[1], "obey");
    if (kiln_stop_requested()) kiln_abort("stop requested before anyone asked");
    kiln_printf("waiting\n");
    for (;;) {
        uint64_t ready = kiln_yield(obey ? 1000000000ull : 10000000ull);
        if (ready & KILN_READY_STOP) {
            kiln_printf("stop bit, stop_requested=%d\n", kiln_stop_requested());
            if (obey) return 7;
        }
    }
}
