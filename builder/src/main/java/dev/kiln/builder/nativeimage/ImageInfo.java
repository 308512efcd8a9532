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
    /** The class list of an image is a few KB deflated; a larger one is a decompression bomb. */
    private static final int MAX_CLASS_LIST = 16 << 20;

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
        if (shoff <= 0 || shentsize < 64 || !inFile(shoff, (long) shnum * shentsize, bytes.length) || shstrndx >= shnum) {
            throw new IOException(image + " has no valid section headers");
        }
        // Every offset and size below comes from the file: checked against it before use, overflow-safe.
        int strHeader = (int) (shoff + (long) shstrndx * shentsize);
        long strOff = b.getLong(strHeader + 0x18);
        long strSize = b.getLong(strHeader + 0x20);
        if (!inFile(strOff, strSize, bytes.length)) {
            throw new IOException(image + ": the section name table lies outside the file");
        }
        long text = 0;
        long rodata = 0;
        long data = 0;
        long bss = 0;
        Manifest manifest = null;
        List<String> classes = List.of();
        for (int i = 0; i < shnum; i++) {
            int h = (int) (shoff + (long) i * shentsize);
            long nameOff = Integer.toUnsignedLong(b.getInt(h));
            int type = b.getInt(h + 4);
            long flags = b.getLong(h + 8);
            long off = b.getLong(h + 0x18);
            long size = b.getLong(h + 0x20);
            String name = nameOff < strSize ? cString(bytes, (int) (strOff + nameOff), (int) (strOff + strSize)) : "";
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
            if (type != SHT_NOBITS && !inFile(off, size, bytes.length)) {
                throw new IOException("section " + printable(name) + " lies outside the file");
            }
            if (name.equals(".note.kiln") && type == SHT_NOTE) {
                manifest = parseNote(bytes, (int) off, (int) size);
            } else if (name.equals(".kiln.classes") && type != SHT_NOBITS) {
                classes = inflate(bytes, (int) off, (int) size);
            }
        }
        return new ImageInfo(bytes.length, manifest, text, rodata, data, bss, classes);
    }

    /** The Kiln manifest in the notes of bytes[off, off+size) (a range inside the file), or null. */
    private static Manifest parseNote(byte[] bytes, int off, int size) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long p = off;
        long end = (long) off + size;
        while (end - p >= 12) {
            long namesz = Integer.toUnsignedLong(b.getInt((int) p));
            long descsz = Integer.toUnsignedLong(b.getInt((int) p + 4));
            int type = b.getInt((int) p + 8);
            long nameStart = p + 12;
            long descStart = nameStart + ((namesz + 3) & ~3L);
            if (descStart > end || descsz > end - descStart) {
                throw new IOException("malformed .note.kiln: a note runs past the end of its section");
            }
            if (type == 1 && namesz == 5 && new String(bytes, (int) nameStart, 5, StandardCharsets.US_ASCII).equals("Kiln\0")) {
                return Manifest.parse(java.util.Arrays.copyOfRange(bytes, (int) descStart, (int) (descStart + descsz)));
            }
            p = descStart + ((descsz + 3) & ~3L);
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
                if (out.size() > MAX_CLASS_LIST) {
                    throw new IOException(".kiln.classes inflates to more than " + (MAX_CLASS_LIST >> 20) + " MiB");
                }
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

    /** Is [off, off+size) inside a file of length bytes? Overflow-safe for any values. */
    private static boolean inFile(long off, long size, long length) {
        return off >= 0 && size >= 0 && off <= length && size <= length - off;
    }

    /** A name from the file, fit for a one-line message: anything but printable ASCII becomes '?'. */
    private static String printable(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (sb.length() >= 64) return sb.append("...").toString();
            sb.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return sb.toString();
    }

    private static String cString(byte[] bytes, int off, int limit) {
        int end = off;
        while (end < limit && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, off, end - off, StandardCharsets.UTF_8);
    }
}
