/*
 * HotSpot's messages for the checks TeaVM's C code makes inline (guest/runtime/checks.c,
 * dev.kiln.rt.KilnCheckMessages, builder RuntimeHeaderPatch).
 *
 * TeaVM's bounds and cast checks call teavm_throwArrayIndexOutOfBoundsException() and
 * teavm_throwClassCastException() without saying what failed. The builder patches TeaVM's
 * exceptions.h and core.h so that a failed check calls the functions here instead: they record
 * the index and length (or the two classes) and then call TeaVM's thrower, whose Java body
 * (rewritten by the builder) reads them back to build the message. Green threads are never
 * preempted, so nothing runs between the record and the read. The recording functions are
 * out of line and cold: a check's call site only passes two registers more.
 */
#ifndef KILN_CHECKS_H
#define KILN_CHECKS_H
#include <stdint.h>

/* An array access a[index] failed its bounds check (length is a.length). */
void kiln_throw_array_index(int32_t index, int32_t length) __attribute__((cold, noinline));

/* A checkcast failed: the object's class and the class cast to (TeaVM_Class pointers). */
void *kiln_throw_class_cast(void *from, void *to) __attribute__((cold, noinline));

/* What the last failed check recorded, for the Java side (dev.kiln.rt.KilnCheckMessages). */
int32_t kiln_failed_index(void);
int32_t kiln_failed_length(void);
void *kiln_failed_cast_from(void); /* java.lang.Class objects, made by kiln_throw_class_cast */
void *kiln_failed_cast_to(void);

#endif
