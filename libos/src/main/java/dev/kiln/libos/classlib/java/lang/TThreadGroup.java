package dev.kiln.libos.classlib.java.lang;

/**
 * java.lang.ThreadGroup in native images, which TeaVM's class library lacks: enough for the
 * Thread constructors that take a group (the builder adds them to TeaVM's Thread, see
 * StackGuardRewrite) and for the group's name, parent and maximum priority. Every thread made
 * without a group is in "main", whose parent is "system", as on HotSpot. Groups keep no list of
 * their threads (activeCount and enumerate are not provided).
 */
public class TThreadGroup implements Thread.UncaughtExceptionHandler {
    private static final TThreadGroup MAIN = new TThreadGroup(new TThreadGroup(null, "system"), "main");
    private final TThreadGroup parent;
    private final String name;
    private int maxPriority = Thread.MAX_PRIORITY;
    private boolean daemon;

    public TThreadGroup(String name) {
        this(current(), name);
    }

    public TThreadGroup(TThreadGroup parent, String name) {
        this.parent = parent;
        this.name = name;
        if (parent != null) {
            maxPriority = parent.maxPriority;
            daemon = parent.daemon;
        }
    }

    /** The group of threads made without one (Thread.getThreadGroup, as the builder writes it). */
    public static TThreadGroup kilnMain() {
        return MAIN;
    }

    private static TThreadGroup current() {
        return (TThreadGroup) (Object) Thread.currentThread().getThreadGroup();
    }

    public final String getName() {
        return name;
    }

    public final TThreadGroup getParent() {
        return parent;
    }

    public final int getMaxPriority() {
        return maxPriority;
    }

    public final void setMaxPriority(int pri) {
        if (pri < Thread.MIN_PRIORITY || pri > Thread.MAX_PRIORITY) {
            return;
        }
        maxPriority = parent != null ? Math.min(pri, parent.maxPriority) : pri;
    }

    @Deprecated
    public final boolean isDaemon() {
        return daemon;
    }

    @Deprecated
    public final void setDaemon(boolean daemon) {
        this.daemon = daemon;
    }

    public final boolean parentOf(TThreadGroup g) {
        for (; g != null; g = g.parent) {
            if (g == this) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void uncaughtException(Thread t, Throwable e) {
        if (parent != null) {
            parent.uncaughtException(t, e);
        } else if (!(e instanceof ThreadDeath)) {
            System.err.print("Exception in thread \"" + t.getName() + "\" ");
            e.printStackTrace(System.err);
        }
    }

    @Override
    public String toString() {
        return getClass().getName() + "[name=" + name + ",maxpri=" + maxPriority + "]";
    }
}
