import java.util.*;

public class Threads {
    static int counter;
    static boolean mainReturned;
    static final Object LATE = new Object();

    public static void main(String[] args) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        int[] results = new int[4];
        for (int t = 0; t < 4; t++) {
            final int id = t;
            Thread th = new Thread(() -> {
                int sum = 0;
                for (int i = 0; i <= 1000 * (id + 1); i++) {
                    sum += i;
                    if (i % 100 == 0) {
                        Thread.yield();
                    }
                }
                results[id] = sum;
            }, "worker-" + t);
            threads.add(th);
        }
        for (Thread th : threads) {
            th.start();
        }
        for (Thread th : threads) {
            th.join();
        }
        System.out.println(Arrays.toString(results));
        Thread named = new Thread(() -> System.out.println("in " + Thread.currentThread().getName()), "named-thread");
        named.start();
        named.join();
        System.out.println("main is " + Thread.currentThread().getName() + " alive=" + named.isAlive());
        Thread sleeper = new Thread(() -> {
            try {
                Thread.sleep(20);
                System.out.println("sleeper woke");
            } catch (InterruptedException e) {
                System.out.println("sleeper interrupted");
            }
        });
        sleeper.start();
        sleeper.join();
        // A non-daemon thread outlives main and the VM waits for it, even while it sleeps. It waits
        // until main has printed its last line, so the order is the same on HotSpot however
        // threads are scheduled (a sleep alone would race with a descheduled main).
        Thread daemonLike = new Thread(() -> {
            try {
                synchronized (LATE) {
                    while (!mainReturned) {
                        LATE.wait();
                    }
                }
                Thread.sleep(20); // main has returned: the VM must wait for this timer too
            } catch (InterruptedException e) {
                System.out.println("late thread interrupted");
                return;
            }
            System.out.println("late thread runs after main returns");
        });
        daemonLike.start();
        System.out.println("main returns");
        synchronized (LATE) {
            mainReturned = true;
            LATE.notifyAll();
        }
    }
}
