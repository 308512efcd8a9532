package dev.kiln.jvm.build;

import dev.kiln.image.ImageException;
import dev.kiln.image.JvmManifest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;

/**
 * The jvm-flavor image file (see docs/image-format.md, "jvm flavor"): a 160-byte header, then
 * the manifest, the kernel (bzImage) and the initramfs (a newc cpio, gzip-compressed), each
 * described in the header by offset, length and SHA-256.
 *
 * <pre>
 *   0   8  magic "KILNJVM1"
 *   8   4  header length (160), u32 little-endian
 *  12   4  flags (0)
 *  16  48  manifest:  offset u64, length u64, SHA-256
 *  64  48  kernel:    offset u64, length u64, SHA-256
 * 112  48  initramfs: offset u64, length u64, SHA-256
 * </pre>
 *
 * Reading treats the file as untrusted: magic, header length, every offset and length against
 * the file size, section overlap, manifest size and SHA-256 of every section are checked.
 */
public final class JvmImage {
    public static final byte[] MAGIC = "KILNJVM1".getBytes(StandardCharsets.US_ASCII);
    public static final int HEADER_LENGTH = 160;
    public static final long MAX_MANIFEST = 1 << 20;

    /** One section of the file. */
    public record Section(String name, long offset, long length, byte[] sha256) {
        public String sha256Hex() {
            return HexFormat.of().formatHex(sha256);
        }
    }

    private final Path file;
    private final JvmManifest manifest;
    private final Section manifestSection;
    private final Section kernel;
    private final Section initramfs;

    private JvmImage(Path file, JvmManifest manifest, Section m, Section k, Section i) {
        this.file = file;
        this.manifest = manifest;
        this.manifestSection = m;
        this.kernel = k;
        this.initramfs = i;
    }

    public Path file() {
        return file;
    }

    public JvmManifest manifest() {
        return manifest;
    }

    public Section kernel() {
        return kernel;
    }

    public Section initramfs() {
        return initramfs;
    }

    public Section manifestSection() {
        return manifestSection;
    }

    /** True if the file starts with the jvm-flavor magic (native images start with the ELF magic). */
    public static boolean hasMagic(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(MAGIC.length), MAGIC);
        }
    }

    /** Writes an image: the kernel and the (already gzip-compressed) initramfs come from files. */
    public static void write(Path out, JvmManifest manifest, Path kernelFile, Path initramfsGz) throws IOException {
        byte[] m = manifest.bytes();
        if (m.length > MAX_MANIFEST) {
            throw new IOException("manifest larger than " + MAX_MANIFEST + " bytes");
        }
        long kLen = Files.size(kernelFile);
        long iLen = Files.size(initramfsGz);
        long mOff = HEADER_LENGTH;
        long kOff = align(mOff + m.length);
        long iOff = align(kOff + kLen);
        ByteBuffer h = ByteBuffer.allocate(HEADER_LENGTH).order(ByteOrder.LITTLE_ENDIAN);
        h.put(MAGIC).putInt(HEADER_LENGTH).putInt(0);
        h.putLong(mOff).putLong(m.length).put(sha256(m));
        h.putLong(kOff).putLong(kLen).put(sha256(kernelFile));
        h.putLong(iOff).putLong(iLen).put(sha256(initramfsGz));
        Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ch.write(h.flip(), 0);
            ch.write(ByteBuffer.wrap(m), mOff);
            copy(kernelFile, ch, kOff);
            copy(initramfsGz, ch, iOff);
        }
        Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static long align(long v) {
        return (v + 4095) & ~4095L;
    }

    private static void copy(Path from, FileChannel to, long at) throws IOException {
        try (FileChannel in = FileChannel.open(from)) {
            long size = in.size();
            long done = 0;
            while (done < size) {
                done += in.transferTo(done, size - done, to.position(at + done));
            }
        }
    }

    /** Opens and validates an image: header, bounds, manifest; the kernel and initramfs hashes too. */
    public static JvmImage read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new InvalidImageException(file + ": no such file");
        }
        long size = Files.size(file);
        byte[] hb;
        try (InputStream in = Files.newInputStream(file)) {
            hb = in.readNBytes(HEADER_LENGTH);
        }
        if (hb.length < MAGIC.length || !Arrays.equals(Arrays.copyOf(hb, MAGIC.length), MAGIC)) {
            throw new InvalidImageException(file + ": not a Kiln jvm image (bad magic)");
        }
        if (hb.length < HEADER_LENGTH) {
            throw new InvalidImageException(file + ": truncated header (" + hb.length + " of " + HEADER_LENGTH + " bytes)");
        }
        ByteBuffer h = ByteBuffer.wrap(hb).order(ByteOrder.LITTLE_ENDIAN);
        int hl = h.getInt(8);
        if (hl != HEADER_LENGTH) {
            throw new InvalidImageException(file + ": unsupported header length " + Integer.toUnsignedString(hl));
        }
        if (h.getInt(12) != 0) {
            throw new InvalidImageException(file + ": unknown flags " + Integer.toHexString(h.getInt(12)));
        }
        Section m = section(file, h, 16, "manifest", size);
        Section k = section(file, h, 64, "kernel", size);
        Section i = section(file, h, 112, "initramfs", size);
        Section[] all = {m, k, i};
        for (int a = 0; a < 3; a++) {
            for (int b = a + 1; b < 3; b++) {
                if (all[a].offset < all[b].offset + all[b].length && all[b].offset < all[a].offset + all[a].length) {
                    throw new InvalidImageException(file + ": sections " + all[a].name + " and " + all[b].name + " overlap");
                }
            }
        }
        if (m.length > MAX_MANIFEST) {
            throw new InvalidImageException(file + ": manifest length " + m.length + " exceeds " + MAX_MANIFEST);
        }
        if (k.length == 0 || i.length == 0) {
            throw new InvalidImageException(file + ": empty kernel or initramfs section");
        }
        byte[] mb = new byte[(int) m.length];
        try (FileChannel ch = FileChannel.open(file)) {
            ByteBuffer bb = ByteBuffer.wrap(mb);
            while (bb.hasRemaining()) {
                if (ch.read(bb, m.offset + bb.position()) < 0) {
                    throw new InvalidImageException(file + ": truncated manifest");
                }
            }
        }
        if (!MessageDigest.isEqual(sha256(mb), m.sha256)) {
            throw new InvalidImageException(file + ": manifest SHA-256 mismatch (corrupted image)");
        }
        JvmManifest manifest;
        try {
            manifest = JvmManifest.parse(mb);
        } catch (ImageException e) {
            throw new InvalidImageException(file + ": " + e.getMessage());
        }
        JvmImage img = new JvmImage(file, manifest, m, k, i);
        img.verify(k);
        img.verify(i);
        return img;
    }

    private static Section section(Path file, ByteBuffer h, int at, String name, long size) throws IOException {
        long off = h.getLong(at);
        long len = h.getLong(at + 8);
        byte[] sha = new byte[32];
        h.get(at + 16, sha);
        if (off < HEADER_LENGTH || len < 0 || off > size || len > size - off) {
            throw new InvalidImageException(file + ": " + name + " section (offset " + Long.toUnsignedString(off)
                    + ", length " + Long.toUnsignedString(len) + ") lies beyond the file (" + size
                    + " bytes): truncated or corrupted image");
        }
        return new Section(name, off, len, sha);
    }

    private void verify(Section s) throws IOException {
        try (InputStream in = open(s)) {
            MessageDigest d = digest();
            try (DigestInputStream din = new DigestInputStream(in, d)) {
                din.transferTo(OutputStream.nullOutputStream());
            }
            if (!MessageDigest.isEqual(d.digest(), s.sha256)) {
                throw new InvalidImageException(file + ": " + s.name + " SHA-256 mismatch (corrupted image)");
            }
        }
    }

    /** The raw bytes of a section. */
    public InputStream open(Section s) throws IOException {
        FileChannel ch = FileChannel.open(file);
        ch.position(s.offset);
        InputStream raw = java.nio.channels.Channels.newInputStream(ch);
        return new java.io.FilterInputStream(raw) {
            long left = s.length;

            @Override
            public int read() throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int b = super.read();
                if (b >= 0) {
                    left--;
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int n = super.read(b, off, (int) Math.min(len, left));
                if (n > 0) {
                    left -= n;
                }
                return n;
            }
        };
    }

    /** The initramfs as the kernel gets it: a plain newc cpio (decompressed here, on the host). */
    public InputStream openInitramfsCpio() throws IOException {
        return new GZIPInputStream(open(initramfs), 1 << 16);
    }

    /** Writes the kernel and the decompressed initramfs into {@code dir}; returns {kernel, initrd}. */
    public Path[] extract(Path dir) throws IOException {
        Path k = dir.resolve("bzImage");
        Path i = dir.resolve("initramfs.cpio");
        try (InputStream in = open(kernel)) {
            Files.copy(in, k);
        }
        try (InputStream in = openInitramfsCpio()) {
            Files.copy(in, i);
        }
        return new Path[] {k, i};
    }

    static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] sha256(byte[] b) {
        return digest().digest(b);
    }

    static byte[] sha256(Path f) throws IOException {
        MessageDigest d = digest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(f), d)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return d.digest();
    }

    /** A clear error about an image file that cannot be used. */
    public static final class InvalidImageException extends IOException {
        public InvalidImageException(String message) {
            super(message);
        }
    }
}
