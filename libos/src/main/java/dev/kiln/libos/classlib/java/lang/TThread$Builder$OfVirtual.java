package dev.kiln.libos.classlib.java.lang;

/** java.lang.Thread.Builder.OfVirtual for native images (see TThread$Builder). */
public interface TThread$Builder$OfVirtual extends TThread$Builder {
    @Override
    TThread$Builder$OfVirtual name(String name);

    @Override
    TThread$Builder$OfVirtual name(String prefix, long start);

    @Override
    TThread$Builder$OfVirtual inheritInheritableThreadLocals(boolean inherit);

    @Override
    TThread$Builder$OfVirtual uncaughtExceptionHandler(Thread.UncaughtExceptionHandler ueh);

    /** Thread.ofVirtual() (the builder redirects the call here: TeaVM's Thread has no such method). */
    static TThread$Builder$OfVirtual kilnOfVirtual() {
        return new TThread$Builder$OfVirtual$Kiln();
    }

    /** Thread.startVirtualThread(Runnable), redirected here likewise. */
    static Thread kilnStartVirtualThread(Runnable task) {
        return kilnOfVirtual().start(task);
    }
}
