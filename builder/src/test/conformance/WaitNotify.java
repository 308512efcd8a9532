import java.util.*;

public class WaitNotify {
    static final Deque<Integer> queue = new ArrayDeque<>();
    static final int CAPACITY = 3;
    static boolean done;

    public static void main(String[] args) throws InterruptedException {
        Thread producer = new Thread(() -> {
            try {
                for (int i = 1; i <= 10; i++) {
                    synchronized (queue) {
                        while (queue.size() == CAPACITY) {
                            queue.wait();
                        }
                        queue.addLast(i);
                        queue.notifyAll();
                    }
                }
                synchronized (queue) {
                    done = true;
                    queue.notifyAll();
                }
            } catch (InterruptedException e) {
                throw new RuntimeException(e);
            }
        });
        List<Integer> consumed = new ArrayList<>();
        Thread consumer = new Thread(() -> {
            try {
                while (true) {
                    int v;
                    synchronized (queue) {
                        while (queue.isEmpty() && !done) {
                            queue.wait();
                        }
                        if (queue.isEmpty()) {
                            return;
                        }
                        v = queue.removeFirst();
                        queue.notifyAll();
                    }
                    consumed.add(v * v);
                }
            } catch (InterruptedException e) {
                throw new RuntimeException(e);
            }
        });
        consumer.start();
        producer.start();
        producer.join();
        consumer.join();
        System.out.println(consumed);
        Object mon = new Object();
        long start = System.currentTimeMillis();
        synchronized (mon) {
            mon.wait(30);
        }
        long waited = System.currentTimeMillis() - start;
        System.out.println("timed wait returned " + (waited >= 25 ? "after the timeout" : "early: " + waited));
        try {
            mon.notify();
        } catch (IllegalMonitorStateException e) {
            System.out.println("notify without the monitor: IllegalMonitorStateException");
        }
        Thread waiter = new Thread(() -> {
            synchronized (mon) {
                try {
                    mon.wait();
                    System.out.println("not interrupted?");
                } catch (InterruptedException e) {
                    System.out.println("waiter interrupted");
                }
            }
        });
        waiter.start();
        Thread.sleep(10);
        waiter.interrupt();
        waiter.join();
    }
}
