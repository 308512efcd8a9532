package dev.kiln.vmm;

import dev.kiln.image.GuestImage;

import dev.kiln.vmm.memory.GuestMemory;

import java.lang.foreign.MemorySegment;
import java.security.SecureRandom;

/**
 * Puts an image into guest memory before its first instruction: the PT_LOAD segments' file
 * bytes at their link addresses (the rest of each segment, bss, is already zero), the TLS
 * block, and the TCB at the FS base with its stack-protector canary.
 */
final class ImageLoader {
    private static final SecureRandom RANDOM = new SecureRandom();

    private ImageLoader() {}

    static void load(GuestImage image, GuestLayout layout, GuestMemory.BootWriter mem) {
        MemorySegment file = image.bytes();
        for (GuestImage.Segment s : image.segments()) {
            if (s.fileSize() > 0) mem.copy(file, s.fileOffset(), s.vaddr(), s.fileSize());
        }
        // TLS block (x86-64 variant II): the PT_TLS image, zeroes for .tbss, then the TCB at the FS base.
        image.tls().ifPresent(t -> {
            if (t.fileSize() > 0) mem.copy(file, t.fileOffset(), layout.tlsBlock, t.fileSize());
        });
        long tp = layout.threadPointer;
        mem.putLong(tp, tp);                                   // %fs:0 points to itself
        mem.putLong(tp + 0x28, RANDOM.nextLong() & ~0xffL);    // stack canary; low byte 0 stops string reads
    }
}
