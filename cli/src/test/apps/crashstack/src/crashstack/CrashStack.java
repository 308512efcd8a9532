package crashstack;

/**
 * overflow: descend() recurses until the native stack runs into its guard page, a fault the
 * monitor reports as a crash. threads: a green thread sleeps in sleeper(), another waits in
 * waiter(), main joins them; each prints its line just before it blocks (green threads are
 * cooperative: nothing else runs between the line and the block).
 */
public final class CrashStack {
    static final Object LOCK = new Object();

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "overflow";
        if (mode.equals("overflow")) {
            System.out.println("descending");
            System.out.println(descend(1, new int[] {0}));
        } else if (mode.equals("threads")) {
            Thread a = new Thread(CrashStack::sleeper, "sleeper");
            Thread b = new Thread(CrashStack::waiter, "waiter");
            a.start();
            b.start();
            System.out.println("main joining");
            a.join();
        } else {
            System.out.println("unknown mode " + mode);
            System.exit(2);
        }
    }

    /** Not a tail call (its array is used after the call returns), so no compiler turns it into a loop. */
    static int descend(int depth, int[] trail) {
        int[] mine = {depth + trail[0]};
        int below = descend(depth + 1, mine);
        return below + mine[0];
    }

    static void sleeper() {
        System.out.println("sleeper blocking");
        try {
            Thread.sleep(3_600_000L);
        } catch (InterruptedException e) {
            System.out.println("sleeper interrupted");
        }
    }

    static void waiter() {
        synchronized (LOCK) {
            System.out.println("waiter blocking");
            try {
                LOCK.wait();
            } catch (InterruptedException e) {
                System.out.println("waiter interrupted");
            }
        }
    }
}
