/*
 * TeaVM's GC heap on Kiln. The layout code is TeaVM's own (core/src/main/resources/
 * org/teavm/backend/c/memory.c, Apache License 2.0, Copyright Alexey Andreev); the
 * virtual-memory hooks are Kiln's: there is no mmap, the monitor has already mapped
 * all guest memory read-write, so "reserve" carves page-aligned ranges out of the
 * boot-info heap and "commit"/"uncommit" have nothing to change.
 *
 * The maximum heap is not TeaVM's build-time constant: it is what fits in the
 * memory the manifest gave the VM, after the malloc arena. When a collection
 * cannot free enough and the heap cannot grow past that, TeaVM throws
 * OutOfMemoryError.
 */
#include "memory.h"
#include "definitions.h"
#include "kiln_teavm.h"
#include <stdlib.h>
#include <string.h>

void* teavm_gc_heapAddress = NULL;
void* teavm_gc_gcStorageAddress = NULL;
int32_t teavm_gc_gcStorageSize = INT32_C(0);
void* teavm_gc_regionsAddress = NULL;
void* teavm_gc_cardTable = NULL;
int32_t teavm_gc_regionMaxCount;
int64_t teavm_gc_availableBytes;
int64_t teavm_gc_minAvailableBytes;
int64_t teavm_gc_maxAvailableBytes;
static int64_t teavm_gc_pageSize = 4096;

static void* teavm_virtualAlloc(int64_t size) {
    void *p = kiln_pages_take((size_t) size);
    if (p == NULL) {
        teavm_outOfMemory();
    }
    return p;
}

/* Guest memory is mapped read-write from boot: committing is already done. */
static void teavm_virtualCommit(void* address, int64_t size) {
    (void) address;
    (void) size;
}

static void teavm_virtualUncommit(void* address, int64_t size) {
    (void) address;
    (void) size;
}

static int64_t teavm_pageCount(int64_t size) {
    return (int64_t) ((size + teavm_gc_pageSize - 1) / teavm_gc_pageSize * teavm_gc_pageSize);
}

static int32_t teavm_gc_calculateWorkSize(int64_t heapSize) {
    return (int32_t) (heapSize / 16);
}

static int32_t teavm_gc_calculateRegionsSize(int64_t heapSize) {
    return (int32_t) (heapSize / teavm_gc_regionSize) + 1;
}

static int64_t kiln_gc_footprint(int64_t maxHeap) {
    int32_t regions = teavm_gc_calculateRegionsSize(maxHeap);
    return teavm_pageCount(maxHeap) + teavm_pageCount(teavm_gc_calculateWorkSize(maxHeap))
            + teavm_pageCount((int64_t) regions * 2) + teavm_pageCount(regions);
}

void teavm_gc_resizeHeap(int64_t newSize) {
    if (newSize == teavm_gc_availableBytes) {
        return;
    }

    teavm_gc_heapResized(newSize);

    int32_t workSize = teavm_gc_calculateWorkSize(newSize);
    int32_t regionsSize = teavm_gc_calculateRegionsSize(newSize);

    int64_t newSizeAligned = teavm_pageCount(newSize);
    int64_t oldSizeAligned = teavm_pageCount(teavm_gc_availableBytes);
    int64_t newWorkSizeAligned = teavm_pageCount(workSize);
    int64_t oldWorkSizeAligned = teavm_pageCount(teavm_gc_gcStorageSize);
    int64_t newRegionsSizeAligned = teavm_pageCount(regionsSize * 2);
    int64_t oldRegionsSizeAligned = teavm_pageCount(teavm_gc_regionMaxCount * 2);
    int64_t newCardTableSizeAligned = teavm_pageCount(regionsSize);
    int64_t oldCardTableSizeAligned = teavm_pageCount(teavm_gc_regionMaxCount);

    if (newSize > teavm_gc_availableBytes) {
        if (newSizeAligned > oldSizeAligned) {
            teavm_virtualCommit((char*) teavm_gc_heapAddress + oldSizeAligned, newSizeAligned - oldSizeAligned);
        }
        if (newWorkSizeAligned > oldWorkSizeAligned) {
            teavm_virtualCommit((char*) teavm_gc_gcStorageAddress + oldWorkSizeAligned,
                    newWorkSizeAligned - oldWorkSizeAligned);
        }
        if (newRegionsSizeAligned > oldRegionsSizeAligned) {
            teavm_virtualCommit((char*) teavm_gc_regionsAddress + oldRegionsSizeAligned,
                newRegionsSizeAligned - oldRegionsSizeAligned);
        }
        if (newCardTableSizeAligned > oldCardTableSizeAligned) {
            teavm_virtualCommit((char*) teavm_gc_cardTable + oldCardTableSizeAligned,
                newCardTableSizeAligned - oldCardTableSizeAligned);
        }
    } else {
        if (newSizeAligned < oldSizeAligned) {
            teavm_virtualUncommit((char*) teavm_gc_heapAddress + newSizeAligned, oldSizeAligned - newSizeAligned);
        }
        if (newWorkSizeAligned < oldWorkSizeAligned) {
            teavm_virtualUncommit((char*) teavm_gc_gcStorageAddress + newWorkSizeAligned,
                    oldWorkSizeAligned - newWorkSizeAligned);
        }
        if (newRegionsSizeAligned < oldRegionsSizeAligned) {
            teavm_virtualUncommit((char*) teavm_gc_regionsAddress + newRegionsSizeAligned,
                oldRegionsSizeAligned - newRegionsSizeAligned);
        }
        if (newCardTableSizeAligned < oldCardTableSizeAligned) {
            teavm_virtualUncommit((char*) teavm_gc_cardTable + newCardTableSizeAligned,
                oldCardTableSizeAligned - newCardTableSizeAligned);
        }
    }

    teavm_gc_gcStorageSize = workSize;
    teavm_gc_regionMaxCount = regionsSize;
    teavm_gc_availableBytes = newSize;
}

void teavm_initHeap(int64_t minHeap, int64_t maxHeap) {
    (void) maxHeap; /* the build-time maximum is replaced by what the VM's memory holds */
    /* malloc's arena first (TeaVM's C runtime mallocs its string table and buffers there),
       then the GC heap from all that is left. */
    kiln_malloc_init();
    int64_t budget = (int64_t) kiln_pages_left();
    int64_t heap = budget;
    while (heap > 0 && kiln_gc_footprint(heap) > budget) {
        heap -= heap / 64 + 4096;
    }
    heap = heap / teavm_gc_regionSize * teavm_gc_regionSize;
    if (heap < (1 << 20)) {
        teavm_outOfMemory();
    }
    maxHeap = heap;
    /* The whole heap from the start: the memory is mapped anyway, and TeaVM 0.12.3's GC raises
       out-of-memory without first growing a smaller heap. */
    minHeap = maxHeap;

    int32_t workSize = teavm_gc_calculateWorkSize(maxHeap);
    int32_t regionsSize = teavm_gc_calculateRegionsSize(maxHeap);

    teavm_gc_heapAddress = teavm_virtualAlloc(teavm_pageCount(maxHeap));
    teavm_gc_gcStorageAddress = teavm_virtualAlloc(teavm_pageCount(workSize));
    teavm_gc_regionsAddress = teavm_virtualAlloc(teavm_pageCount((int64_t) regionsSize * 2));
    teavm_gc_cardTable = teavm_virtualAlloc(teavm_pageCount(regionsSize));

    teavm_gc_minAvailableBytes = minHeap;
    teavm_gc_maxAvailableBytes = maxHeap;
    teavm_gc_gcStorageSize = 0;
    teavm_gc_regionMaxCount = 0;
    teavm_gc_availableBytes = 0;
    teavm_gc_resizeHeap(minHeap);
}

typedef struct TeaVM_StaticGcRootDescriptor {
    void*** roots;
    int count;
} TeaVM_StaticGcRootDescriptor;

typedef struct TeaVM_StaticGcRootDescriptorTable {
    struct TeaVM_StaticGcRootDescriptorTable* next;
    int size;
    TeaVM_StaticGcRootDescriptor data[256];
} TeaVM_StaticGcRootDescriptorTable;

static TeaVM_StaticGcRootDescriptorTable *teavm_staticGcRootsBuilder = NULL;
static int teavm_staticGcRootDataSize = 0;
void*** teavm_gc_staticRoots;

void teavm_registerStaticGcRoots(void*** roots, int count) {
    if (count == 0) {
        return;
    }

    TeaVM_StaticGcRootDescriptorTable* builder = teavm_staticGcRootsBuilder;
    if (builder == NULL || builder->size == 256) {
        builder = malloc(sizeof(TeaVM_StaticGcRootDescriptorTable));
        if (builder == NULL) {
            teavm_outOfMemory();
        }
        builder->size = 0;
        builder->next = teavm_staticGcRootsBuilder;
        teavm_staticGcRootsBuilder = builder;
    }

    int i = builder->size++;
    builder->data[i].roots = roots;
    builder->data[i].count = count;
    teavm_staticGcRootDataSize += count;
}

void teavm_initStaticGcRoots() {
    teavm_gc_staticRoots = malloc(sizeof(void**) * (teavm_staticGcRootDataSize + 1));
    if (teavm_gc_staticRoots == NULL) {
        teavm_outOfMemory();
    }

    void*** target = teavm_gc_staticRoots;
    *target++ = (void**) (intptr_t) teavm_staticGcRootDataSize;
    TeaVM_StaticGcRootDescriptorTable* builder = teavm_staticGcRootsBuilder;

    while (builder != NULL) {
        for (int j = 0; j < builder->size; ++j) {
            int count = builder->data[j].count;
            memcpy(target, builder->data[j].roots, count * sizeof(void**));
            target += count;
        }
        TeaVM_StaticGcRootDescriptorTable* next = builder->next;
        free(builder);
        builder = next;
    }
}
