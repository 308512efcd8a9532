package dev.kiln.libos.classlib.java.lang;

/** java.lang.Thread.Builder.OfPlatform for native images (see TThread$Builder). */
public interface TThread$Builder$OfPlatform extends TThread$Builder {
    @Override
    TThread$Builder$OfPlatform name(String name);

    @Override
    TThread$Builder$OfPlatform name(String prefix, long start);

    @Override
    TThread$Builder$OfPlatform inheritInheritableThreadLocals(boolean inherit);

    @Override
    TThread$Builder$OfPlatform uncaughtExceptionHandler(Thread.UncaughtExceptionHandler ueh);

    TThread$Builder$OfPlatform group(ThreadGroup group);

    TThread$Builder$OfPlatform daemon(boolean on);

    default TThread$Builder$OfPlatform daemon() {
        return daemon(true);
    }

    TThread$Builder$OfPlatform priority(int priority);

    TThread$Builder$OfPlatform stackSize(long stackSize);

    /** Thread.ofPlatform() (the builder redirects the call here: TeaVM's Thread has no such method). */
    static TThread$Builder$OfPlatform kilnOfPlatform() {
        return new TThread$Builder$OfPlatform$Kiln();
    }
}
