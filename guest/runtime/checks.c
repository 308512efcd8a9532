/* The failed check's facts, recorded for the Java thrower (kiln/checks.h). */
#include <kiln/checks.h>

/* TeaVM's throwers (org.teavm.runtime.ExceptionHandling, exported by the generated C). */
extern void teavm_throwArrayIndexOutOfBoundsException(void);
extern void *teavm_throwClassCastException(void);
/* A TeaVM_Class's java.lang.Class object, created on first use (TeaVM's core.c). */
extern void *teavm_getClassObject(void *cls);

static int32_t failed_index;
static int32_t failed_length;
static void *cast_from;
static void *cast_to;

void kiln_throw_array_index(int32_t index, int32_t length) {
    failed_index = index;
    failed_length = length;
    teavm_throwArrayIndexOutOfBoundsException();
}

void *kiln_throw_class_cast(void *from, void *to) {
    /* The class objects are made here, where the check's call site is a safe point for the
       allocation (TeaVM's thrower allocates there too), and kept by the classes themselves
       (TeaVM_Class.classObject, a GC root): the Java side then reads them without allocating. */
    teavm_getClassObject(from);
    teavm_getClassObject(to);
    cast_from = from;
    cast_to = to;
    return teavm_throwClassCastException();
}

int32_t kiln_failed_index(void) {
    return failed_index;
}

int32_t kiln_failed_length(void) {
    return failed_length;
}

/* TeaVM_Class.classObject, the struct's first field. */
void *kiln_failed_cast_from(void) {
    return *(void **)cast_from;
}

void *kiln_failed_cast_to(void) {
    return *(void **)cast_to;
}
