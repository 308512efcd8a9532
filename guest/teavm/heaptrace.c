/*
 * TeaVM's GC tracing hooks on Kiln (Kiln builds never enable TEAVM_MEMORY_TRACE,
 * TEAVM_GC_STATS or heap dumps, so the hooks are empty except three: the start and the end of
 * a collection, which count it and its pause on the stats page, and the allocation hook, which
 * counts the bytes allocated since the last collection for the event loop's nursery budget)
 * and the out-of-memory path.
 *
 * TeaVM's own teavm_outOfMemory prints "Application crashed" and aborts. On Kiln the
 * GC's "no memory left after a full collection" becomes a Java OutOfMemoryError:
 * the instance dev.kiln.rt.KilnRuntime allocated at startup (nothing can be allocated
 * at that point) is thrown through TeaVM's own exception machinery, from the call
 * site of the allocation that failed. If that is impossible (no instance yet, or the
 * error is raised while it is being thrown), the VM aborts with a message: a crash
 * report, never silent corruption.
 *
 * This file is compiled inside TeaVM's all.c, so it can name the generated C of
 * KilnRuntime's static field and of ExceptionHandling.throwException; if TeaVM ever
 * names them differently, the image fails to compile rather than misbehave.
 */
#include "heaptrace.h"
#include "core.h"
#include "definitions.h"
#include "kiln_teavm.h"
#include <kiln/kiln.h>
#include <kiln/stats.h>

#include "classes/dev/kiln/rt/KilnRuntime.h"
#include "classes/org/teavm/runtime/ExceptionHandling.h"

static int kiln_in_out_of_memory;

void teavm_outOfMemory() {
    void* error = sfld_dkr_KilnRuntime_outOfMemoryError;
    if (kiln_in_out_of_memory++ == 0 && error != NULL) {
        kiln_in_out_of_memory = 0;
        meth_otr_ExceptionHandling_throwException(error);
    }
    kiln_console_flush();
    kiln_abort("kiln: out of memory (the Java heap is full and OutOfMemoryError cannot be raised)");
}

/* Bytes allocated since the last collection: libos' event loop asks for a young collection once
 * they pass its nursery budget (EventLoop.NURSERY_KIB), instead of letting the whole heap fill
 * first. An int of KiB, because TeaVM declares an @Import it has no header for as returning int. */
static int64_t kiln_young_bytes;
void teavm_gc_allocate(void* address, int32_t size) { (void) address; kiln_young_bytes += size; }
int kiln_gc_young_kib(void) { return (int) (kiln_young_bytes >> 10); }
void teavm_gc_free(void* address, int32_t size) { (void) address; (void) size; }
void teavm_gc_assertFree(void* address, int32_t size) { (void) address; (void) size; }
void teavm_gc_markStarted() {}
void teavm_gc_markCompleted() {}
int32_t teavm_gc_objectSize(void* address) { (void) address; return 0; }
void teavm_gc_mark(void* address) { (void) address; }
void teavm_gc_move(void* from, void* to, int32_t size) { (void) from; (void) to; (void) size; }
/* A collection stops every green thread (they all run on the one vCPU): its whole duration is a pause. */
static uint64_t kiln_gc_started_ns;
void teavm_gc_gcStarted(int32_t full) { (void) full; kiln_gc_started_ns = kiln_monotonic_ns(); }
void teavm_gc_sweepStarted() {}
void teavm_gc_sweepCompleted() {}
void teavm_gc_defragStarted() {}
void teavm_gc_defragCompleted() {}
void teavm_gc_gcCompleted() {
    kiln_young_bytes = 0;
    kiln_stats_gc(kiln_monotonic_ns() - kiln_gc_started_ns);
}
void teavm_gc_heapResized(int64_t newSize) { (void) newSize; }
void teavm_gc_reportDirtyRegion(void* address) { (void) address; }
void teavm_gc_setDumpDirectory(const wchar_t* path) { (void) path; }
