/* The smallest real guest: one line on the console, exit status 0. */
#include <kiln/kiln.h>

int main(int argc, char **argv, char **envp) {
    (void)argc; (void)argv; (void)envp;
    static const char line[] = "Hello from a Kiln unikernel!\n";
    kiln_console_write(line, sizeof line - 1);
    return 0;
}
