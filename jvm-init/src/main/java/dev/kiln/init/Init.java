package dev.kiln.init;

import dev.kiln.image.JvmManifest;
import dev.kiln.linux.Errno;
import dev.kiln.linux.Libc;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * PID 1 of a Kiln jvm-flavor image.
 *
 * <p>The kernel starts {@code /jvm/bin/java @/kiln/jvmargs} as init (rdinit=);
 * the argument file names this class as the main class and puts the app's jar on the class path.
 * This class mounts /proc, /sys, /dev and /tmp, sets the clock and the hostname, opens Kiln's
 * control port (/dev/ttyS1, the second 8250 UART, which the host reads apart from the console),
 * installs the exit reporter as the JDK's last shutdown hook, and then runs the app's main in
 * this same JVM. When the JVM shuts down (main returned and the last non-daemon thread ended,
 * System.exit, or a signal forwarded from the host), the reporter writes
 * {@code kiln-exit STATUS} on the control port and restarts the machine, which makes QEMU
 * (-no-reboot) exit. The network needs no code here: the kernel configures eth0 from its ip=
 * parameter, and /etc/resolv.conf is a link to /proc/net/pnp, which the kernel fills.
 */
public final class Init {
    static final String MANIFEST = "/kiln/manifest";
    static final String CONTROL = "/dev/ttyS1";
    /** The status reported when the init itself fails before or around the app. */
    static final int INIT_FAILURE = 70;

    private static volatile int controlFd = -1;
    private static volatile boolean mainThrew;

    private Init() {}

    /** -Dkiln.trace=true prints the init's steps with their times (for boot-time work). */
    private static final boolean TRACE = Boolean.getBoolean("kiln.trace");
    private static final long T0 = System.nanoTime();

    private static void trace(String step) {
        if (TRACE) {
            System.err.println("kiln-init: +" + (System.nanoTime() - T0) / 1_000_000 + " ms " + step);
        }
    }

    public static void main(String[] args) {
        if (Boolean.getBoolean("kiln.train")) {
            train();
            return;
        }
        JvmManifest manifest;
        trace("main");
        try {
            mountFileSystems();
            trace("mounted");
            manifest = readManifest(Path.of(MANIFEST));
            setClock(Files.readString(Path.of("/proc/cmdline")));
            // The kernel set the hostname from ip= already; this makes it the manifest's name in any case.
            trace("clock set");
            Errno.check(Libc.sethostname(manifest.name()), "sethostname");
            // O_NOCTTY: PID 1 must not make the control port its controlling terminal. Not raw mode:
            // the host ignores the echo of its own commands and strips the tty's CR.
            controlFd = Errno.check(Libc.open(CONTROL, Libc.O_RDWR | Libc.O_NOCTTY | Libc.O_CLOEXEC), "open(" + CONTROL + ")");
            jdk.internal.access.SharedSecrets.getJavaLangAccess()
                    .registerShutdownHook(9, true, new Task(Task.REPORT));
            Thread listener = new Thread(new Task(Task.LISTEN), "kiln-control");
            listener.setDaemon(true);
            listener.start();
            trace("control port open, running the app");
        } catch (RuntimeException | IOException e) {
            System.err.println("kiln-init: " + e);
            if (controlFd < 0) {
                // Nothing can report a status: restart the machine, the host sees no status.
                System.err.flush();
                Libc.reboot(Libc.RB_AUTOBOOT);
            }
            System.exit(INIT_FAILURE);
            return;
        }
        runApp(manifest.mainClass(), manifest.args());
    }

    /**
     * The build's AOT training run (on the build host, chrooted into the image's tree, with
     * -XX:AOTCacheOutput): links every native call and loads the classes the boot path and the
     * exit path use, without touching the host (no mounts, no clock, no reboot), and loads, without
     * initializing, the app's main class. The resulting AOT cache spares the guest most of the
     * FFM and java.lang.invoke set-up, which costs seconds under emulation.
     */
    private static void train() {
        try {
            JvmManifest manifest = readManifest(Path.of(MANIFEST));
            Libc.linkAll();
            Errno.check(Libc.getpid(), "getpid");
            System.Logger runtime = System.getLogger("java.lang.Runtime");
            runtime.isLoggable(System.Logger.Level.DEBUG);
            new Task(Task.LISTEN);
            findMain(Class.forName(manifest.mainClass(), false, ClassLoader.getSystemClassLoader()));
            ("kiln-exit " + 0 + "\n").getBytes(StandardCharsets.US_ASCII);
        } catch (IOException | ReflectiveOperationException e) {
            throw new IllegalStateException("training run failed: " + e, e);
        }
        if (Boolean.getBoolean("kiln.train.app")) {
            // kiln build --train-app: the app's startup too, up to the return of its main (a server's
            // main returns once it listens), so that the cache holds the app's own classes, loaded
            // and linked. An exception from main ends the training with status 1.
            JvmManifest manifest;
            try {
                manifest = readManifest(Path.of(MANIFEST));
            } catch (IOException e) {
                throw new IllegalStateException("training run failed: " + e, e);
            }
            runApp(manifest.mainClass(), manifest.args());
            System.exit(0); // the server's threads would keep the JVM, and the cache unwritten, forever
        }
    }

    /** A plain Runnable, not a lambda: lambdas cost an invokedynamic bootstrap on the boot path. */
    private static final class Task implements Runnable {
        static final int REPORT = 0;
        static final int LISTEN = 1;
        private final int what;

        Task(int what) {
            this.what = what;
        }

        @Override
        public void run() {
            if (what == REPORT) {
                reportAndPowerOff();
            } else {
                listen();
            }
        }
    }

    private static void mountFileSystems() throws IOException {
        mount("proc", "/proc", Libc.MS_NOSUID | Libc.MS_NODEV | Libc.MS_NOEXEC, null);
        mount("sysfs", "/sys", Libc.MS_NOSUID | Libc.MS_NODEV | Libc.MS_NOEXEC, null);
        mount("devtmpfs", "/dev", Libc.MS_NOSUID, "mode=0755");
        mount("tmpfs", "/tmp", Libc.MS_NOSUID | Libc.MS_NODEV, "mode=1777");
    }

    private static void mount(String fstype, String target, long flags, String data) throws IOException {
        Errno.check(Libc.mount(fstype, target, fstype, flags, data), "mount(" + fstype + " on " + target + ")");
    }

    /**
     * The host passes its wall clock (ms since the epoch) at the moment it started QEMU; the guest's
     * CLOCK_MONOTONIC counts from about then (the kernel starts within milliseconds), so the
     * real time now is that value plus the monotonic clock.
     */
    private static void setClock(String cmdline) throws IOException {
        for (String a : cmdline.strip().split("\\s+")) {
            if (a.startsWith("kiln.time=")) {
                long hostMillis = Long.parseLong(a.substring("kiln.time=".length()));
                long now = hostMillis * 1_000_000L + System.nanoTime(); // HotSpot: CLOCK_MONOTONIC
                Errno.check(Libc.clockSettime(Libc.CLOCK_REALTIME, now), "clock_settime");
                return;
            }
        }
        throw new IllegalStateException("no kiln.time=MILLIS on the kernel command line: the host must pass its clock");
    }

    /** The manifest the builder wrote, read with the same class (the image-format jar is on the class path). */
    static JvmManifest readManifest(Path file) throws IOException {
        try {
            return JvmManifest.parse(Files.readAllBytes(file));
        } catch (RuntimeException e) { // dev.kiln.image.ImageException: one line saying what is wrong
            throw new IOException(file + ": " + e.getMessage());
        }
    }

    /** Commands from the host, one per line: "signal N" raises signal N in this JVM. */
    private static void listen() {
        StringBuilder line = new StringBuilder();
        try {
            while (true) {
                byte[] b = read(controlFd, 256);
                if (b.length == 0) {
                    return;
                }
                for (byte x : b) {
                    if (x == '\n' || x == '\r') {
                        command(line.toString().trim());
                        line.setLength(0);
                    } else if (line.length() < 256) {
                        line.append((char) (x & 0xff));
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("kiln-init: control port: " + e.getMessage());
        }
    }

    private static void command(String cmd) throws IOException {
        if (cmd.startsWith("signal ")) {
            int sig;
            try {
                sig = Integer.parseInt(cmd.substring(7).trim());
            } catch (NumberFormatException e) {
                return;
            }
            if (sig == 1 || sig == 2 || sig == 15) {
                // The JVM handles HUP, INT and TERM (shutdown hooks, then exit 128+N),
                // unless the app installed its own handler; PID 1 gets only handled signals.
                Errno.check(Libc.kill(Libc.getpid(), sig), "kill");
            }
        }
    }

    /** The JDK's last shutdown hook (slot 9, after the app's hooks in slot 1): report and stop. */
    private static void reportAndPowerOff() {
        Integer logged = ExitStatusLoggerFinder.status();
        int status = logged != null ? logged : (mainThrew ? 1 : 0);
        System.out.flush();
        System.err.flush();
        Libc.tcdrain(1); // fails (ENOTTY) when stdout is not a terminal: nothing to wait for then
        try {
            writeFully(controlFd, ("kiln-exit " + status + "\n").getBytes(StandardCharsets.US_ASCII));
            Errno.check(Libc.tcdrain(controlFd), "tcdrain(" + CONTROL + ")");
        } catch (IOException | RuntimeException e) {
            System.err.println("kiln-init: could not report the exit status: " + e.getMessage());
        }
        Libc.sync();
        Libc.reboot(Libc.RB_AUTOBOOT);
    }

    /** One read(2) of at most {@code max} bytes (retried on EINTR); empty at end of file. */
    private static byte[] read(int fd, int max) throws IOException {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment buf = a.allocate(max);
            long n;
            do {
                n = Libc.read(fd, buf, max);
            } while (n == -Errno.EINTR);
            return buf.asSlice(0, Errno.check(n, "read")).toArray(ValueLayout.JAVA_BYTE);
        }
    }

    private static void writeFully(int fd, byte[] data) throws IOException {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment buf = a.allocate(Math.max(1, data.length));
            MemorySegment.copy(data, 0, buf, ValueLayout.JAVA_BYTE, 0, data.length);
            for (long off = 0; off < data.length; ) {
                long n = Libc.write(fd, buf.asSlice(off), data.length - off);
                if (n != -Errno.EINTR) off += Errno.check(n, "write");
            }
        }
    }

    /** Runs main as the java launcher would (JEP 512 order: static main(String[]), static main(), instance). */
    private static void runApp(String mainClass, List<String> argList) {
        String[] args = argList.toArray(new String[0]);
        ClassLoader loader = ClassLoader.getSystemClassLoader();
        Thread.currentThread().setContextClassLoader(loader);
        try {
            Class<?> c = Class.forName(mainClass, true, loader);
            trace("main class loaded");
            Method m = findMain(c);
            if (m == null) {
                throw new IllegalStateException("no main method in " + mainClass);
            }
            m.setAccessible(true);
            Object target = null;
            if (!Modifier.isStatic(m.getModifiers())) {
                Constructor<?> k = c.getDeclaredConstructor();
                k.setAccessible(true);
                target = k.newInstance();
            }
            if (m.getParameterCount() == 1) {
                m.invoke(target, (Object) args);
            } else {
                m.invoke(target);
            }
        } catch (InvocationTargetException e) {
            uncaught(e.getCause());
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            uncaught(e);
        }
    }

    private static void uncaught(Throwable t) {
        mainThrew = true;
        PrintStream err = System.err;
        err.print("Exception in thread \"main\" ");
        t.printStackTrace(err);
        err.flush();
        System.exit(1);
    }

    private static Method findMain(Class<?> c) {
        Method found = null;
        for (Class<?> k = c; k != null && found == null; k = k.getSuperclass()) {
            for (Method m : k.getDeclaredMethods()) {
                if (!m.getName().equals("main") || Modifier.isPrivate(m.getModifiers())
                        || m.getReturnType() != void.class) {
                    continue;
                }
                boolean withArgs = m.getParameterCount() == 1 && m.getParameterTypes()[0] == String[].class;
                if (!withArgs && m.getParameterCount() != 0) {
                    continue;
                }
                if (found == null || rank(m) < rank(found)) {
                    found = m;
                }
            }
        }
        return found;
    }

    private static int rank(Method m) {
        boolean st = Modifier.isStatic(m.getModifiers());
        boolean args = m.getParameterCount() == 1;
        return (st ? 0 : 2) + (args ? 0 : 1);
    }
}
