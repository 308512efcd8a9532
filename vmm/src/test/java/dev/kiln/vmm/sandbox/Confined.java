package dev.kiln.vmm.sandbox;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;

/** Runs test code on a fresh platform thread confined to a filter; the test's own thread stays free. */
final class Confined {
    /** The errno a test filter returns for what it forbids: no real call here fails with it. */
    static final int REFUSED = 1234;

    private Confined() {}

    /** body's result, computed on a new thread confined to filter (forbidden calls fail with {@link #REFUSED}). */
    static <T> T run(SyscallFilter filter, Callable<T> body) throws Exception {
        FutureTask<T> task = new FutureTask<>(() -> {
            RawSyscall.prepare();
            Sandbox.confine(filter, FilterAction.errno(REFUSED));
            return body.call();
        });
        Thread t = Thread.ofPlatform().name("confined-test").start(task);
        try {
            return task.get(60, TimeUnit.SECONDS); // only a guard against a hang
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception x) throw x;
            throw e;
        } finally {
            t.join();
        }
    }
}
