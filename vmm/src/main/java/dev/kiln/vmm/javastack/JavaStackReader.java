package dev.kiln.vmm.javastack;

import dev.kiln.image.JavaDebugInfo;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the Java stacks of a native image's green threads from its memory, through the image's
 * Java debug descriptor (guest/include/kiln/javadebug.h; the gdb script kiln-gdb.py walks the
 * same structures): the running code's frames from TeaVM's shadow stack, and each waiting
 * thread's from the call-site ids Kiln's runtime left on its Fiber when it suspended. Every
 * call-site id resolves through TeaVM's call-site table to class, method, file and line, one
 * frame per inlined method.
 *
 * <p>Everything read from the guest is untrusted: every walk is bounded (frames, threads,
 * inlining depth, string length), every address is checked by {@link GuestWords}, and a
 * structure that makes no sense ends that thread's walk with an error, never the reader.
 */
public final class JavaStackReader {
    /** More suspended calls than this is a loop in a scribbled list. */
    static final int MAX_THREADS = 1024;
    static final int MAX_INLINED = 64;
    static final int MAX_NAME = 1024;

    private final JavaDebugInfo d;
    private final GuestWords mem;

    public JavaStackReader(JavaDebugInfo descriptor, GuestWords memory) {
        this.d = descriptor;
        this.mem = memory;
    }

    /** The running code's stack first, then every waiting green thread's, newest suspension first. */
    public List<JavaThreadStack> threads() {
        List<JavaThreadStack> out = new ArrayList<>();
        out.add(running());
        out.addAll(waiting());
        return out;
    }

    /** The shadow stack: the green thread that runs, or the event loop when none does. */
    JavaThreadStack running() {
        String name = "event loop";
        List<String> frames = new ArrayList<>();
        try {
            if (JavaDebugInfo.present(d.currentFiber()) && mem.u64(d.currentFiber()) != 0) {
                name = "?";
                if (JavaDebugInfo.present(d.currentThread())) name = threadName(mem.u64(d.currentThread()));
            }
            long frame = mem.u64(d.stackTop());
            for (int depth = 0; frame != 0; depth++) {
                if (depth >= JavaDebugInfo.MAX_FRAMES) throw new GuestWords.Unreadable("more than "
                        + JavaDebugInfo.MAX_FRAMES + " frames (a loop in the shadow stack?)");
                frames.addAll(callSite(mem.i32(frame + d.frameCallSite())));
                frame = mem.u64(frame + d.frameNext());
            }
            return new JavaThreadStack(name, "running", frames, null);
        } catch (GuestWords.Unreadable e) {
            return new JavaThreadStack(name, "running", frames, e.getMessage());
        }
    }

    /** The suspended calls, from Fiber.lastPendingCall through their previous links. */
    List<JavaThreadStack> waiting() {
        List<JavaThreadStack> out = new ArrayList<>();
        long[] needed = {d.lastPendingCall(), d.pendingPrevious(), d.pendingCallback(), d.callbackThread(),
                d.callbackFiber(), d.fiberCallSites()};
        for (long n : needed) if (!JavaDebugInfo.present(n)) return out; // an image with no thread that ever waits
        long pending;
        try {
            pending = mem.u64(d.lastPendingCall());
        } catch (GuestWords.Unreadable e) {
            out.add(new JavaThreadStack("?", "waiting", List.of(), e.getMessage()));
            return out;
        }
        while (pending != 0) {
            if (out.size() >= MAX_THREADS) {
                out.add(new JavaThreadStack("?", "waiting", List.of(), "more than " + MAX_THREADS
                        + " suspended calls (a loop in the list?)"));
                break;
            }
            String name = "?";
            List<String> frames = new ArrayList<>();
            try {
                long callback = mem.u64(pending + d.pendingCallback());
                long thread = callback == 0 ? 0 : mem.u64(callback + d.callbackThread());
                long fiber = callback == 0 ? 0 : mem.u64(callback + d.callbackFiber());
                if (thread != 0) name = threadName(thread);
                long ids = fiber == 0 ? 0 : mem.u64(fiber + d.fiberCallSites());
                if (ids != 0) {
                    int count = mem.i32(ids + d.arrayInts());
                    if (count < 0 || count > JavaDebugInfo.MAX_FRAMES) {
                        throw new GuestWords.Unreadable("a fiber's frame count of " + count);
                    }
                    for (int i = 0; i < count; i++) frames.addAll(callSite(mem.i32(ids + d.arrayInts() + 4L * (i + 1))));
                }
                out.add(new JavaThreadStack(name, "waiting", frames, null));
                pending = mem.u64(pending + d.pendingPrevious());
            } catch (GuestWords.Unreadable e) {
                out.add(new JavaThreadStack(name, "waiting", frames, e.getMessage()));
                break; // the list past a broken entry cannot be trusted
            }
        }
        return out;
    }

    /** The Java frames of one call site, innermost (inlined) first. */
    List<String> callSite(int id) {
        if (id < 0 || id >= d.callSiteCount()) return List.of("<no call site " + id + ">");
        long location = mem.u64(d.callSites() + id * d.callSiteSize() + d.callSiteLocation());
        List<String> out = new ArrayList<>();
        for (int n = 0; location != 0 && n < MAX_INLINED; n++) {
            long method = mem.u64(location + d.locationMethod());
            int line = mem.i32(location + d.locationLine());
            if (method != 0) {
                String where = name(method, d.methodFile()) + (line >= 0 ? ":" + line : "");
                out.add(name(method, d.methodClass()) + "." + name(method, d.methodName()) + "(" + where + ")");
            }
            location = mem.u64(location + d.locationNext());
        }
        return out;
    }

    /** A TeaVM_MethodLocation's field: a TeaVM_String**, or "?" when absent. */
    private String name(long method, long field) {
        if (!JavaDebugInfo.present(field)) return "?";
        long ref = mem.u64(method + field);
        return ref == 0 ? "?" : string(mem.u64(ref));
    }

    private String threadName(long thread) {
        if (thread == 0) return "?";
        if (!JavaDebugInfo.present(d.threadName())) return "?";
        return string(mem.u64(thread + d.threadName()));
    }

    /** A java.lang.String at {@code string}, printable characters only (the text is the guest's). */
    String string(long string) {
        if (string == 0) return "null";
        if (!JavaDebugInfo.present(d.stringChars())) return "?";
        long chars = mem.u64(string + d.stringChars());
        if (chars == 0) return "";
        int n = mem.i32(chars + d.arraySize());
        if (n < 0 || n > MAX_NAME) throw new GuestWords.Unreadable("a string of " + n + " characters");
        ByteBuffer b = ByteBuffer.wrap(mem.bytes(chars + d.arrayChars(), 2 * n)).order(ByteOrder.LITTLE_ENDIAN);
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            char c = b.getChar();
            sb.append(c < 0x20 || c == 0x7f || Character.isSurrogate(c) ? '?' : c);
        }
        return sb.toString();
    }
}
