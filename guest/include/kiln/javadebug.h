/*
 * The Java debug descriptor of a native image: where a debugger finds the Java stacks of the
 * image's green threads, without the image's cooperation and without DWARF.
 *
 * `kiln build` compiles one `struct kiln_java_debug` into every native image, in the section
 * KILN_JAVA_DEBUG_SECTION (allocated, read-only: the guest cannot change it), under the symbol
 * `kiln_java_debug`. It holds the addresses of TeaVM's shadow stack top, call-site table and
 * thread statics, and the offsets of the fields a stack walk reads. Three readers use it:
 * the monitor (`kiln stack`, SIGQUIT to `kiln run`, crash reports), the gdb script of
 * `kiln debug` (live and in core files), and nothing else. Its Java mirror is
 * dev.kiln.image.JavaDebugInfo, checked against this file by JavaDebugInfoAgreementTest; the
 * gdb script gets its field order from that mirror.
 *
 * How a walk goes (docs/debugging.md): the running thread's frames are the shadow stack from
 * *stack_top (each frame: next, then its current call-site id); a call-site id indexes
 * call_sites, whose location chain (one entry per inlined method) names file, class, method
 * and line. A green thread that is not running is suspended: its pending call (the list from
 * *last_pending_call through pending_previous) leads to its Thread and its Fiber, where Kiln's
 * runtime (dev.kiln.rt.KilnStacks) left the call-site ids of its frames when it suspended:
 * an int[] whose element 0 is the number of frames.
 *
 * Every value is a 64-bit little-endian word. The pointers inside the call-site tables (a call
 * site's location; a location's method and next; a method's file, class and name) are
 * table_pointer_size bytes (4 since version 2: kiln build writes them in 32 bits); every other
 * pointer in guest memory is 8. Offsets of fields the image does not have
 * (TeaVM drops fields no code uses) are KILN_JAVA_DEBUG_ABSENT. Everything read from guest
 * memory through these is untrusted: readers bound every walk and check every pointer.
 */
#ifndef KILN_JAVADEBUG_H
#define KILN_JAVADEBUG_H

#include <stdint.h>

#define KILN_JAVA_DEBUG_MAGIC 0x4742444156414a4bull /* the bytes "KJAVADBG" */
#define KILN_JAVA_DEBUG_VERSION 2
#define KILN_JAVA_DEBUG_SECTION ".kiln.java"
#define KILN_JAVA_DEBUG_ABSENT 0xffffffffffffffffull
/* The int[] a suspended fiber keeps: element 0 is the frame count, then one call-site id per frame, innermost first. */
#define KILN_JAVA_STACK_MAX_FRAMES 4096

struct kiln_java_debug {
    uint64_t magic;
    uint64_t version;
    /* addresses */
    uint64_t stack_top;         /* of TeaVM's teavm_stackTop: the innermost shadow-stack frame of the running code */
    uint64_t call_sites;        /* of teavm_callSites[0] */
    uint64_t call_site_count;   /* entries in teavm_callSites */
    uint64_t current_fiber;     /* of the static Fiber.current: the running green thread's fiber, 0 in the event loop */
    uint64_t current_thread;    /* of the static Thread.currentThread */
    uint64_t last_pending_call; /* of the static Fiber.lastPendingCall: the newest suspended call */
    /* struct offsets */
    uint64_t frame_next;        /* TeaVM_StackFrame.next */
    uint64_t frame_call_site;   /* TeaVM_StackFrame.callSiteId (int32) */
    uint64_t call_site_size;    /* sizeof(TeaVM_CallSite) */
    uint64_t call_site_location;/* TeaVM_CallSite.location */
    uint64_t location_method;   /* TeaVM_CallSiteLocation.method */
    uint64_t location_line;     /* TeaVM_CallSiteLocation.lineNumber (int32) */
    uint64_t location_next;     /* TeaVM_CallSiteLocation.next: the caller an inlined method was inlined into */
    uint64_t method_file;       /* TeaVM_MethodLocation.fileName (a TeaVM_String**) */
    uint64_t method_class;      /* TeaVM_MethodLocation.className */
    uint64_t method_name;       /* TeaVM_MethodLocation.methodName */
    uint64_t string_chars;      /* java.lang.String's char[] */
    uint64_t array_size;        /* an array's length (int32) */
    uint64_t array_chars;       /* the first element of a char[] */
    uint64_t array_ints;        /* the first element of an int[] */
    uint64_t pending_previous;  /* Fiber.PendingCall.previous */
    uint64_t pending_callback;  /* Fiber.PendingCall.callback */
    uint64_t callback_thread;   /* Fiber.AsyncCallbackImpl.javaThread */
    uint64_t callback_fiber;    /* Fiber.AsyncCallbackImpl.fiber */
    uint64_t fiber_call_sites;  /* Fiber.kilnCallSites: the int[] KilnStacks fills when the fiber suspends */
    uint64_t thread_name;       /* Thread.name */
    uint64_t thread_id;         /* Thread.id (int64) */
    uint64_t table_pointer_size;/* bytes of each pointer in the call-site tables: 4 (or 8) */
};

#endif
