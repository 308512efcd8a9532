import java.util.*;

public class ThreadNames {
    public static void main(String[] args) throws InterruptedException {
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        Runnable report = () -> seen.add(Thread.currentThread().getName());
        Thread a = new Thread(report);
        Thread b = new Thread(report, "worker");
        Thread c = new Thread() {
            @Override
            public void run() {
                seen.add("subclass " + getName());
            }
        };
        Thread d = new Thread(report);
        d.setName("renamed");
        System.out.println(Thread.currentThread().getName() + " " + a.getName() + " " + b.getName() + " "
                + c.getName() + " " + d.getName());
        for (Thread t : new Thread[] {a, b, c, d}) {
            t.start();
            t.join();
        }
        System.out.println(seen);
        Thread failing = new Thread(() -> {
            throw new IllegalStateException("in a thread");
        });
        failing.setUncaughtExceptionHandler((t, e) -> System.out.println("uncaught in " + t.getName() + ": " + e));
        failing.start();
        failing.join();
        System.out.println(new Thread().getName());
    }
}
