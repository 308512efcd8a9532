package dev.kiln.vmm.gdb;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * A GDB remote-protocol stub for one VM (kiln run --gdb; docs/debugging.md): one vCPU, one
 * thread as gdb sees it, x86-64.
 *
 * <p>Two threads meet here. The vCPU thread calls {@link #stopped} when the guest stops for the
 * debugger (a KVM_EXIT_DEBUG, or an interrupt the debugger asked for) and waits there until the
 * debugger resumes it; the stub's thread ({@link GdbServer}) reads the debugger's packets and
 * serves them through the {@link DebugTarget} while the vCPU waits. A packet that needs the
 * guest stopped while it runs (anything but Ctrl-C) is answered after it stops.
 *
 * <p>Every packet is untrusted input: numbers are parsed with bounds, a memory access outside
 * guest-readable memory is an error reply (E14), never a monitor exception, and an unknown
 * packet gets the empty reply the protocol defines for it.
 */
public final class GdbStub {
    /** Registers as gdb numbers them for amd64 without a target description of its own: sizes in bytes. */
    static final int[] REGISTER_SIZES = registerSizes();
    static final int GDB_RIP = 16, GDB_EFLAGS = 17, GDB_CS = 18;
    /** kvm_regs index of gdb's registers 0..15 (gdb: rax rbx rcx rdx rsi rdi rbp rsp; kvm: ... rsp rbp). */
    private static final int[] KVM_INDEX = {0, 1, 2, 3, 4, 5, 7, 6, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17};
    static final String TARGET_XML = "<?xml version=\"1.0\"?><!DOCTYPE target SYSTEM \"gdb-target.dtd\">"
            + "<target version=\"1.0\"><architecture>i386:x86-64</architecture></target>";
    private static final int MAX_MEMORY_READ = (RspReader.MAX_PACKET - 8) / 2;
    private static final int HW_SLOTS = 4;

    private final DebugTarget target;
    private final java.util.function.Consumer<String> log;
    private final java.util.function.Consumer<Runnable> startThread;
    private final Runnable kick;
    private final Map<Long, Byte> softwareBreakpoints = new TreeMap<>(Long::compareUnsigned);
    private final long[] debugRegs = new long[8]; // DR0..DR3 used; DR7 computed on resume
    private final int[] hwKind = new int[HW_SLOTS]; // 0 free, else the Z type (1 hw break, 2 write, 3 read, 4 access)
    // guarded by `this`: the handshake with the vCPU thread
    private StopReason stop;         // non-null while the vCPU waits in stopped()
    private boolean resume;          // set by the stub to let it go
    private boolean attentionWanted; // the stub wants the vCPU stopped
    private boolean attached;        // a debugger is connected
    private boolean runningOnPurpose; // resumed by the debugger: only Ctrl-C stops it
    private boolean singleStepping;
    private StopReason rewound;
    private boolean ended;
    private int exitStatus;
    private final int[] hwLength = new int[HW_SLOTS];

    private boolean holdForDebugger; // --gdb-wait: the first instruction waits for a debugger
    /**
     * Debug registers work only where KVM intercepts #DB; on this machine's nested KVM a hardware
     * breakpoint reaches the guest as a #DB whose triple fault does not say which register hit,
     * so Z1..Z4 are declined (gdb falls back to software breakpoints and single-stepped
     * watchpoints). The DR7 encoding below is kept for KVMs that intercept, behind this switch.
     */
    private static final boolean HARDWARE_DEBUG = false;

    /**
     * @param kick gets the vCPU thread out of KVM_RUN (or a yield); it then calls {@link #stopped}
     * @param waitForDebugger the guest's first instruction waits until a debugger attaches
     * @param log where the stub says what happens (kiln run: stderr): attach, continue, detach
     * @param startThread starts a thread that reports the next stop (confined like the stub's own)
     */
    public GdbStub(DebugTarget target, Runnable kick, boolean waitForDebugger, java.util.function.Consumer<String> log,
                   java.util.function.Consumer<Runnable> startThread) {
        this.log = log;
        this.startThread = startThread;
        this.target = target;
        this.kick = kick;
        this.holdForDebugger = waitForDebugger;
        this.attentionWanted = waitForDebugger;
    }

    // ---- the vCPU thread's side ----

    /** True if the vCPU must stop for the debugger before it runs again (checked by the run loop and by yields). */
    public synchronized boolean attentionWanted() {
        return attentionWanted;
    }

    /**
     * The vCPU thread, stopped: waits until the debugger resumes it (or goes away). A debug exit
     * with no debugger attached (a breakpoint hit while one detaches) resumes at once: the int3
     * is gone by then and the guest re-runs the instruction.
     */
    public synchronized void stopped(StopReason why) {
        attentionWanted = false;
        if (!attached && !holdForDebugger) return;
        stop = why;
        resume = false;
        notifyAll();
        while (!resume && !ended) {
            try {
                wait();
            } catch (InterruptedException e) {
                // nobody interrupts the vCPU thread; stopping the VM goes through the target
            }
        }
        stop = null;
    }

    /**
     * The vCPU thread, on a triple fault while a debugger is attached: whether the debugger's own
     * trap caused it, and then the stop to report (else null: a real crash). Where guest
     * debugging does not intercept #BP and #DB (this machine's nested KVM accepts
     * KVM_SET_GUEST_DEBUG but the guest still gets them: docs/debugging.md), the trap reaches a
     * guest with no IDT and ends as a triple fault, with the registers as the trap left them:
     * RIP after our int3, or after the single-stepped instruction. The vCPU runs again from
     * there once RIP is put back.
     */
    public synchronized StopReason explainTripleFault(long rip) {
        if (!attached) return null;
        if (softwareBreakpoints.containsKey(rip - 1)) return new StopReason(3, 0, rip - 1);
        if (singleStepping) return new StopReason(1, 0x4000, -1); // DR6.BS
        return null;
    }

    /** The VM ended (the run loop returned) with this exit status: a debugger waiting for it is told. */
    public synchronized void ended(int exitStatus) {
        ended = true;
        this.exitStatus = exitStatus;
        notifyAll();
    }

    // ---- the stub's thread ----

    /** A debugger connected: stop the guest, then serve it; returns when it detaches, kills or disconnects. */
    public void serve(RspReader in, OutputStream out) throws IOException {
        if (!attach()) {
            reply(out, "W" + Hex.littleEndian(exitStatus & 0xff, 1));
            return;
        }
        boolean noAck = false;
        try {
            for (RspReader.Event e; (e = in.next()) != null; ) {
                switch (e) {
                    case RspReader.Interrupt i -> interrupt();
                    case RspReader.Malformed m -> {
                        if (!noAck) send(out, "-");
                    }
                    case RspReader.Packet p -> {
                        if (!noAck) send(out, "+");
                        if (p.data().equals("QStartNoAckMode")) {
                            reply(out, "OK");
                            noAck = true;
                            continue;
                        }
                        StopReason now = awaitStopped();
                        if (now == null) return; // the VM ended; its exit was reported
                        String r = handle(p.data(), now);
                        if (r == DETACH) {
                            reply(out, "OK");
                            return;
                        }
                        if (r == KILLED) return;
                        if (r == RESUMED) {
                            startThread.accept(() -> reportNextStop(out));
                            continue;
                        }
                        reply(out, r);
                    }
                }
            }
        } finally {
            detach();
        }
    }

    private static final String DETACH = new String("detach"), KILLED = new String("killed"),
            RESUMED = new String("resumed");

    /** Stops the guest for a new debugger; false if the VM has ended. */
    private synchronized boolean attach() {
        attached = true;
        holdForDebugger = false;
        return awaitStopped() != null;
    }

    /** Ctrl-C: stop the running guest (the stop is reported by {@link #reportNextStop}). */
    private synchronized void interrupt() {
        if (stop == null || resume) {
            attentionWanted = true;
            kick.run();
        }
    }

    /** Waits until the vCPU waits in {@link #stopped}, asking it to; null if the VM ended. */
    private synchronized StopReason awaitStopped() {
        while (!ended && (stop == null || resume)) {
            if (!attentionWanted && (stop == null || resume) && !runningOnPurpose) {
                attentionWanted = true;
                kick.run();
            }
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the guest to stop");
            }
        }
        if (ended) return null;
        rewind();
        return stop;
    }

    /** Puts RIP back on the int3 a trap left it after (once per stop; on the stub's thread). */
    private void rewind() {
        if (stop.rewindTo() == -1 || rewound == stop) return;
        long[] regs = target.registers();
        regs[16] = stop.rewindTo();
        target.setRegisters(regs);
        rewound = stop;
    }

    /** After a continue or step: the stop reply when the guest stops, or W when the VM ends first. */
    private void reportNextStop(OutputStream out) {
        String r;
        synchronized (this) {
            while (!ended && attached && (stop == null || resume)) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    return;
                }
            }
            if (!attached) return;
            runningOnPurpose = false;
            if (!ended) rewind();
            r = ended ? "W" + Hex.littleEndian(exitStatus & 0xff, 1) : stopReply(stop);
        }
        try {
            reply(out, r);
        } catch (IOException gone) {
            // the debugger went away; its reader sees the end of the stream and detaches
        }
    }

    /** Breakpoints out, debugging off, the guest running again: what a detach (or a lost debugger) leaves. */
    private void detach() {
        synchronized (this) {
            runningOnPurpose = false;
            if (awaitStopped() == null) {
                attached = false;
                return;
            }
            for (Map.Entry<Long, Byte> b : softwareBreakpoints.entrySet()) {
                target.write(b.getKey(), new byte[] {b.getValue()});
            }
            softwareBreakpoints.clear();
            Arrays.fill(debugRegs, 0);
            Arrays.fill(hwKind, 0);
            target.setGuestDebug(false, false, debugRegs);
            attached = false;
            attentionWanted = false;
            resume = true;
            notifyAll();
        }
    }

    private synchronized void resume(boolean step) {
        target.setGuestDebug(true, step, dr7Set());
        singleStepping = step;
        runningOnPurpose = true;
        resume = true;
        notifyAll();
    }

    private long[] dr7Set() {
        long dr7 = 0;
        for (int i = 0; i < HW_SLOTS; i++) {
            if (hwKind[i] == 0) continue;
            dr7 |= 1L << (2 * i + 1); // global enable
            long rw = switch (hwKind[i]) {
                case 1 -> 0;  // execution
                case 2 -> 1;  // data write
                default -> 3; // data read or write (x86 has no read-only watch)
            };
            long lenBits = switch (hwLength[i]) {
                case 2 -> 1;
                case 8 -> 2;
                case 4 -> 3;
                default -> 0;
            };
            dr7 |= (rw | lenBits << 2) << (16 + 4 * i);
        }
        long[] regs = Arrays.copyOf(debugRegs, 8);
        regs[7] = dr7 == 0 ? 0 : dr7 | 0x400;
        return regs;
    }

    /** What the stub answers to a packet; one of the sentinels when the packet ends the exchange. */
    private String handle(String p, StopReason current) {
        if (p.isEmpty()) return "";
        char c = p.charAt(0);
        try {
            return switch (c) {
                case '?' -> stopReply(current);
                case 'g' -> readRegisters();
                case 'G' -> "E01"; // gdb writes one register at a time with P
                case 'p' -> readRegister(Hex.parse(p.substring(1), 4));
                case 'P' -> writeRegister(p.substring(1));
                case 'm' -> readMemory(p.substring(1));
                case 'M' -> writeMemory(p.substring(1));
                case 'c', 'C', 's', 'S' -> {
                    if (p.length() > 1 && (c == 'c' || c == 's')) yield "E01"; // resuming elsewhere: not supported
                    resume(c == 's' || c == 'S');
                    if (c == 'c' || c == 'C') log.accept("guest continues");
                    yield RESUMED;
                }
                case 'Z', 'z' -> breakpoint(c == 'Z', p.substring(1));
                case 'D' -> DETACH;
                case 'k' -> kill();
                case 'H', 'T' -> "OK"; // one thread
                case 'q' -> query(p);
                case 'v' -> p.startsWith("vKill") ? kill() : "";
                default -> "";
            };
        } catch (IllegalArgumentException bad) { // a number or field gdb would never send
            return "E01";
        }
    }

    /** Ends the VM: the stop request, then the vCPU let go so that its run loop sees it. */
    private String kill() {
        target.kill();
        synchronized (this) {
            softwareBreakpoints.clear();
            attached = false;
            resume = true;
            notifyAll();
        }
        return KILLED;
    }

    private String query(String p) {
        if (p.startsWith("qSupported")) {
            return "PacketSize=" + Integer.toHexString(RspReader.MAX_PACKET)
                    + ";qXfer:features:read+;swbreak+;hwbreak+;QStartNoAckMode+";
        }
        if (p.equals("qAttached")) return "1";
        if (p.equals("qC")) return "QC1";
        if (p.equals("qfThreadInfo")) return "m1";
        if (p.equals("qsThreadInfo")) return "l";
        if (p.startsWith("qXfer:features:read:target.xml:")) {
            String[] range = p.substring("qXfer:features:read:target.xml:".length()).split(",", 2);
            if (range.length != 2) return "E01";
            long off = Hex.parse(range[0], 8), len = Hex.parse(range[1], 8);
            if (off >= TARGET_XML.length()) return "l";
            int end = (int) Math.min(TARGET_XML.length(), off + Math.min(len, MAX_MEMORY_READ));
            return (end == TARGET_XML.length() ? "l" : "m") + TARGET_XML.substring((int) off, end);
        }
        if (p.startsWith("qXfer:")) return "E00";
        return "";
    }

    /** T05 with the reason gdb needs to tell a breakpoint it set from a trap it did not (swbreak: pc at the int3). */
    private String stopReply(StopReason s) {
        if (s.exception() == 3) return "T05swbreak:;thread:1;";
        if (s.exception() == 1) {
            for (int i = 0; i < HW_SLOTS; i++) {
                if ((s.dr6() & (1L << i)) == 0 || hwKind[i] == 0) continue;
                if (hwKind[i] == 1) return "T05hwbreak:;thread:1;";
                String kind = hwKind[i] == 2 ? "watch" : hwKind[i] == 3 ? "rwatch" : "awatch";
                return "T05" + kind + ":" + Long.toHexString(debugRegs[i]) + ";thread:1;";
            }
            return "T05thread:1;";
        }
        return "T02thread:1;"; // SIGINT: stopped at the debugger's request
    }

    private String readRegisters() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < REGISTER_SIZES.length; i++) out.append(register(i));
        return out.toString();
    }

    private String readRegister(long n) {
        if (n < 0 || n >= REGISTER_SIZES.length) return "E00";
        return register((int) n);
    }

    /** One register as gdb wants it: little-endian hex, or "xx" per byte for those the stub does not have. */
    private String register(int n) {
        if (n <= GDB_EFLAGS) {
            long v = target.registers()[KVM_INDEX[n]];
            return Hex.littleEndian(v, REGISTER_SIZES[n]);
        }
        if (n < GDB_CS + 6) return Hex.littleEndian(target.segmentSelectors()[n - GDB_CS] & 0xffff, 4);
        return "xx".repeat(REGISTER_SIZES[n]); // x87 and SSE: not read from KVM (no KVM_GET_FPU on this path)
    }

    private String writeRegister(String args) {
        int eq = args.indexOf('=');
        if (eq < 0) throw new IllegalArgumentException("P without =");
        long n = Hex.parse(args.substring(0, eq), 4);
        if (n < 0 || n > GDB_EFLAGS) return "E01";
        byte[] value = Hex.bytes(args.substring(eq + 1), 8);
        if (value.length != REGISTER_SIZES[(int) n]) return "E01";
        long v = 0;
        for (int i = value.length - 1; i >= 0; i--) v = v << 8 | (value[i] & 0xff);
        long[] regs = target.registers();
        regs[KVM_INDEX[(int) n]] = v;
        target.setRegisters(regs);
        return "OK";
    }

    private String readMemory(String args) {
        long[] al = addressLength(args);
        if (al[1] > MAX_MEMORY_READ) return "E01";
        byte[] b = target.read(al[0], (int) al[1]);
        if (b == null) return "E14";
        // gdb must see the code, not our int3s
        for (Map.Entry<Long, Byte> bp : softwareBreakpoints.entrySet()) {
            long off = bp.getKey() - al[0];
            if (off >= 0 && off < b.length) b[(int) off] = bp.getValue();
        }
        return HexFormat.of().formatHex(b);
    }

    private String writeMemory(String args) {
        int colon = args.indexOf(':');
        if (colon < 0) throw new IllegalArgumentException("M without :");
        long[] al = addressLength(args.substring(0, colon));
        byte[] data = Hex.bytes(args.substring(colon + 1), MAX_MEMORY_READ);
        if (data.length != al[1]) return "E01";
        return target.write(al[0], data) ? "OK" : "E14";
    }

    private static long[] addressLength(String s) {
        int comma = s.indexOf(',');
        if (comma < 0) throw new IllegalArgumentException("no length");
        return new long[] {Hex.parse(s.substring(0, comma), 16), Hex.parse(s.substring(comma + 1), 8)};
    }

    /** Z/z TYPE,ADDR,KIND: 0 software (int3), 1 hardware, 2 write, 3 read, 4 access watchpoints. */
    private String breakpoint(boolean insert, String args) {
        String[] f = args.split(",", 3);
        if (f.length < 3) throw new IllegalArgumentException("Z needs type,addr,kind");
        int type = (int) Hex.parse(f[0], 1);
        long addr = Hex.parse(f[1], 16);
        long kind = Hex.parse(f[2].split(";", 2)[0], 2);
        if (type == 0) {
            if (insert) {
                if (softwareBreakpoints.containsKey(addr)) return "OK";
                byte[] old = target.read(addr, 1);
                if (old == null || !target.write(addr, new byte[] {(byte) 0xcc})) return "E14";
                softwareBreakpoints.put(addr, old[0]);
            } else {
                Byte old = softwareBreakpoints.remove(addr);
                if (old != null && !target.write(addr, new byte[] {old})) return "E14";
            }
            return "OK";
        }
        if (type > 4 || !HARDWARE_DEBUG) return ""; // gdb then uses software breakpoints and watchpoints
        if (type > 1 && kind != 1 && kind != 2 && kind != 4 && kind != 8) return "E01";
        if (type > 1 && (addr & (kind - 1)) != 0) return "E01"; // x86 watches an aligned range
        for (int i = 0; i < HW_SLOTS; i++) {
            if (insert ? hwKind[i] == 0 : hwKind[i] == type && debugRegs[i] == addr) {
                hwKind[i] = insert ? type : 0;
                debugRegs[i] = insert ? addr : 0;
                hwLength[i] = insert ? (type == 1 ? 1 : (int) kind) : 0;
                return "OK";
            }
        }
        return insert ? "E28" : "OK"; // ENOSPC: all four debug registers in use
    }

    /** Writes from the reader and from the stop reporter: whole frames, one at a time. */
    private static void send(OutputStream out, String raw) throws IOException {
        synchronized (out) {
            out.write(raw.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }
    }

    private static void reply(OutputStream out, String data) throws IOException {
        synchronized (out) {
            out.write(RspReader.frame(data));
            out.flush();
        }
    }

    private static int[] registerSizes() {
        int[] s = new int[57];
        Arrays.fill(s, 0, 17, 8);   // 16 general registers and rip
        Arrays.fill(s, 17, 24, 4);  // eflags, cs ss ds es fs gs
        Arrays.fill(s, 24, 32, 10); // st0..st7
        Arrays.fill(s, 32, 40, 4);  // fctrl fstat ftag fiseg fioff foseg fooff fop
        Arrays.fill(s, 40, 56, 16); // xmm0..xmm15
        s[56] = 4;                  // mxcsr
        return s;
    }
}
