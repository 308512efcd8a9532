package dev.kiln.vmm.core;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The bytes of an ELF core file of one x86-64 vCPU, laid out as Linux writes a process's core,
 * so that gdb (and readelf) read it without knowing Kiln: an ELF header (ET_CORE, EM_X86_64),
 * one PT_NOTE with NT_PRSTATUS (the registers, in the order of the kernel's
 * {@code struct user_regs_struct}) and NT_PRPSINFO (the name gdb prints as "Core was generated
 * by"), then one PT_LOAD per range of memory at the address the guest sees it at.
 *
 * <p>This class knows the format and nothing of VMs: what goes in is {@link CoreDump}'s choice.
 */
public final class ElfCoreWriter {
    /** One range of memory in the core: {@code size} bytes at {@code vaddr}, which {@code contents} writes. */
    public record Load(long vaddr, long size, boolean writable, boolean executable, Contents contents) {
        public Load {
            if (size <= 0) throw new IllegalArgumentException("an empty load at 0x" + Long.toHexString(vaddr));
        }
    }

    /** Writes exactly a load's size in bytes to the channel at its current position. */
    @FunctionalInterface
    public interface Contents {
        void writeTo(FileChannel out) throws IOException;
    }

    /**
     * What gdb says of the "process": its name (16 bytes kept), its command line (80 bytes kept)
     * and the signal it "died" of (0 for a dump of a running VM).
     */
    public record Process(String name, String args, int signal) {}

    static final int EHDR_SIZE = 64, PHDR_SIZE = 56;
    static final int PT_LOAD = 1, PT_NOTE = 4, ET_CORE = 4, EM_X86_64 = 62;
    static final int NT_PRSTATUS = 1, NT_PRPSINFO = 3;
    /** sizeof(struct elf_prstatus) and the offset of pr_reg in it, on x86-64 Linux. */
    static final int PRSTATUS_SIZE = 336, PRSTATUS_REGS = 112;
    /** sizeof(struct elf_prpsinfo) on x86-64 Linux. */
    static final int PRPSINFO_SIZE = 136;
    static final long PAGE = 4096;
    /**
     * struct user_regs_struct's order (27 words), each a kvm_regs name or one of the extra
     * values; orig_rax is -1 (no system call was interrupted).
     */
    private static final List<String> USER_REGS = List.of("r15", "r14", "r13", "r12", "rbp", "rbx", "r11", "r10",
            "r9", "r8", "rax", "rcx", "rdx", "rsi", "rdi", "orig_rax", "rip", "cs", "rflags", "rsp", "ss", "fs_base",
            "gs_base", "ds", "es", "fs", "gs");

    private ElfCoreWriter() {}

    /** The size of the file {@link #write} writes for these loads. */
    public static long size(List<Load> loads) {
        long at = dataStart(loads.size());
        for (Load l : loads) at += pageUp(l.size());
        return at;
    }

    /** Writes the core to {@code out} from its position 0 on (the channel is truncated first). */
    public static void write(FileChannel out, CpuState cpu, Process process, List<Load> loads) throws IOException {
        out.truncate(0);
        out.position(0);
        byte[] notes = notes(cpu, process);
        ByteBuffer head = le(EHDR_SIZE + PHDR_SIZE * (1 + loads.size()) + notes.length);
        int phnum = 1 + loads.size();
        if (phnum >= 0xffff) throw new IllegalArgumentException(loads.size() + " loads: too many for e_phnum");
        // Elf64_Ehdr
        head.put(new byte[] {0x7f, 'E', 'L', 'F', 2 /* ELFCLASS64 */, 1 /* ELFDATA2LSB */, 1 /* EV_CURRENT */,
                0 /* ELFOSABI_NONE, as Linux writes cores */});
        head.put(new byte[8]);
        head.putShort((short) ET_CORE).putShort((short) EM_X86_64).putInt(1);
        head.putLong(0).putLong(EHDR_SIZE).putLong(0); // e_entry, e_phoff, e_shoff
        head.putInt(0).putShort((short) EHDR_SIZE).putShort((short) PHDR_SIZE).putShort((short) phnum);
        head.putShort((short) 64).putShort((short) 0).putShort((short) 0); // e_shentsize, e_shnum, e_shstrndx
        // PT_NOTE, then one PT_LOAD per load
        long notesAt = EHDR_SIZE + (long) PHDR_SIZE * phnum;
        phdr(head, PT_NOTE, 0, notesAt, 0, notes.length, notes.length, 1);
        long at = dataStart(loads.size());
        for (Load l : loads) {
            int flags = 4 /* PF_R */ | (l.writable() ? 2 : 0) | (l.executable() ? 1 : 0);
            phdr(head, PT_LOAD, flags, at, l.vaddr(), l.size(), l.size(), PAGE);
            at += pageUp(l.size());
        }
        head.put(notes);
        head.flip();
        while (head.hasRemaining()) out.write(head);
        at = dataStart(loads.size());
        for (Load l : loads) {
            out.position(at);
            l.contents().writeTo(out);
            if (out.position() != at + l.size()) {
                throw new IOException(String.format("the load at 0x%x wrote %d bytes, not %d", l.vaddr(),
                        out.position() - at, l.size()));
            }
            at += pageUp(l.size());
        }
        if (out.size() < at) { // the last load's padding, so that the file is as long as its headers say
            out.position(at - 1);
            out.write(ByteBuffer.wrap(new byte[1]));
        }
    }

    private static long dataStart(int loads) {
        return pageUp(EHDR_SIZE + (long) PHDR_SIZE * (1 + loads) + notesSize());
    }

    private static void phdr(ByteBuffer b, int type, int flags, long offset, long vaddr, long filesz, long memsz,
                             long align) {
        b.putInt(type).putInt(flags).putLong(offset).putLong(vaddr).putLong(vaddr).putLong(filesz).putLong(memsz)
                .putLong(align);
    }

    private static int notesSize() {
        return noteSize(PRSTATUS_SIZE) + noteSize(PRPSINFO_SIZE);
    }

    private static int noteSize(int desc) {
        return 12 + 8 /* "CORE\0" padded to 4 */ + align4(desc);
    }

    private static byte[] notes(CpuState cpu, Process p) {
        ByteBuffer b = le(notesSize());
        // NT_PRSTATUS: struct elf_prstatus
        ByteBuffer s = le(PRSTATUS_SIZE);
        s.putInt(0, p.signal());                 // pr_info.si_signo
        s.putShort(12, (short) p.signal());      // pr_cursig
        s.putInt(32, 1);                         // pr_pid: the guest is the only "process"
        for (int i = 0; i < USER_REGS.size(); i++) s.putLong(PRSTATUS_REGS + 8 * i, userReg(cpu, USER_REGS.get(i)));
        note(b, NT_PRSTATUS, s.array());
        // NT_PRPSINFO: struct elf_prpsinfo
        ByteBuffer ps = le(PRPSINFO_SIZE);
        ps.put(0, (byte) 0);                     // pr_state
        ps.put(1, (byte) 'R');                   // pr_sname
        ps.putInt(24, 1);                        // pr_pid
        ps.put(40, fixed(p.name(), 16));         // pr_fname
        ps.put(56, fixed(p.args(), 80));         // pr_psargs
        note(b, NT_PRPSINFO, ps.array());
        return b.array();
    }

    private static long userReg(CpuState cpu, String name) {
        return switch (name) {
            case "orig_rax" -> -1;
            case "cs" -> cpu.cs();
            case "ss" -> cpu.ss();
            case "ds" -> cpu.ds();
            case "es" -> cpu.es();
            case "fs" -> cpu.fs();
            case "gs" -> cpu.gs();
            case "fs_base" -> cpu.fsBase();
            case "gs_base" -> cpu.gsBase();
            default -> cpu.reg(name);
        };
    }

    private static void note(ByteBuffer b, int type, byte[] desc) {
        b.putInt(5).putInt(desc.length).putInt(type);
        b.put("CORE\0\0\0\0".getBytes(StandardCharsets.US_ASCII));
        b.put(desc);
        b.position(b.position() + align4(desc.length) - desc.length);
    }

    /** {@code text} in {@code n} bytes: cut, NUL-padded, always NUL-terminated. */
    private static byte[] fixed(String text, int n) {
        byte[] out = new byte[n];
        byte[] t = text.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(t, 0, out, 0, Math.min(t.length, n - 1));
        return out;
    }

    private static ByteBuffer le(int n) {
        return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static int align4(int n) {
        return (n + 3) & ~3;
    }

    private static long pageUp(long n) {
        return (n + PAGE - 1) & -PAGE;
    }
}
