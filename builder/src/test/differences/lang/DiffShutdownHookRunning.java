import java.util.concurrent.CountDownLatch;

/** Runtime.addShutdownHook of a thread that is running: HotSpot refuses it ("Hook already running"). */
public class DiffShutdownHookRunning {
    public static void main(String[] args) throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Thread t = new Thread(() -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        t.start();
        try {
            Runtime.getRuntime().addShutdownHook(t);
            System.out.println("accepted");
            Runtime.getRuntime().removeShutdownHook(t);
        } catch (IllegalArgumentException e) {
            System.out.println("IllegalArgumentException: " + e.getMessage());
        }
        release.countDown();
        t.join();
        System.out.println("end of DiffShutdownHookRunning");
    }
}
