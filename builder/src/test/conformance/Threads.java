import java.util.*;

public class Threads {
    static int counter;

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
        // A non-daemon thread outlives main and the VM waits for it; it sleeps first so that
        // "main returns" comes before its line on HotSpot too (without the sleep the order is a race).
        Thread daemonLike = new Thread(() -> {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                System.out.println("late thread interrupted");
            }
            System.out.println("late thread runs after main returns");
        });
        daemonLike.start();
        System.out.println("main returns");
    }
}
