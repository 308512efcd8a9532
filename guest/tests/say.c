/*
 * A guest that says what it is told: each argument on a console line of its own, then waits
 * (yielding, so it costs the host almost nothing) until the control page asks it to stop, and
 * exits 0. The dashboard's browser test gives it markup to check that a log line stays text.
 */
#include <kiln/kiln.h>

int main(int argc, char **argv, char **envp) {
    (void)envp;
    for (int i = 1; i < argc; i++) kiln_printf("%s\n", argv[i]);
    for (;;) {
        if (kiln_yield(100000000ull) & KILN_READY_STOP) return 0;
        if (kiln_stop_requested()) return 0;
    }
}
