package dev.kiln.linux;

import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.atomic.AtomicInteger;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one errno convention, on real calls: -errno on failure, the value on success. */
class LibcTest {
    @Test
    void failuresReturnMinusErrno() {
        assertEquals(-Errno.ENOENT, Libc.open("/nonexistent/kiln-" + System.nanoTime(), Libc.O_RDONLY));
        assertEquals(-Errno.EBADF, Libc.close(-1));
        assertEquals(-Errno.EBADF, Libc.ioctl(-1, 0, 0));
        assertEquals(-Errno.EINVAL, Libc.mmap(0, 0, Libc.PROT_READ, Libc.MAP_PRIVATE | Libc.MAP_ANONYMOUS, -1, 0));
    }

    @Test
    void aUnixStreamSocketConnectsAndCarriesBytes() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("kiln-libc");
        java.nio.file.Path path = dir.resolve("s.sock");
        try (var server = java.nio.channels.ServerSocketChannel.open(java.net.StandardProtocolFamily.UNIX)) {
            server.bind(java.net.UnixDomainSocketAddress.of(path));
            int fd = Errno.check(Libc.socket(Libc.AF_UNIX, Libc.SOCK_STREAM | Libc.SOCK_CLOEXEC, 0), "socket");
            try (Arena a = Arena.ofConfined()) {
                assertEquals(-Errno.ENOENT, Libc.connectUnix(fd, dir.resolve("none.sock").toString()));
                assertEquals(0, Libc.connectUnix(fd, path.toString()));
                try (var peer = server.accept()) {
                    MemorySegment buf = a.allocate(3);
                    buf.copyFrom(MemorySegment.ofArray(new byte[] {'k', 'l', 'n'}));
                    assertEquals(3, Libc.write(fd, buf, 3));
                    java.nio.ByteBuffer got = java.nio.ByteBuffer.allocate(3);
                    while (got.hasRemaining()) peer.read(got);
                    assertEquals("kln", new String(got.array(), java.nio.charset.StandardCharsets.US_ASCII));
                }
            } finally {
                Libc.close(fd);
            }
        } finally {
            java.nio.file.Files.deleteIfExists(path);
            java.nio.file.Files.deleteIfExists(dir);
        }
    }

    @Test
    void eachThreadSeesItsOwnErrno() throws Exception {
        AtomicInteger other = new AtomicInteger();
        Thread t = Thread.ofPlatform().start(() -> other.set(Libc.close(-1)));
        int here = Libc.open("/nonexistent/kiln", Libc.O_RDONLY);
        t.join();
        assertEquals(-Errno.ENOENT, here);
        assertEquals(-Errno.EBADF, other.get());
    }

    @Test
    void anEventFdCarriesACountThroughReadAndWrite() throws Exception {
        int fd = Errno.check(Libc.eventfd(0, Libc.EFD_NONBLOCK | Libc.EFD_CLOEXEC), "eventfd");
        try (Arena a = Arena.ofConfined()) {
            MemorySegment v = a.allocate(8);
            assertEquals(-Errno.EAGAIN, Libc.read(fd, v, 8), "nothing written yet");
            v.set(JAVA_LONG, 0, 5);
            assertEquals(8, Libc.write(fd, v, 8));
            v.set(JAVA_LONG, 0, 0);
            assertEquals(8, Libc.read(fd, v, 8));
            assertEquals(5, v.get(JAVA_LONG, 0));
        } finally {
            assertEquals(0, Libc.close(fd));
        }
    }

    @Test
    void anonymousMemoryMapsReadsBackAndUnmaps() {
        long size = 1 << 20;
        long addr = Libc.mmap(0, size, Libc.PROT_READ | Libc.PROT_WRITE, Libc.MAP_PRIVATE | Libc.MAP_ANONYMOUS, -1, 0);
        assertTrue(addr > 0, "mmap: " + addr);
        MemorySegment m = MemorySegment.ofAddress(addr).reinterpret(size);
        m.set(JAVA_BYTE, size - 1, (byte) 7);
        assertEquals(0, Libc.madvise(addr, size, Libc.MADV_DONTNEED));
        assertEquals(0, m.get(JAVA_BYTE, size - 1), "MADV_DONTNEED gives zero pages back");
        assertEquals(0, Libc.munmap(addr, size));
    }

    @Test
    void errnoHasNamesAndChecksThrowWithThem() throws Exception {
        assertTrue(Errno.describe(Errno.EPERM).startsWith("EPERM ("), Errno.describe(Errno.EPERM));
        assertTrue(Errno.describe(4321).contains("4321"), Errno.describe(4321));
        assertEquals(3, Errno.check(3, "x"));
        ErrnoException e = assertThrows(ErrnoException.class,
                () -> Errno.check(Libc.open("/nonexistent/kiln", Libc.O_RDONLY), "open(/nonexistent/kiln)"));
        assertEquals(Errno.ENOENT, e.errno());
        assertEquals("open(/nonexistent/kiln) failed: ENOENT (No such file or directory)", e.getMessage());
    }

    @Test
    void processAndThreadIds() {
        assertEquals(ProcessHandle.current().pid(), Libc.getpid());
        assertTrue(Libc.gettid() > 0);
        assertTrue(Libc.geteuid() >= 0);
        Libc.linkAll();
    }
}
