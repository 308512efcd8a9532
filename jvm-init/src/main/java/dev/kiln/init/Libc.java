package dev.kiln.init;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * The few libc calls PID 1 needs, through the FFM API into the glibc that the image carries.
 * Every call that can fail checks its result and throws {@link LibcException} with errno.
 * Each downcall handle is made on first use (a holder class each): under TCG every handle costs
 * noticeable boot time, and the boot path needs only mount, open and clock_settime.
 */
final class Libc {
    static final int O_RDWR = 2;
    static final int O_NOCTTY = 0400;
    static final int O_CLOEXEC = 02000000;
    static final int TCSANOW = 0;
    static final int CLOCK_REALTIME = 0;
    static final int CLOCK_MONOTONIC = 1;
    static final int MS_NOSUID = 2;
    static final int MS_NODEV = 4;
    static final int MS_NOEXEC = 8;
    /** reboot(2) magic: RB_AUTOBOOT restarts; with the kernel's reboot=t and QEMU's -no-reboot, QEMU exits. */
    static final int RB_AUTOBOOT = 0x01234567;
    static final int RB_POWER_OFF = 0x4321fedc;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final SymbolLookup LIBC = LINKER.defaultLookup();
    private static final StructLayout CAPTURE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO =
            CAPTURE.varHandle(MemoryLayout.PathElement.groupElement("errno"));

    private static final class HMOUNT { static final MethodHandle MOUNT = fn("mount", JAVA_INT, ADDRESS, ADDRESS, ADDRESS, JAVA_LONG, ADDRESS); }
    private static final class HSETHOSTNAME { static final MethodHandle SETHOSTNAME = fn("sethostname", JAVA_INT, ADDRESS, JAVA_LONG); }
    private static final class HCLOCK_SETTIME { static final MethodHandle CLOCK_SETTIME = fn("clock_settime", JAVA_INT, JAVA_INT, ADDRESS); }
    private static final class HCLOCK_GETTIME { static final MethodHandle CLOCK_GETTIME = fn("clock_gettime", JAVA_INT, JAVA_INT, ADDRESS); }
    private static final class HOPEN { static final MethodHandle OPEN = fn("open", JAVA_INT, ADDRESS, JAVA_INT); }
    private static final class HREAD { static final MethodHandle READ = fn("read", JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG); }
    private static final class HWRITE { static final MethodHandle WRITE = fn("write", JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG); }
    private static final class HTCGETATTR { static final MethodHandle TCGETATTR = fn("tcgetattr", JAVA_INT, JAVA_INT, ADDRESS); }
    private static final class HTCSETATTR { static final MethodHandle TCSETATTR = fn("tcsetattr", JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS); }
    private static final class HCFMAKERAW { static final MethodHandle CFMAKERAW = fnVoid("cfmakeraw", ADDRESS); }
    private static final class HTCDRAIN { static final MethodHandle TCDRAIN = fn("tcdrain", JAVA_INT, JAVA_INT); }
    private static final class HKILL { static final MethodHandle KILL = fn("kill", JAVA_INT, JAVA_INT, JAVA_INT); }
    private static final class HGETPID { static final MethodHandle GETPID = fn("getpid", JAVA_INT); }
    private static final class HSYNC { static final MethodHandle SYNC = fnVoid("sync"); }
    private static final class HREBOOT { static final MethodHandle REBOOT = fn("reboot", JAVA_INT, JAVA_INT); }

    private Libc() {}

    static final class LibcException extends RuntimeException {
        final int errno;

        LibcException(String call, int errno) {
            super(call + " failed: errno " + errno + " (" + errnoName(errno) + ")");
            this.errno = errno;
        }
    }

    private static String errnoName(int errno) {
        return switch (errno) {
            case 1 -> "EPERM"; case 2 -> "ENOENT"; case 4 -> "EINTR"; case 5 -> "EIO";
            case 9 -> "EBADF"; case 13 -> "EACCES"; case 14 -> "EFAULT"; case 16 -> "EBUSY";
            case 19 -> "ENODEV"; case 20 -> "ENOTDIR"; case 22 -> "EINVAL"; case 25 -> "ENOTTY";
            case 38 -> "ENOSYS";
            default -> "?";
        };
    }

    private static MethodHandle fn(String name, ValueLayout ret, MemoryLayout... args) {
        return LINKER.downcallHandle(symbol(name), FunctionDescriptor.of(ret, args),
                Linker.Option.captureCallState("errno"));
    }

    private static MethodHandle fnVoid(String name, MemoryLayout... args) {
        return LINKER.downcallHandle(symbol(name), FunctionDescriptor.ofVoid(args),
                Linker.Option.captureCallState("errno"));
    }

    private static MemorySegment symbol(String name) {
        return LIBC.find(name).orElseThrow(() -> new IllegalStateException("libc has no symbol " + name));
    }

    private static int errno(MemorySegment state) {
        return (int) ERRNO.get(state, 0L);
    }

    private static long check(String call, long result, MemorySegment state) {
        if (result < 0) {
            throw new LibcException(call, errno(state));
        }
        return result;
    }

    static void mount(String source, String target, String fstype, long flags, String data) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment st = a.allocate(CAPTURE);
            MemorySegment d = data == null ? MemorySegment.NULL : a.allocateFrom(data);
            int r = (int) HMOUNT.MOUNT.invokeExact(st, a.allocateFrom(source), a.allocateFrom(target),
                    a.allocateFrom(fstype), flags, d);
            check("mount(" + fstype + " on " + target + ")", r, st);
        } catch (LibcException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    static void sethostname(String name) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment st = a.allocate(CAPTURE);
            byte[] b = name.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            MemorySegment s = a.allocate(b.length + 1L);
            s.copyFrom(MemorySegment.ofArray(b));
            int r = (int) HSETHOSTNAME.SETHOSTNAME.invokeExact(st, s, (long) b.length);
            check("sethostname", r, st);
        } catch (LibcException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** Nanoseconds of the given clock. */
    static long clockGettime(int clock) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment st = a.allocate(CAPTURE);
            MemorySegment ts = a.allocate(16, 8);
            int r = (int) HCLOCK_GETTIME.CLOCK_GETTIME.invokeExact(st, clock, ts);
            check("clock_gettime", r, st);
            return ts.get(JAVA_LONG, 0) * 1_000_000_000L + ts.get(JAVA_LONG, 8);
        } catch (LibcException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    static void clockSettime(int clock, long nanos) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment st = a.allocate(CAPTURE);
            MemorySegment ts = a.allocate(16, 8);
            ts.set(JAVA_LONG, 0, Math.floorDiv(nanos, 1_000_000_000L));
            ts.set(JAVA_LONG, 8, Math.floorMod(nanos, 1_000_000_000L));
            int r = (int) HCLOCK_SETTIME.CLOCK_SETTIME.invokeExact(st, clock, ts);
            check("clock_settime", r, st);
        } catch (LibcException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    static int open(String path, int flags) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment st = a.allocate(CAPTURE);
            int r = (int) HOPEN.OPEN.invokeExact(st, a.allocateFrom(path), flags);
            return (int) check("open(" + path + ")", r, st);
        } catch (LibcException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** Puts a terminal into raw mode: no echo, no line editing, no CR/LF translation. */
    static void makeRaw(int fd) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment st = a.allocate(CAPTURE);
            MemorySegment termios = a.allocate(128, 8); // glibc's struct termios is 60 bytes
            check("tcgetattr", (int) HTCGETATTR.TCGETATTR.invokeExact(st, fd, termios), st);
            HCFMAKERAW.CFMAKERAW.invokeExact(st, termios);
            check("tcsetattr", (int) HTCSETATTR.TCSETATTR.invokeExact(st, fd, TCSANOW, termios), st);
        } catch (LibcException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** Waits until everything written to the terminal fd has been transmitted. */
    static void tcdrain(int fd) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment st = a.allocate(CAPTURE);
            check("tcdrain", (int) HTCDRAIN.TCDRAIN.invokeExact(st, fd), st);
        } catch (LibcException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** One read(2); returns the bytes read, empty at end of file. Retries on EINTR. */
    static byte[] read(int fd, int max) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment st = a.allocate(CAPTURE);
            MemorySegment buf = a.allocate(max);
            while (true) {
                long n = (long) HREAD.READ.invokeExact(st, fd, buf, (long) max);
                if (n < 0 && errno(st) == 4) {
                    continue;
                }
                check("read", n, st);
                return buf.asSlice(0, n).toArray(ValueLayout.JAVA_BYTE);
            }
        } catch (LibcException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    static void writeFully(int fd, byte[] data) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment st = a.allocate(CAPTURE);
            MemorySegment buf = a.allocate(Math.max(1, data.length));
            buf.copyFrom(MemorySegment.ofArray(data));
            long off = 0;
            while (off < data.length) {
                long n = (long) HWRITE.WRITE.invokeExact(st, fd, buf.asSlice(off), (long) data.length - off);
                if (n < 0 && errno(st) == 4) {
                    continue;
                }
                off += check("write", n, st);
            }
        } catch (LibcException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    static int getpid() {
        try (Arena a = Arena.ofConfined()) {
            return (int) HGETPID.GETPID.invokeExact(a.allocate(CAPTURE));
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    static void kill(int pid, int sig) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment st = a.allocate(CAPTURE);
            check("kill", (int) HKILL.KILL.invokeExact(st, pid, sig), st);
        } catch (LibcException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    static void sync() {
        try (Arena a = Arena.ofConfined()) {
            HSYNC.SYNC.invokeExact(a.allocate(CAPTURE));
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** reboot(2); returns only on failure. */
    static void reboot(int how) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment st = a.allocate(CAPTURE);
            check("reboot", (int) HREBOOT.REBOOT.invokeExact(st, how), st);
        } catch (LibcException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }
}
