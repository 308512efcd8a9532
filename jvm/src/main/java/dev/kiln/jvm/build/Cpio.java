package dev.kiln.jvm.build;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The "newc" cpio format (the one the Linux kernel unpacks as initramfs), writer and reader.
 * All entries get uid/gid 0 and mtime 0, so the same input gives the same bytes.
 */
public final class Cpio {
    public static final int S_IFDIR = 0040000;
    public static final int S_IFREG = 0100000;
    public static final int S_IFLNK = 0120000;
    public static final int S_IFCHR = 0020000;
    private static final String MAGIC = "070701";
    private static final String TRAILER = "TRAILER!!!";

    private Cpio() {}

    /** One entry as read back. */
    public record Entry(String name, int mode, long size, int rdevMajor, int rdevMinor, byte[] data) {
        public boolean isDirectory() {
            return (mode & 0170000) == S_IFDIR;
        }

        public boolean isRegular() {
            return (mode & 0170000) == S_IFREG;
        }

        public boolean isSymlink() {
            return (mode & 0170000) == S_IFLNK;
        }
    }

    /** Where a file tree goes: a cpio archive, or a directory on disk. Names are relative. */
    public interface Sink {
        void directory(String name, int perm) throws IOException;

        void file(String name, int perm, byte[] data) throws IOException;

        void file(String name, int perm, InputStream data, long size) throws IOException;

        void symlink(String name, String target) throws IOException;

        void charDevice(String name, int perm, int major, int minor) throws IOException;
    }

    /** Writes entries; names are relative ("jvm/bin/java"), parents must be written first. */
    public static final class Writer implements Sink, AutoCloseable {
        private final OutputStream out;
        private long written;
        private int ino = 1;
        private boolean closed;

        public Writer(OutputStream out) {
            this.out = out;
        }

        public void directory(String name, int perm) throws IOException {
            header(name, S_IFDIR | perm, 0, 2, 0, 0);
            pad();
        }

        public void file(String name, int perm, byte[] data) throws IOException {
            header(name, S_IFREG | perm, data.length, 1, 0, 0);
            write(data);
            pad();
        }

        public void file(String name, int perm, InputStream data, long size) throws IOException {
            header(name, S_IFREG | perm, size, 1, 0, 0);
            long n = data.transferTo(new OutputStream() {
                @Override
                public void write(int b) throws IOException {
                    Writer.this.write(new byte[] {(byte) b});
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                    written += len;
                }
            });
            if (n != size) {
                throw new IOException(name + ": size changed while writing (" + n + " != " + size + ")");
            }
            pad();
        }

        public void symlink(String name, String target) throws IOException {
            byte[] t = target.getBytes(StandardCharsets.UTF_8);
            header(name, S_IFLNK | 0777, t.length, 1, 0, 0);
            write(t);
            pad();
        }

        public void charDevice(String name, int perm, int major, int minor) throws IOException {
            header(name, S_IFCHR | perm, 0, 1, major, minor);
            pad();
        }

        private void header(String name, int mode, long size, int nlink, int major, int minor) throws IOException {
            if (name.startsWith("/") || name.isEmpty()) {
                throw new IllegalArgumentException("cpio names are relative: " + name);
            }
            if (size > 0xffffffffL) {
                throw new IOException(name + ": larger than 4 GiB, which newc cannot hold");
            }
            byte[] n = name.getBytes(StandardCharsets.UTF_8);
            StringBuilder h = new StringBuilder(110);
            h.append(MAGIC);
            hex(h, name.equals(TRAILER) ? 0 : ino++); // ino
            hex(h, mode);
            hex(h, 0); // uid
            hex(h, 0); // gid
            hex(h, nlink);
            hex(h, 0); // mtime
            hex(h, size);
            hex(h, 0); // devmajor
            hex(h, 0); // devminor
            hex(h, major); // rdevmajor
            hex(h, minor); // rdevminor
            hex(h, n.length + 1);
            hex(h, 0); // check
            write(h.toString().getBytes(StandardCharsets.US_ASCII));
            write(n);
            write(new byte[] {0});
            pad();
        }

        private static void hex(StringBuilder h, long v) {
            String s = Long.toHexString(v);
            h.append("0".repeat(8 - s.length())).append(s);
        }

        private void write(byte[] b) throws IOException {
            out.write(b);
            written += b.length;
        }

        private void pad() throws IOException {
            while (written % 4 != 0) {
                out.write(0);
                written++;
            }
        }

        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            header(TRAILER, 0, 0, 1, 0, 0);
            pad();
            out.flush();
        }
    }

    /** Reads every entry of a newc archive (up to the trailer). */
    public static List<Entry> read(InputStream in) throws IOException {
        List<Entry> entries = new ArrayList<>();
        long[] pos = {0};
        while (true) {
            byte[] h = readN(in, 110, pos);
            String hs = new String(h, StandardCharsets.US_ASCII);
            if (!hs.startsWith(MAGIC)) {
                throw new IOException("not a newc cpio archive (bad magic at offset " + (pos[0] - 110) + ")");
            }
            // Fields after the magic: ino mode uid gid nlink mtime filesize devmajor devminor
            // rdevmajor rdevminor namesize check.
            long mode = field(hs, 1);
            long size = field(hs, 6);
            long rmaj = field(hs, 9);
            long rmin = field(hs, 10);
            long namesize = field(hs, 11);
            if (namesize < 1 || namesize > 4096) {
                throw new IOException("cpio: bad name size " + namesize);
            }
            byte[] name = readN(in, (int) namesize, pos);
            skipPad(in, pos);
            String n = new String(name, 0, (int) namesize - 1, StandardCharsets.UTF_8);
            if (n.equals(TRAILER)) {
                return entries;
            }
            if (size > Integer.MAX_VALUE - 16) {
                throw new IOException("cpio: entry " + n + " too large to read back");
            }
            byte[] data = readN(in, (int) size, pos);
            skipPad(in, pos);
            entries.add(new Entry(n, (int) mode, size, (int) rmaj, (int) rmin, data));
        }
    }

    private static long field(String h, int i) throws IOException {
        try {
            return Long.parseLong(h, 6 + i * 8, 14 + i * 8, 16);
        } catch (NumberFormatException e) {
            throw new IOException("cpio: bad header field " + i);
        }
    }

    private static byte[] readN(InputStream in, int n, long[] pos) throws IOException {
        byte[] b = in.readNBytes(n);
        if (b.length != n) {
            throw new EOFException("cpio: truncated archive");
        }
        pos[0] += n;
        return b;
    }

    private static void skipPad(InputStream in, long[] pos) throws IOException {
        while (pos[0] % 4 != 0) {
            if (in.read() < 0) {
                throw new EOFException("cpio: truncated archive");
            }
            pos[0]++;
        }
    }

    /** Convenience for tests and inspect: the bytes of an archive built by {@code body}. */
    public static byte[] build(IOConsumer<Writer> body) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer w = new Writer(bytes)) {
            body.accept(w);
        }
        return bytes.toByteArray();
    }

    @FunctionalInterface
    public interface IOConsumer<T> {
        void accept(T t) throws IOException;
    }
}
