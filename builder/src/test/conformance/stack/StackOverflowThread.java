import java.util.ArrayList;
import java.util.List;

/** A StackOverflowError in another thread is caught there; the thread, and then main, go on. */
public class StackOverflowThread {
    static int bottomless(int n) {
        return bottomless(n + 1) + 1;
    }

    public static void main(String[] args) throws Exception {
        List<String> lines = new ArrayList<>();
        Runnable worker = () -> {
            for (int i = 1; i <= 2; i++) {
                try {
                    bottomless(0);
                } catch (StackOverflowError e) {
                    synchronized (lines) {
                        lines.add(Thread.currentThread().getName() + " caught " + e.getClass().getSimpleName() + " #" + i);
                    }
                }
            }
        };
        Thread first = new Thread(worker, "worker-1");
        first.start();
        first.join();
        Thread second = new Thread(worker, "worker-2");
        second.start();
        second.join();
        lines.forEach(System.out::println);
        try {
            bottomless(0);
        } catch (StackOverflowError e) {
            System.out.println("main caught it too");
        }
        System.out.println("done");
    }
}
