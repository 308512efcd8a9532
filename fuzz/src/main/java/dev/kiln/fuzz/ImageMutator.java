package dev.kiln.fuzz;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Makes a hostile image out of a real one: one to three mutations, each aimed at a part of
 * the file the loader trusts at its peril (ELF header fields, program headers, section headers,
 * notes, the manifest text, symbols), with values from a table of edges (0, sizes near 2^31,
 * 2^32, 2^63 and 2^64, the file's own length), plus truncation and bit flips. Deterministic:
 * the same seed image and random state make the same mutant.
 */
public final class ImageMutator {
    private static final long[] EDGES = {0, 1, 2, 7, 8, 0x38, 0x40, 0xfff, 0x1000, 0x1001, 0x3fffff, 0x400000,
            0x7fffffffL, 0x80000000L, 0xffffffffL, 0x100000000L, 0x100000001L, 0x7fffffffffffffffL,
            0x8000000000000000L, 0x8000000000000001L, 0xfffffffffffff000L, -2, -1};

    private ImageMutator() {}

    /** What was done, for the failure report: "phdr[2].p_memsz=0x8000000000000000 truncate(123)". */
    public record Mutant(byte[] bytes, String description) {}

    public static Mutant mutate(byte[] original, SplittableRandom r) {
        byte[] b = original.clone();
        StringBuilder what = new StringBuilder();
        for (int n = 1 + r.nextInt(3); n > 0; n--) {
            b = mutateOnce(b, r, what);
        }
        return new Mutant(b, what.toString().trim());
    }

    private static byte[] mutateOnce(byte[] b, SplittableRandom r, StringBuilder what) {
        if (b.length < 64) return bitFlips(b, r, what);
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        switch (r.nextInt(12)) {
            case 0, 1 -> elfHeader(buf, r, what);
            case 2, 3, 4 -> programHeader(buf, r, what);
            case 5, 6 -> sectionHeader(buf, r, what);
            case 7 -> note(buf, r, what);
            case 8 -> {
                return manifest(b, r, what);
            }
            case 9 -> {
                int at = r.nextInt(4) == 0 ? r.nextInt(Math.min(b.length, 4096)) : r.nextInt(b.length);
                what.append(" truncate(").append(at).append(')');
                return Arrays.copyOf(b, at);
            }
            case 10 -> {
                return bitFlips(b, r, what);
            }
            default -> symbol(buf, r, what);
        }
        return b;
    }

    private static long edge(SplittableRandom r, long fileLength) {
        return switch (r.nextInt(8)) {
            case 0 -> fileLength + r.nextInt(3) - 1;
            case 1 -> r.nextLong();
            case 2 -> r.nextLong(fileLength + 1);
            default -> EDGES[r.nextInt(EDGES.length)] + (r.nextInt(4) == 0 ? r.nextInt(17) - 8 : 0);
        };
    }

    /** Writes a value of the field's width at its offset. */
    private static void put(ByteBuffer buf, int at, int width, long v, String name, StringBuilder what) {
        if (at < 0 || at + width > buf.capacity()) return;
        switch (width) {
            case 1 -> buf.put(at, (byte) v);
            case 2 -> buf.putShort(at, (short) v);
            case 4 -> buf.putInt(at, (int) v);
            default -> buf.putLong(at, v);
        }
        what.append(' ').append(name).append("=0x").append(Long.toHexString(width == 8 ? v : v & ((1L << (8 * width)) - 1)));
    }

    private static void elfHeader(ByteBuffer buf, SplittableRandom r, StringBuilder what) {
        long len = buf.capacity();
        // {offset, width}: e_ident class/data/version, e_type, e_machine, e_version, e_entry, e_phoff, e_shoff,
        // e_flags, e_ehsize, e_phentsize, e_phnum, e_shentsize, e_shnum, e_shstrndx
        int[][] fields = {{4, 1}, {5, 1}, {6, 1}, {16, 2}, {18, 2}, {20, 4}, {24, 8}, {32, 8}, {40, 8}, {48, 4},
                {52, 2}, {54, 2}, {56, 2}, {58, 2}, {60, 2}, {62, 2}};
        String[] names = {"ei_class", "ei_data", "ei_version", "e_type", "e_machine", "e_version", "e_entry", "e_phoff",
                "e_shoff", "e_flags", "e_ehsize", "e_phentsize", "e_phnum", "e_shentsize", "e_shnum", "e_shstrndx"};
        int i = r.nextInt(fields.length);
        long v = fields[i][1] <= 2 && r.nextBoolean() ? r.nextInt(1 << (8 * fields[i][1])) : edge(r, len);
        if (i == 6 && r.nextBoolean()) v = buf.getLong(24) + r.nextInt(64) - 32; // an entry near the real one
        put(buf, fields[i][0], fields[i][1], v, names[i], what);
    }

    private static void programHeader(ByteBuffer buf, SplittableRandom r, StringBuilder what) {
        long phoff = buf.getLong(32);
        int phnum = buf.getShort(56) & 0xffff;
        if (phnum == 0 || phoff < 0 || phoff > buf.capacity()) {
            elfHeader(buf, r, what);
            return;
        }
        int i = r.nextInt(phnum);
        long p = phoff + 56L * i;
        if (p + 56 > buf.capacity()) return;
        int at = (int) p;
        String h = "phdr[" + i + "].";
        long len = buf.capacity();
        switch (r.nextInt(8)) {
            case 0 -> put(buf, at, 4, new long[] {0, 1, 2, 3, 4, 6, 7, 0x6474e551L, r.nextInt()}[r.nextInt(9)], h + "p_type", what);
            case 1 -> put(buf, at + 4, 4, r.nextInt(8), h + "p_flags", what);
            case 2 -> put(buf, at + 8, 8, edge(r, len), h + "p_offset", what);
            case 3 -> put(buf, at + 16, 8, r.nextBoolean() ? edge(r, len) : buf.getLong(at + 16) + (r.nextInt(9) - 4) * 0x1000L,
                    h + "p_vaddr", what);
            case 4 -> put(buf, at + 32, 8, edge(r, len), h + "p_filesz", what);
            case 5 -> put(buf, at + 40, 8, r.nextBoolean() ? edge(r, len) : 0x8000000000000000L - r.nextInt(0x2000),
                    h + "p_memsz", what);
            case 6 -> put(buf, at + 48, 8, r.nextBoolean() ? edge(r, len) : 1L << r.nextInt(64), h + "p_align", what);
            default -> { // two headers swapped: order, overlap
                int j = r.nextInt(phnum);
                long q = phoff + 56L * j;
                if (q + 56 > buf.capacity()) return;
                byte[] a = new byte[56], c = new byte[56];
                buf.get(at, a);
                buf.get((int) q, c);
                buf.put(at, c);
                buf.put((int) q, a);
                what.append(" swap(phdr[").append(i).append("],phdr[").append(j).append("])");
            }
        }
    }

    private static void sectionHeader(ByteBuffer buf, SplittableRandom r, StringBuilder what) {
        long shoff = buf.getLong(40);
        int shnum = buf.getShort(60) & 0xffff;
        if (shnum == 0 || shoff <= 0 || shoff > buf.capacity()) {
            elfHeader(buf, r, what);
            return;
        }
        int i = r.nextInt(shnum);
        long p = shoff + 64L * i;
        if (p + 64 > buf.capacity()) return;
        int at = (int) p;
        String h = "shdr[" + i + "].";
        long len = buf.capacity();
        switch (r.nextInt(8)) {
            case 0 -> put(buf, at, 4, r.nextBoolean() ? edge(r, len) : r.nextInt(256), h + "sh_name", what);
            case 1 -> put(buf, at + 4, 4, new long[] {0, 1, 2, 3, 7, 8, 11, r.nextInt()}[r.nextInt(8)], h + "sh_type", what);
            case 2 -> put(buf, at + 8, 8, r.nextInt(16), h + "sh_flags", what);
            case 3 -> put(buf, at + 24, 8, edge(r, len), h + "sh_offset", what);
            case 4 -> put(buf, at + 32, 8, edge(r, len), h + "sh_size", what);
            case 5 -> put(buf, at + 40, 4, r.nextBoolean() ? r.nextInt(shnum + 2) : edge(r, len), h + "sh_link", what);
            case 6 -> put(buf, at + 48, 8, edge(r, len), h + "sh_addralign", what);
            default -> put(buf, at + 56, 8, r.nextBoolean() ? r.nextInt(64) : edge(r, len), h + "sh_entsize", what);
        }
    }

    /** The Kiln note's header: namesz, descsz, type. */
    private static void note(ByteBuffer buf, SplittableRandom r, StringBuilder what) {
        int at = kilnNote(buf.array());
        if (at < 0) {
            sectionHeader(buf, r, what);
            return;
        }
        switch (r.nextInt(3)) {
            case 0 -> put(buf, at, 4, r.nextBoolean() ? r.nextInt(16) : edge(r, buf.capacity()), "note.namesz", what);
            case 1 -> put(buf, at + 4, 4, r.nextBoolean() ? buf.getInt(at + 4) + r.nextInt(17) - 8 : edge(r, buf.capacity()),
                    "note.descsz", what);
            default -> put(buf, at + 8, 4, r.nextInt(4), "note.type", what);
        }
    }

    /** The offset of the Kiln manifest note's header (namesz 5, "Kiln\0"), or -1. */
    static int kilnNote(byte[] b) {
        byte[] owner = "Kiln\0".getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 12; i + owner.length <= b.length; i++) {
            for (int k = 0; k < owner.length; k++) if (b[i + k] != owner[k]) continue outer;
            if (b[i - 12] == 5 && b[i - 11] == 0 && b[i - 10] == 0 && b[i - 9] == 0) return i - 12;
        }
        return -1;
    }

    /** Lines a manifest parser must refuse or take as they are. */
    private static final String[] MANIFEST_LINES = {"memory_mb=0", "memory_mb=4097", "memory_mb=99999999999",
            "memory_mb=-1", "memory_mb= 64", "memory_mb=64", "name=", "name=x", "name=a\u0000b", "arg=", "env=NOEQUALS",
            "env==x", "env=K=V", "ip=10.0.0.2/24", "ip=10.0.0.2/33", "ip=300.0.0.1/24", "ip=10.0.0.2/24,10.0.0.1",
            "ip=", "ip=::1/64", "=value", "no equals sign", "k\u00e9y=v", "#comment", "   ", "\r", "key=\u001b[31mred",
            "x=" + "A".repeat(5000), "1abc=2", "unknown_key=kept"};

    /** Rewrites the manifest's descriptor in place (the same length): other lines, bytes, encodings. */
    private static byte[] manifest(byte[] b, SplittableRandom r, StringBuilder what) {
        int at = kilnNote(b);
        if (at < 0) return bitFlips(b, r, what);
        int descsz = ByteBuffer.wrap(b, at + 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        int desc = at + 12 + 8; // "Kiln\0" padded to 8
        if (descsz <= 0 || desc + descsz > b.length) return bitFlips(b, r, what);
        byte[] text;
        switch (r.nextInt(4)) {
            case 0 -> { // a random line added
                String line = MANIFEST_LINES[r.nextInt(MANIFEST_LINES.length)];
                text = (line + "\n" + new String(b, desc, descsz, StandardCharsets.ISO_8859_1))
                        .getBytes(StandardCharsets.ISO_8859_1);
                what.append(" manifest+=").append(printable(line));
            }
            case 1 -> { // bytes of the text changed, some into invalid UTF-8 or NUL
                text = Arrays.copyOfRange(b, desc, desc + descsz);
                for (int k = 1 + r.nextInt(4); k > 0; k--) {
                    int i = r.nextInt(text.length);
                    text[i] = new byte[] {0, '\n', '=', '#', (byte) 0xc3, (byte) 0xff, (byte) 0x80, (byte) r.nextInt()}[r.nextInt(8)];
                }
                what.append(" manifest-bytes");
            }
            case 2 -> { // lines duplicated
                String s = new String(b, desc, descsz, StandardCharsets.ISO_8859_1);
                text = (s + s).getBytes(StandardCharsets.ISO_8859_1);
                what.append(" manifest-twice");
            }
            default -> { // all of it replaced
                StringBuilder sb = new StringBuilder();
                for (int k = r.nextInt(6); k > 0; k--) sb.append(MANIFEST_LINES[r.nextInt(MANIFEST_LINES.length)]).append('\n');
                text = sb.toString().getBytes(StandardCharsets.UTF_8);
                what.append(" manifest=").append(printable(sb.toString()));
            }
        }
        // The note keeps its size: the text is cut or padded with NULs (trailing NULs are padding).
        byte[] out = b.clone();
        int n = Math.min(text.length, descsz);
        System.arraycopy(text, 0, out, desc, n);
        Arrays.fill(out, desc + n, desc + descsz, (byte) 0);
        return out;
    }

    private static void symbol(ByteBuffer buf, SplittableRandom r, StringBuilder what) {
        long shoff = buf.getLong(40);
        int shnum = buf.getShort(60) & 0xffff;
        for (int i = 0; i < shnum && shoff > 0 && shoff <= buf.capacity() - 64L * (i + 1); i++) {
            int at = (int) (shoff + 64L * i);
            if (buf.getInt(at + 4) != 2) continue; // SHT_SYMTAB
            long off = buf.getLong(at + 24), size = buf.getLong(at + 32);
            if (off <= 0 || size < 24 || off > buf.capacity() || size > buf.capacity() - off) break;
            int s = (int) (off + 24 * r.nextLong(size / 24));
            switch (r.nextInt(4)) {
                case 0 -> put(buf, s, 4, edge(r, buf.capacity()), "sym.st_name", what);
                case 1 -> put(buf, s + 4, 1, r.nextInt(256), "sym.st_info", what);
                case 2 -> put(buf, s + 8, 8, edge(r, buf.capacity()), "sym.st_value", what);
                default -> put(buf, s + 16, 8, edge(r, buf.capacity()), "sym.st_size", what);
            }
            return;
        }
        elfHeader(buf, r, what);
    }

    private static byte[] bitFlips(byte[] b, SplittableRandom r, StringBuilder what) {
        if (b.length == 0) return b;
        int n = 1 + r.nextInt(16);
        // Mostly in the headers (the first 4 KiB hold the ELF and program headers), sometimes anywhere.
        int range = r.nextBoolean() ? Math.min(b.length, 4096) : b.length;
        for (int k = 0; k < n; k++) b[r.nextInt(range)] ^= (byte) (1 << r.nextInt(8));
        what.append(" bitflips(").append(n).append(')');
        return b;
    }

    private static String printable(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (sb.length() > 60) return sb.append("...").toString();
            sb.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\x%02x", (int) c));
        }
        return sb.toString();
    }
}
