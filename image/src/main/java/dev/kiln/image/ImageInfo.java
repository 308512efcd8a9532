package dev.kiln.builder.nativeimage;

import dev.kiln.vmm.Manifest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * What `kiln inspect` shows of an image: the manifest note (read with the VMM's own parser,
 * so inspect accepts, rejects and shows exactly what `kiln run` would), the sizes of text, rodata,
 * data and bss (from the section headers), and the Java classes compiled in (the
 * deflated list in the non-loaded section {@code .kiln.classes}).
 */
public record ImageInfo(long fileSize, Manifest manifest, long text, long rodata, long data, long bss,
        List<String> classes) {

    private static final int SHF_WRITE = 1;
    private static final int SHF_ALLOC = 2;
    private static final int SHF_EXECINSTR = 4;
    private static final int SHT_NOBITS = 8;
    private static final int SHT_NOTE = 7;

    public static ImageInfo read(Path image) throws IOException {
        byte[] bytes = Files.readAllBytes(image);
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 64 || b.getInt(0) != 0x464c457f || bytes[4] != 2 || bytes[5] != 1) {
            throw new IOException(image + " is not a 64-bit little-endian ELF file");
        }
        long shoff = b.getLong(0x28);
        int shentsize = Short.toUnsignedInt(b.getShort(0x3a));
        int shnum = Short.toUnsignedInt(b.getShort(0x3c));
        int shstrndx = Short.toUnsignedInt(b.getShort(0x3e));
        if (shoff <= 0 || shentsize < 64 || shoff + (long) shnum * shentsize > bytes.length || shstrndx >= shnum) {
            throw new IOException(image + " has no valid section headers");
        }
        long strOff = b.getLong((int) (shoff + (long) shstrndx * shentsize) + 0x18);
        long text = 0;
        long rodata = 0;
        long data = 0;
        long bss = 0;
        Manifest manifest = null;
        List<String> classes = List.of();
        for (int i = 0; i < shnum; i++) {
            int h = (int) (shoff + (long) i * shentsize);
            int nameOff = b.getInt(h);
            int type = b.getInt(h + 4);
            long flags = b.getLong(h + 8);
            long off = b.getLong(h + 0x18);
            long size = b.getLong(h + 0x20);
            String name = cString(bytes, (int) (strOff + nameOff));
            if ((flags & SHF_ALLOC) != 0) {
                if (type == SHT_NOBITS) {
                    bss += size;
                } else if ((flags & SHF_EXECINSTR) != 0) {
                    text += size;
                } else if ((flags & SHF_WRITE) != 0) {
                    data += size;
                } else {
                    rodata += size;
                }
            }
            if (type != SHT_NOBITS && (off < 0 || off + size > bytes.length)) {
                throw new IOException("section " + name + " lies outside the file");
            }
            if (name.equals(".note.kiln") && type == SHT_NOTE) {
                manifest = parseNote(b, (int) off, (int) size);
            } else if (name.equals(".kiln.classes")) {
                classes = inflate(bytes, (int) off, (int) size);
            }
        }
        return new ImageInfo(bytes.length, manifest, text, rodata, data, bss, classes);
    }

    private static Manifest parseNote(ByteBuffer b, int off, int size) throws IOException {
        int end = off + size;
        while (off + 12 <= end) {
            int namesz = b.getInt(off);
            int descsz = b.getInt(off + 4);
            int type = b.getInt(off + 8);
            int nameStart = off + 12;
            int descStart = nameStart + ((namesz + 3) & ~3);
            if (namesz < 0 || descsz < 0 || descStart + descsz > end) {
                throw new IOException("malformed .note.kiln");
            }
            byte[] name = new byte[namesz];
            b.get(nameStart, name);
            if (type == 1 && new String(name, StandardCharsets.US_ASCII).equals("Kiln\0")) {
                byte[] desc = new byte[descsz];
                b.get(descStart, desc);
                return Manifest.parse(desc);
            }
            off = descStart + ((descsz + 3) & ~3);
        }
        return null;
    }

    private static List<String> inflate(byte[] bytes, int off, int size) throws IOException {
        Inflater inf = new Inflater();
        inf.setInput(bytes, off, size);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        try {
            while (!inf.finished()) {
                int n = inf.inflate(buf);
                if (n == 0 && (inf.needsInput() || inf.needsDictionary())) {
                    throw new IOException(".kiln.classes is truncated");
                }
                out.write(buf, 0, n);
            }
        } catch (DataFormatException e) {
            throw new IOException(".kiln.classes is not deflate data", e);
        } finally {
            inf.end();
        }
        List<String> list = new ArrayList<>();
        for (String s : out.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!s.isEmpty()) {
                list.add(s);
            }
        }
        return list;
    }

    private static String cString(byte[] bytes, int off) {
        int end = off;
        while (end < bytes.length && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, off, end - off, StandardCharsets.UTF_8);
    }
}
