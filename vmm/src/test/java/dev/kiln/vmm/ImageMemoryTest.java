package dev.kiln.vmm;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.image.GuestImage;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** An image the format accepts but that does not fit the VM's memory is the monitor's clear error. */
class ImageMemoryTest {
    @Test
    void memoryTooSmallForTheImageIsAClearError() throws Exception {
        byte[] b = Files.readAllBytes(Guests.elf("hello"));
        ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        int phoff = (int) bb.getLong(32), last = -1;
        for (int i = 0; i < bb.getShort(56); i++) if (bb.getInt(phoff + 56 * i) == 1) last = phoff + 56 * i;
        bb.putLong(last + 40, 200L << 20); // a 200 MiB bss
        GuestImage img = GuestImage.parse(b, "big");
        VmmException e = assertThrows(VmmException.class,
                () -> Vm.create(Guests.kvm(), VmConfig.of(img, OutputStream.nullOutputStream())));
        assertTrue(e.getMessage().contains("too small for image big"), e.getMessage());
    }
}
