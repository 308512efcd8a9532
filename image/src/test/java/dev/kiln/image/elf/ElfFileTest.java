package dev.kiln.image.elf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.kiln.image.ImageException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ELF reader on real files (a C guest, the JDK's own launcher) and on bytes crafted from them. */
class ElfFileTest {
    static byte[] hello() throws Exception {
        String dir = System.getProperty("kiln.guest.dir");
        if (dir == null) fail("kiln.guest.dir is not set (run the tests through Maven, which builds guest/)");
        return Files.readAllBytes(Path.of(dir, "tests", "hello.elf"));
    }

    static ByteBuffer le(byte[] b) {
        return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    }

    static String refused(byte[] b) {
        return assertThrows(ImageException.class, () -> ElfFile.parse(b)).getMessage();
    }

    @Test
    void readsTheTablesOfARealImage() throws Exception {
        ElfFile elf = ElfFile.parse(hello());
        assertEquals(ElfFile.EM_X86_64, elf.header().machine());
        assertEquals(ElfFile.ET_EXEC, elf.header().type());
        assertTrue(elf.programHeaders().stream().anyMatch(p -> p.type() == ElfFile.PT_LOAD && p.executable()));
        ElfFile.Section text = elf.section(".text").orElseThrow();
        assertTrue(text.allocated() && (text.flags() & ElfFile.SHF_EXECINSTR) != 0);
        ElfFile.Section symtab = elf.section(".symtab").orElseThrow();
        List<ElfFile.Symbol> symbols = elf.symbols(symtab);
        assertTrue(symbols.stream().anyMatch(s -> s.name().equals("main") && s.type() == ElfFile.STT_FUNC));
        assertTrue(elf.dynamicEntries().isEmpty(), "a native image is static");
        long entry = elf.header().entry();
        long offset = elf.fileOffsetOf(entry, 1).orElseThrow();
        assertEquals(elf.bytes(offset, 1, "entry")[0], elf.contents(text)[(int) (entry - text.address())]);
    }

    @Test
    void readsTheDynamicSectionOfTheJdk() {
        ElfFile java = ElfFile.read(Path.of(System.getProperty("java.home"), "bin/java"), 1 << 30);
        assertFalse(java.dynamicEntries().isEmpty());
        assertTrue(java.programHeaders().stream().anyMatch(p -> p.type() == ElfFile.PT_INTERP));
    }

    @Test
    void refusesTablesOutsideTheFile() throws Exception {
        byte[] b = hello();
        le(b).putLong(40, b.length - 10); // e_shoff
        assertTrue(refused(b).contains("section header table"), refused(b));
        b = hello();
        le(b).putLong(32, -8L); // e_phoff near 2^64
        assertTrue(refused(b).contains("program header table"), refused(b));
        b = hello();
        le(b).putShort(62, (short) 0x7fff); // e_shstrndx
        assertTrue(refused(b).contains("section name table index"), refused(b));
        b = hello();
        le(b).putShort(54, (short) 57);
        assertTrue(refused(b).contains("bad program header size 57"), refused(b));
        assertTrue(refused(Arrays.copyOf(hello(), 63)).contains("only 63 bytes"));
    }

    @Test
    void refusesSectionsThatPointOutsideTheFile() throws Exception {
        byte[] good = hello();
        ElfFile elf = ElfFile.parse(good);
        ElfFile.Section symtab = elf.section(".symtab").orElseThrow();
        int at = (int) (elf.header().shoff() + 64L * symtab.index());

        byte[] b = good.clone();
        le(b).putLong(at + 32, Long.MAX_VALUE); // sh_size
        String m = assertThrows(ImageException.class, () -> symbolsOf(b)).getMessage();
        assertTrue(m.contains(".symtab") && m.contains("outside"), m);

        byte[] c = good.clone();
        le(c).putInt(at + 40, 0); // sh_link: no string table
        m = assertThrows(ImageException.class, () -> symbolsOf(c)).getMessage();
        assertTrue(m.contains("not a string table"), m);

        byte[] d = good.clone();
        ElfFile.Section names = elf.sections().get(elf.header().shstrndx());
        le(d).putInt((int) (elf.header().shoff() + 64L), (int) names.size() + 5); // section 1's name beyond the table
        assertTrue(refused(d).contains("outside the section name table"), refused(d));
    }

    private static void symbolsOf(byte[] b) {
        ElfFile e = ElfFile.parse(b);
        e.symbols(e.section(".symtab").orElseThrow());
    }

    @Test
    void notesWithHugeSizesAreRefusedNotWrapped() {
        byte[] b = header(new byte[64 + 24]);
        ElfFile elf = ElfFile.parse(b);
        le(b).putInt(64, 5).putInt(68, 0xffff_fff0).putInt(72, 1);
        System.arraycopy("Kiln\0".getBytes(), 0, b, 76, 5);
        String m = assertThrows(ImageException.class, () -> elf.notes(64, 24, 4, "test notes")).getMessage();
        assertTrue(m.contains("truncated ELF note"), m);
        le(b).putInt(64, 0xffff_ffff);
        m = assertThrows(ImageException.class, () -> elf.notes(64, 24, 4, "test notes")).getMessage();
        assertTrue(m.contains("truncated ELF note"), m);
        le(b).putInt(64, 5).putInt(68, 4);
        assertEquals(List.of(new ElfFile.Note("Kiln", 1, 64 + 12 + 8, 4)), elf.notes(64, 24, 4, "test notes"));
        assertThrows(ImageException.class, () -> elf.notes(Long.MAX_VALUE - 2, 24, 4, "test notes"));
        assertThrows(ImageException.class, () -> elf.bytes(80, Long.MAX_VALUE, "x"));
        assertThrows(ImageException.class, () -> elf.string(64, 4, 7, "a table"));
        assertThrows(ImageException.class, () -> elf.string(64, 1, 0, "an unterminated table"));
    }

    /** A bare ELF header: 64-bit, little-endian, version 1, no tables. */
    static byte[] header(byte[] b) {
        b[0] = 0x7f;
        b[1] = 'E';
        b[2] = 'L';
        b[3] = 'F';
        b[4] = 2;
        b[5] = 1;
        b[6] = 1;
        return b;
    }
}
