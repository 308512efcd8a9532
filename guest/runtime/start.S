#include <kiln/abi.h>
/*
 * Entry point of every native image. The monitor has already built the page
 * tables, GDT, TLS (FS base) and the stack, and enters here at CPL 3 with
 * RDI = address of struct kiln_boot_info and RSP 16-byte aligned minus 8, as
 * if _start had been called. There is nothing to return to.
 */
    .section .text._start, "ax", @progbits
    .globl _start
    .type _start, @function
_start:
    xorl %ebp, %ebp              /* terminate frame-pointer chains for crash reports */
    andq $-16, %rsp              /* the SysV ABI wants RSP 16-aligned before a call (SSE spills use movaps) */
    call kiln_start              /* C entry: stores boot info, calls main, exits */
    ud2                          /* kiln_start never returns */
    .size _start, . - _start

/*
 * The ABI note (abi.h KILN_NOTE_ABI): every image links this file, so every image says which
 * ABI its runtime speaks, and the monitor refuses an image built for another one before it runs.
 */
    .section .note.kiln.abi, "a", @note
    .balign 4
    .long 5                      /* namesz: "Kiln" and its NUL */
    .long 4                      /* descsz */
    .long KILN_NOTE_ABI
    .asciz "Kiln"
    .balign 4
    .long KILN_ABI_VERSION
    .balign 4

    .section .note.GNU-stack, "", @progbits
