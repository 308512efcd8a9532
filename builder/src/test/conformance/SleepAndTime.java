public class SleepAndTime {
    public static void main(String[] args) throws InterruptedException {
        long wall0 = System.currentTimeMillis();
        long t0 = System.nanoTime();
        Thread.sleep(50);
        long t1 = System.nanoTime();
        long wall1 = System.currentTimeMillis();
        long sleptMs = (t1 - t0) / 1_000_000;
        System.out.println("slept at least 50 ms: " + (sleptMs >= 50));
        System.out.println("slept less than 2 s: " + (sleptMs < 2000));
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
        long nanoVsWall = Math.abs((System.nanoTime() - t0) / 1_000_000 - (System.currentTimeMillis() - wall0));
        System.out.println("clocks agree within 20 ms: " + (nanoVsWall <= 20));
        Thread.sleep(0);
        System.out.println("sleep(0) returns");
        try {
            Thread.sleep(-1);
        } catch (IllegalArgumentException e) {
            System.out.println("negative sleep rejected");
        }
    }
}
