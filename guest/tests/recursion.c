/* Recurses without bound until it hits the guard page below the stack. */
#include <kiln/kiln.h>

int recurse_forever(int depth) {
    volatile char frame[256];
    frame[0] = (char)depth;
    return recurse_forever(depth + 1) + frame[0];
}

int main(int argc, char **argv, char **envp) {
    (void)argv; (void)envp;
    kiln_printf("recursing\n");
    return recurse_forever(argc);
}
