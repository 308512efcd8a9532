package dev.kiln.vmm.core;

import dev.kiln.vmm.VmmException;
import dev.kiln.vmm.memory.Access;
import dev.kiln.vmm.memory.GuestMemory;
import dev.kiln.vmm.memory.Region;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * What a VM's core file holds: the vCPU's registers, and every page of guest memory the guest
 * may read that was touched (untouched memory is zeroes, and a core of the whole guest would be
 * its full memory size). Guest memory is identity-mapped, so each range goes in at its guest
 * address, which is where the image's symbols point. The GDT, TSS and page tables are the
 * monitor's and stay out.
 *
 * <p>The file is written beside its final name and moved there once complete, so a reader never
 * sees half a core; a core above {@code limit} bytes is not written at all (the exception says
 * how big it would have been).
 */
public final class CoreDump {
    /** The limit kiln run and the daemon apply unless told otherwise: 1 GiB. */
    public static final long DEFAULT_LIMIT = 1L << 30;

    private final GuestMemory memory;
    private final CpuState cpu;
    private final ElfCoreWriter.Process process;

    /**
     * @param signal what gdb reports the guest "died" of: SIGSEGV for a fault, 0 for a dump of a
     *               running VM
     */
    public CoreDump(GuestMemory memory, CpuState cpu, String imageName, int signal) {
        this.memory = memory;
        this.cpu = cpu;
        this.process = new ElfCoreWriter.Process(imageName, imageName, signal);
    }

    /** The ranges that go in, at this instant (the caller keeps the guest from running meanwhile). */
    public List<ElfCoreWriter.Load> loads() {
        List<ElfCoreWriter.Load> out = new ArrayList<>();
        for (Region r : memory.touchedReadable()) {
            long start = r.start(), len = r.end() - r.start();
            out.add(new ElfCoreWriter.Load(start, len, r.access() == Access.DATA, r.access() == Access.TEXT,
                    ch -> memory.writeTo(start, len, ch)));
        }
        return out;
    }

    /**
     * Writes the core to {@code file} (replacing one there) and returns its size in bytes.
     *
     * @throws VmmException if it would be larger than {@code limit}, or cannot be written
     */
    public long write(Path file, long limit) {
        List<ElfCoreWriter.Load> loads = loads();
        long size = ElfCoreWriter.size(loads);
        if (size > limit) {
            throw new VmmException(String.format("core file not written: it would be %d KiB, above the limit of %d KiB",
                    kib(size), limit / 1024));
        }
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            tmp = Files.createTempFile(dir, "." + file.getFileName(), ".part");
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ElfCoreWriter.write(ch, cpu, process, loads);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return size;
        } catch (IOException e) {
            throw new VmmException("core file not written to " + file + ": " + e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // a leftover .part file names itself
                }
            }
        }
    }

    private static long kib(long bytes) {
        return (bytes + 1023) / 1024;
    }
}
