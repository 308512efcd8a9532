package spin;

/**
 * Spins forever in one method with a distinctive name, burnCyclesInProfilerTarget; it is called
 * through an interface with two implementations, so that neither TeaVM nor gcc inlines it.
 */
public class Spinner {
    interface Work {
        long burnCyclesInProfilerTarget(long x);
    }

    static final class HotLoop implements Work {
        @Override
        public long burnCyclesInProfilerTarget(long x) {
            for (int i = 0; i < 1_000_000; i++) {
                x = x * 6364136223846793005L + 1442695040888963407L;
                if ((x & 0xffff) == 0x1234) sink = x;
            }
            return x;
        }
    }

    static final class Once implements Work {
        @Override
        public long burnCyclesInProfilerTarget(long x) {
            return x + 1;
        }
    }

    static volatile long sink;

    public static void main(String[] args) {
        Work w = args.length > 5 ? new Once() : new HotLoop();
        System.out.println("spinning");
        long x = 1;
        while (true) {
            x = w.burnCyclesInProfilerTarget(x);
            sink = x;
        }
    }
}
