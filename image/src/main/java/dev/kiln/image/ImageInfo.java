package dev.kiln.image;

import dev.kiln.image.elf.ElfFile;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * What `kiln inspect` shows of a native image: the image as {@link GuestImage} validates it (so
 * inspect accepts and refuses exactly what `kiln run` does), the sizes of text, rodata, data and
 * bss (from the allocated sections), and the Java classes compiled in (the deflated list in the
 * section {@code .kiln.classes}, which is in the file but never loaded).
 */
public record ImageInfo(long fileSize, Manifest manifest, long text, long rodata, long data, long bss,
                        List<String> classes) {
    public static final String CLASSES_SECTION = ".kiln.classes";
    /** The class list inflates to at most this: a hostile section must not exhaust memory. */
    static final int MAX_CLASS_LIST = 16 << 20;

    /** Reads and validates an image; errors (ImageException) name the file. */
    public static ImageInfo read(Path file) {
        GuestImage image = GuestImage.load(file);
        try {
            return of(image);
        } catch (ImageException e) {
            throw new ImageException(file + ": " + e.getMessage());
        }
    }

    public static ImageInfo of(GuestImage image) {
        ElfFile elf = image.elf();
        long text = 0, rodata = 0, data = 0, bss = 0;
        List<String> classes = List.of();
        for (ElfFile.Section s : elf.sections()) {
            if (s.allocated()) {
                // Each within the 4 GiB guest, so that 65535 of them cannot overflow the sums.
                if (Long.compareUnsigned(s.size(), GuestImage.LOAD_LIMIT) > 0) {
                    throw new ImageException("section " + s.name() + " claims 0x" + Long.toHexString(s.size())
                            + " bytes, more than the 4 GiB guest memory");
                }
                if (s.type() == ElfFile.SHT_NOBITS) bss += s.size();
                else if ((s.flags() & ElfFile.SHF_EXECINSTR) != 0) text += s.size();
                else if ((s.flags() & ElfFile.SHF_WRITE) != 0) data += s.size();
                else rodata += s.size();
            }
            if (s.name().equals(CLASSES_SECTION)) classes = classList(elf.contents(s));
        }
        return new ImageInfo(elf.size(), image.manifest(), text, rodata, data, bss, classes);
    }

    private static List<String> classList(byte[] deflated) {
        Inflater inf = new Inflater();
        inf.setInput(deflated);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        try {
            while (!inf.finished()) {
                int n = inf.inflate(buf);
                if (n == 0 && (inf.needsInput() || inf.needsDictionary())) {
                    throw new ImageException(CLASSES_SECTION + " is truncated");
                }
                if (out.size() + n > MAX_CLASS_LIST) {
                    throw new ImageException(CLASSES_SECTION + " inflates to more than " + (MAX_CLASS_LIST >> 20) + " MiB");
                }
                out.write(buf, 0, n);
            }
        } catch (DataFormatException e) {
            throw new ImageException(CLASSES_SECTION + " is not deflate data");
        } finally {
            inf.end();
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(out.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw new ImageException(CLASSES_SECTION + " is not UTF-8 text");
        }
        List<String> list = new ArrayList<>();
        for (String s : text.split("\n")) {
            if (!s.isEmpty()) list.add(s);
        }
        return List.copyOf(list);
    }
}
