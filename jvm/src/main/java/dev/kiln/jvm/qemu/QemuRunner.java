package dev.kiln.jvm.qemu;

import dev.kiln.image.FileTrees;
import dev.kiln.image.JvmManifest;
import dev.kiln.jvm.build.JvmImage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Boots a jvm-flavor image on QEMU's microvm machine (Debian's qemu-system-x86).
 *
 * <p>Devices: the 8250 console (ttyS0) streamed to {@code out}; a second 8250 UART (ttyS1) on a
 * Unix socket that only Kiln reads, over which the guest's init reports {@code kiln-exit STATUS}
 * and the host forwards signals ({@code signal N}); a virtio-mmio network device on QEMU's user
 * network (guest 10.0.2.15, configured by the kernel's ip=), with {@code -p} port forwards bound to
 * 127.0.0.1. No RTC: the host's wall clock goes to the init on the kernel command line.
 * The guest restarts the machine when the JVM is done and QEMU (-no-reboot) exits.
 */
public final class QemuRunner {
    public static final String QEMU = "qemu-system-x86_64";
    /** kiln run's status when the VM ran past --timeout (as timeout(1)). */
    public static final int STATUS_TIMEOUT = 124;
    /**
     * kiln run's status when the guest stopped without reporting (crash, Runtime.halt, kernel panic):
     * the native flavor's status for a crashed guest, as a shell reports SIGSEGV (125 is kiln's own errors).
     */
    public static final int STATUS_NO_REPORT = 139;
    private static final Pattern EXIT_LINE = Pattern.compile("kiln-exit (-?\\d+)");

    public enum Accel { AUTO, KVM, TCG }

    /** A -p HOSTPORT:GUESTPORT mapping (TCP, host side on 127.0.0.1). */
    public record PortMapping(int hostPort, int guestPort) {
        public static PortMapping parse(String s) {
            Matcher m = Pattern.compile("(\\d{1,5}):(\\d{1,5})(/tcp)?").matcher(s);
            if (!m.matches()) {
                throw new IllegalArgumentException("bad port mapping '" + s + "': use HOSTPORT:GUESTPORT");
            }
            int h = Integer.parseInt(m.group(1));
            int g = Integer.parseInt(m.group(2));
            if (h < 1 || h > 65535 || g < 1 || g > 65535) {
                throw new IllegalArgumentException("bad port mapping '" + s + "': ports are 1..65535");
            }
            return new PortMapping(h, g);
        }
    }

    /**
     * How to run. {@code firstLine} (may be null) is called once with the nanos from QEMU start to
     * the first console line; {@code started} (may be null) gets a {@link Running} handle once the
     * guest's control port is connected. {@code hostSignals}: SIGINT/SIGTERM of this process are
     * forwarded to the app while it runs (kiln run in a terminal); a daemon that supervises many
     * VMs keeps its own signals and forwards through {@link Running#signal} instead.
     */
    public record Options(List<PortMapping> publish, Duration timeout, Accel accel, boolean kernelLog,
                          PrintStream out, PrintStream err, java.util.function.LongConsumer firstLine,
                          java.util.function.Consumer<Running> started, boolean hostSignals) {
        public Options {
            publish = List.copyOf(publish);
        }

        public Options(List<PortMapping> publish, Duration timeout, Accel accel, boolean kernelLog,
                       PrintStream out, PrintStream err, java.util.function.LongConsumer firstLine,
                       java.util.function.Consumer<Running> started) {
            this(publish, timeout, accel, kernelLog, out, err, firstLine, started, true);
        }

        public Options(List<PortMapping> publish, Duration timeout, Accel accel, boolean kernelLog,
                       PrintStream out, PrintStream err, java.util.function.LongConsumer firstLine) {
            this(publish, timeout, accel, kernelLog, out, err, firstLine, null);
        }

        public static Options defaults(PrintStream out, PrintStream err) {
            return new Options(List.of(), null, Accel.AUTO, false, out, err, null, null);
        }
    }

    /** A booted VM: what kiln does on SIGINT/SIGTERM, for callers that are not a terminal. */
    public static final class Running {
        private final SocketChannel ctl;
        private final Process qemu;

        Running(SocketChannel ctl, Process qemu) {
            this.ctl = ctl;
            this.qemu = qemu;
        }

        /** Raises a signal (1, 2 or 15) in the guest's JVM, as the host's Ctrl-C or kill does. */
        public void signal(int sig) throws IOException {
            synchronized (ctl) {
                ctl.write(ByteBuffer.wrap(("signal " + sig + "\n").getBytes(StandardCharsets.US_ASCII)));
            }
        }

        /** Stops the VM at once. */
        public void kill() {
            qemu.destroyForcibly();
        }
    }

    /** The outcome: the app's exit status (or 124/139), and timings in nanoseconds from QEMU's start. */
    public record Result(int status, boolean reported, String accel, long firstLineNanos, long totalNanos) {}

    private QemuRunner() {}

    /** Decides KVM or TCG: KVM only where guest kernel code runs fast (the doctor's CPL-0 probe). */
    public static String chooseAccel(Accel requested, PrintStream err) {
        return switch (requested) {
            case KVM -> "kvm";
            case TCG -> "tcg";
            case AUTO -> {
                KvmProbe.Result p = KvmProbe.probe();
                yield p.kernelCodeFast() ? "kvm" : "tcg";
            }
        };
    }

    public static Result run(Path imageFile, Options o) throws IOException {
        JvmImage image = JvmImage.read(imageFile);
        Path qemu = findQemu();
        String accel = chooseAccel(o.accel(), o.err());
        JvmManifest m = image.manifest();
        Path tmp = Files.createTempDirectory("kiln-run-");
        Process p = null;
        try {
            Path[] files = image.extract(tmp);
            Path sock = tmp.resolve("control.sock");
            try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
                server.bind(UnixDomainSocketAddress.of(sock));
                List<String> cmd = command(qemu, accel, m, files[0], files[1], sock, o);
                o.err().println("kiln: run: booting " + m.name() + " on QEMU microvm with "
                        + (accel.equals("kvm") ? "KVM" : "TCG (emulation: this host's KVM does not run guest kernel code fast)")
                        + ", " + m.memoryMb() + " MB"
                        + (o.publish().isEmpty() ? "" : ", publishing " + o.publish().stream()
                                .map(x -> "127.0.0.1:" + x.hostPort() + "->" + x.guestPort()).toList()));
                o.err().flush();
                long t0 = System.nanoTime();
                ProcessBuilder pb = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.PIPE)
                        .redirectError(ProcessBuilder.Redirect.PIPE);
                p = pb.start();
                Process proc = p;
                AtomicLong firstLine = new AtomicLong(-1);
                MissingModuleHint hint = new MissingModuleHint(m.modules(), o.err());
                Thread console = Thread.ofPlatform().daemon().name("kiln-console").start(
                        () -> pumpConsole(proc.getInputStream(), o.out(), t0, firstLine, o.firstLine(), hint));
                StringBuilder qemuErr = new StringBuilder();
                Thread errPump = Thread.ofPlatform().daemon().name("kiln-qemu-stderr").start(() -> {
                    try (InputStream in = proc.getErrorStream()) {
                        byte[] b = in.readAllBytes();
                        synchronized (qemuErr) {
                            qemuErr.append(new String(b, StandardCharsets.UTF_8));
                        }
                    } catch (IOException ignored) {
                        // process gone
                    }
                });
                SocketChannel ctl = accept(server, proc);
                AtomicReference<Integer> status = new AtomicReference<>();
                Thread reader = null;
                if (ctl != null) {
                    reader = Thread.ofPlatform().daemon().name("kiln-control-reader").start(() -> readControl(ctl, status));
                }
                Signals signals = o.hostSignals() ? Signals.install(ctl, proc, o.err()) : new Signals();
                if (ctl != null && o.started() != null) {
                    o.started().accept(new Running(ctl, proc));
                }
                boolean timedOut = false;
                try {
                    if (o.timeout() != null) {
                        timedOut = !proc.waitFor(o.timeout().toMillis(), TimeUnit.MILLISECONDS);
                    } else {
                        proc.waitFor();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    timedOut = true;
                } finally {
                    signals.uninstall();
                }
                if (timedOut) {
                    proc.destroyForcibly();
                    waitQuietly(proc);
                }
                long total = System.nanoTime() - t0;
                join(console);
                join(errPump);
                if (reader != null) {
                    join(reader);
                }
                if (ctl != null) {
                    ctl.close();
                }
                if (timedOut) {
                    o.err().println("kiln: run: stopped the VM after the timeout of " + o.timeout().toSeconds() + " s");
                    return new Result(STATUS_TIMEOUT, false, accel, firstLine.get(), total);
                }
                Integer s = status.get();
                if (s == null) {
                    String qe;
                    synchronized (qemuErr) {
                        qe = qemuErr.toString().strip();
                    }
                    o.err().println("kiln: run: the guest stopped without reporting an exit status (QEMU exited "
                            + proc.exitValue() + ")" + (qe.isEmpty() ? "" : ": " + qe));
                    return new Result(STATUS_NO_REPORT, false, accel, firstLine.get(), total);
                }
                String qe;
                synchronized (qemuErr) {
                    qe = qemuErr.toString().strip();
                }
                if (!qe.isEmpty()) {
                    o.err().println("kiln: run: qemu: " + qe);
                }
                return new Result(s, true, accel, firstLine.get(), total);
            }
        } finally {
            if (p != null && p.isAlive()) {
                p.destroyForcibly();
                waitQuietly(p);
            }
            FileTrees.deleteQuietly(tmp);
        }
    }

    static List<String> command(Path qemu, String accel, JvmManifest m, Path kernel, Path initrd, Path sock, Options o) {
        List<String> c = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            // Own session: a Ctrl-C on the terminal reaches kiln (which forwards it to the app), not QEMU.
            c.add("/usr/bin/setsid");
        }
        c.add(qemu.toString());
        c.addAll(List.of("-M", "microvm,acpi=off,rtc=off,pcie=off,pic=on,pit=on,isa-serial=on",
                "-accel", accel, "-cpu", accel.equals("kvm") ? "host" : "max", "-smp", "1",
                "-m", m.memoryMb() + "M", "-nodefaults", "-no-user-config", "-display", "none", "-no-reboot",
                "-kernel", kernel.toString(), "-initrd", initrd.toString(), "-append", kernelCommandLine(m, o, accel),
                "-chardev", "stdio,id=con,signal=off", "-serial", "chardev:con",
                "-chardev", "socket,id=ctl,path=" + sock,
                "-device", "isa-serial,chardev=ctl,iobase=0x2f8,irq=3"));
        StringBuilder net = new StringBuilder("user,id=net0,ipv6=off");
        for (PortMapping pm : o.publish()) {
            net.append(",hostfwd=tcp:127.0.0.1:").append(pm.hostPort()).append("-:").append(pm.guestPort());
        }
        c.addAll(List.of("-netdev", net.toString(), "-device", "virtio-net-device,netdev=net0"));
        return c;
    }

    static String kernelCommandLine(JvmManifest m, Options o, String accel) {
        StringBuilder b = new StringBuilder();
        // loglevel=0 keeps even "reboot: Restarting system" off the app's console; a panic still
        // shows (panic() raises the console log level itself).
        b.append("console=ttyS0 ").append(o.kernelLog() ? "loglevel=7 " : "quiet loglevel=0 ");
        // rootfstype=ramfs: the default tmpfs root is capped at half the RAM, too small for a runtime.
        b.append("reboot=t panic=-1 rootfstype=ramfs rdinit=/jvm/bin/java ");
        if (accel.equals("tcg")) {
            // Under TCG the TSC cannot be calibrated and the delay loop calibration costs ~0.3 s:
            // preset it (it only scales udelay).
            b.append("lpj=2000000 ");
        }
        b.append("ip=10.0.2.15::10.0.2.2:255.255.255.0:").append(m.name()).append(":eth0:off:10.0.2.3 ");
        // Words with '=' before "--" that the kernel does not know become init's environment.
        // LD_LIBRARY_PATH: the loader cannot expand bin/java's RPATH $ORIGIN before /proc is mounted.
        b.append("LANG=C.UTF-8 LD_LIBRARY_PATH=/jvm/lib ");
        for (String e : m.env()) {
            int eq = e.indexOf('=');
            String v = e.substring(eq + 1);
            b.append(e, 0, eq + 1).append(v.matches("[^\\s\"]*") ? v : "\"" + v + "\"").append(' ');
        }
        // No "--": QEMU appends virtio_mmio.device=... for its devices after our text, and the kernel
        // would hand everything after "--" to init. A word without '=' and '.' goes to init's argv;
        // kiln.time (dotted, so not passed on) is read by the init from /proc/cmdline.
        b.append("kiln.time=").append(System.currentTimeMillis()).append(" @/kiln/jvmargs");
        return b.toString();
    }

    /** Waits for QEMU to connect the control port; null if QEMU exits first. */
    private static SocketChannel accept(ServerSocketChannel server, Process p) throws IOException {
        server.configureBlocking(false);
        while (true) {
            SocketChannel c = server.accept();
            if (c != null) {
                c.configureBlocking(true);
                return c;
            }
            if (!p.isAlive()) {
                return null;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
    }

    private static void readControl(SocketChannel ctl, AtomicReference<Integer> status) {
        ByteBuffer buf = ByteBuffer.allocate(512);
        StringBuilder line = new StringBuilder();
        try {
            while (ctl.read(buf) >= 0) {
                buf.flip();
                while (buf.hasRemaining()) {
                    char ch = (char) (buf.get() & 0xff);
                    if (ch == '\n') {
                        Matcher mm = EXIT_LINE.matcher(line.toString().strip());
                        if (mm.matches()) {
                            try {
                                status.compareAndSet(null, Integer.parseInt(mm.group(1)) & 0xff);
                            } catch (NumberFormatException ignored) {
                                // not a status
                            }
                        }
                        line.setLength(0);
                    } else if (line.length() < 200) {
                        line.append(ch);
                    }
                }
                buf.clear();
            }
        } catch (IOException ignored) {
            // QEMU closed the port
        }
    }

    /**
     * Copies the console to {@code out}, turning the tty's CR LF into LF; notes the first line's
     * time; shows the lines to the hint, which names a JDK module the app missed.
     */
    private static void pumpConsole(InputStream in, PrintStream out, long t0, AtomicLong firstLine,
                                    java.util.function.LongConsumer listener, MissingModuleHint hint) {
        byte[] buf = new byte[8192];
        byte[] o = new byte[8192];
        boolean pendingCr = false;
        try (in) {
            int n;
            while ((n = in.read(buf)) > 0) {
                int k = 0;
                for (int i = 0; i < n; i++) {
                    byte b = buf[i];
                    if (pendingCr) {
                        pendingCr = false;
                        if (b != '\n') {
                            o[k++] = '\r';
                        }
                    }
                    if (b == '\r') {
                        pendingCr = true;
                        continue;
                    }
                    if (b == '\n' && firstLine.get() < 0) {
                        long t = System.nanoTime() - t0;
                        firstLine.set(t);
                        if (listener != null) {
                            listener.accept(t);
                        }
                    }
                    o[k++] = b;
                    if (k >= o.length - 1) {
                        out.write(o, 0, k);
                        k = 0;
                    }
                }
                out.write(o, 0, k);
                out.flush();
                hint.accept(buf, 0, n);
            }
            if (pendingCr) {
                out.write('\r');
            }
            out.flush();
        } catch (IOException ignored) {
            // QEMU is gone
        }
    }

    public static Path findQemu() throws IOException {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String d : (path + ":/usr/bin:/usr/local/bin").split(":")) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, QEMU))) {
                return Path.of(d, QEMU);
            }
        }
        throw new IOException(QEMU + " is not installed: the jvm flavor runs on QEMU (apt-get install qemu-system-x86)");
    }

    private static void join(Thread t) {
        try {
            t.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void waitQuietly(Process p) {
        try {
            p.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Forwards SIGINT/SIGTERM received by kiln to the app in the guest; a second one stops the VM. */
    static final class Signals {
        private final List<Object[]> previous = new ArrayList<>();

        static Signals install(SocketChannel ctl, Process p, PrintStream err) {
            Signals s = new Signals();
            int[] count = {0};
            for (String name : List.of("INT", "TERM")) {
                try {
                    sun.misc.Signal sig = new sun.misc.Signal(name);
                    sun.misc.SignalHandler old = sun.misc.Signal.handle(sig, x -> {
                        if (++count[0] > 1 || ctl == null) {
                            err.println("kiln: run: stopping the VM");
                            p.destroyForcibly();
                            return;
                        }
                        err.println("kiln: run: forwarding SIG" + name + " to the app (again to stop the VM)");
                        try {
                            synchronized (ctl) {
                                ctl.write(ByteBuffer.wrap(("signal " + x.getNumber() + "\n").getBytes(StandardCharsets.US_ASCII)));
                            }
                        } catch (IOException e) {
                            p.destroyForcibly();
                        }
                    });
                    s.previous.add(new Object[] {sig, old});
                } catch (IllegalArgumentException e) {
                    // signal in use by the JVM (e.g. -Xrs): leave it
                }
            }
            return s;
        }

        void uninstall() {
            for (Object[] o : previous) {
                sun.misc.Signal.handle((sun.misc.Signal) o[0], (sun.misc.SignalHandler) o[1]);
            }
        }
    }
}
