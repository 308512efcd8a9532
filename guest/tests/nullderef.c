/* Reads through a null pointer; page 0 is unmapped, so this must end in a crash report. */
#include <kiln/kiln.h>

__attribute__((noinline)) int read_through_null(volatile int *p) {
    return *p;
}

int main(int argc, char **argv, char **envp) {
    (void)argv; (void)envp;
    volatile int *nothing = (volatile int *)(uintptr_t)(argc > 1000); /* 0, unknowable to the compiler */
    kiln_printf("about to dereference null\n");
    return read_through_null(nothing);
}
