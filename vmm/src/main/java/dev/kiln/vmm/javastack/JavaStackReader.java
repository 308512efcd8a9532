package dev.kiln.vmm.javastack;

import dev.kiln.image.JavaDebugInfo;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the Java stacks of a native image's green threads from its memory, through the image's
 * Java debug descriptor (guest/include/kiln/javadebug.h; the gdb script kiln-gdb.py walks the
 * same structures): the running code's frames from TeaVM's shadow stack ({@link ShadowStack}),
 * and each waiting thread's from the call-site ids Kiln's runtime left on its Fiber when it
 * suspended. Every call-site id resolves through TeaVM's call-site table ({@link CallSiteTable})
 * to class, method, file and line, one frame per inlined method.
 *
 * <p>Everything read from the guest is untrusted: every walk is bounded (frames, threads,
 * inlining depth, string length), every address is checked by {@link GuestWords}, and a
 * structure that makes no sense ends that thread's walk with an error, never the reader.
 */
public final class JavaStackReader {
    /** More suspended calls than this is a loop in a scribbled list. */
    static final int MAX_THREADS = 1024;

    private final JavaDebugInfo d;
    private final GuestWords mem;
    private final CallSiteTable callSites;
    private final JavaStrings strings;

    public JavaStackReader(JavaDebugInfo descriptor, GuestWords memory) {
        this.d = descriptor;
        this.mem = memory;
        this.callSites = new CallSiteTable(memory, descriptor);
        this.strings = new JavaStrings(memory, descriptor);
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
            ShadowStack.Walk walk = ShadowStack.walk(mem, d, JavaDebugInfo.MAX_FRAMES);
            for (int id : walk.callSites()) frames.addAll(callSite(id));
            return new JavaThreadStack(name, "running", frames, walk.stopped());
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

    /** The Java frames of one call site, innermost (inlined) first, as a stack trace prints them. */
    List<String> callSite(int id) {
        if (!callSites.contains(id)) return List.of("<no call site " + id + ">");
        CallSiteTable.CallSite site = callSites.read(id);
        if (site.error() != null) throw new GuestWords.Unreadable(site.error()); // ends the thread's walk here
        List<String> out = new ArrayList<>();
        for (JavaFrame f : site.frames()) {
            String where = (f.fileName() == null ? "?" : f.fileName()) + (f.line() >= 0 ? ":" + f.line() : "");
            out.add(printable(f.className()) + "." + printable(f.methodName()) + "(" + printable(where) + ")");
        }
        return out;
    }

    private String threadName(long thread) {
        if (thread == 0) return "?";
        if (!JavaDebugInfo.present(d.threadName())) return "?";
        long string = mem.u64(thread + d.threadName());
        if (string == 0) return "null";
        String text = strings.read(string);
        return text == null ? "?" : printable(text);
    }

    /** The guest's text with control characters and surrogates as '?': a name must not drive the terminal. */
    static String printable(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            sb.append(c < 0x20 || c == 0x7f || Character.isSurrogate(c) ? '?' : c);
        }
        return sb.toString();
    }
}
