public class SleepAndTime {
    public static void main(String[] args) throws InterruptedException {
        // Each wall clock reading is bracketed by two nanoTime readings, so the clocks can be
        // compared exactly, however long a busy machine keeps this thread from running.
        long t0 = System.nanoTime();
        long wall0 = System.currentTimeMillis();
        long t0b = System.nanoTime();
        Thread.sleep(50);
        long t1 = System.nanoTime();
        long wall1 = System.currentTimeMillis();
        long sleptMs = (t1 - t0) / 1_000_000;
        System.out.println("slept at least 50 ms: " + (sleptMs >= 50));
        System.out.println("wall clock advanced: " + (wall1 - wall0 >= 49));
        System.out.println("wall clock is after 2024: " + (wall0 > 1_704_067_200_000L));
        long prev = System.nanoTime();
        boolean monotonic = true;
        for (int i = 0; i < 100000; i++) {
            long now = System.nanoTime();
            if (now < prev) {
                monotonic = false;
            }
            prev = now;
        }
        System.out.println("nanoTime monotonic: " + monotonic);
        long t2 = System.nanoTime();
        long wall2 = System.currentTimeMillis();
        long t2b = System.nanoTime();
        // The wall clock's advance lies between the shortest and the longest nanoTime span that
        // can hold both its readings (plus 2 ms: currentTimeMillis truncates, twice).
        long wallMs = wall2 - wall0;
        boolean agree = wallMs >= (t2 - t0b) / 1_000_000 - 2 && wallMs <= (t2b - t0) / 1_000_000 + 2;
        System.out.println("clocks agree: " + (agree ? "yes" : "no: wall " + wallMs + " ms, nanoTime "
                + (t2 - t0b) / 1_000_000 + ".." + (t2b - t0) / 1_000_000 + " ms"));
        Thread.sleep(0);
        System.out.println("sleep(0) returns");
        try {
            Thread.sleep(-1);
        } catch (IllegalArgumentException e) {
            System.out.println("negative sleep rejected");
        }
    }
}
