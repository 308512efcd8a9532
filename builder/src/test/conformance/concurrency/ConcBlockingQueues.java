import java.util.*;
import java.util.concurrent.*;

/** LinkedBlockingQueue, ArrayBlockingQueue, PriorityBlockingQueue, DelayQueue, SynchronousQueue. */
public class ConcBlockingQueues {
    static final class Job implements Delayed {
        final String name;
        final long due;

        Job(String name, long delayMillis) {
            this.name = name;
            this.due = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(delayMillis);
        }

        public long getDelay(TimeUnit unit) {
            return unit.convert(due - System.nanoTime(), TimeUnit.NANOSECONDS);
        }

        public int compareTo(Delayed o) {
            return Long.compare(due, ((Job) o).due);
        }
    }

    public static void main(String[] args) throws Exception {
        BlockingQueue<Integer> bounded = new LinkedBlockingQueue<>(3);
        Thread producer = new Thread(() -> {
            try {
                for (int i = 1; i <= 50; i++) {
                    bounded.put(i);
                }
                bounded.put(0);
            } catch (InterruptedException e) {
                throw new RuntimeException(e);
            }
        });
        producer.start();
        int sum = 0;
        for (int v; (v = bounded.take()) != 0;) {
            sum += v;
        }
        producer.join();
        System.out.println("LinkedBlockingQueue(3) producer/consumer sum " + sum);
        System.out.println("offer to full: " + bounded.offer(1) + bounded.offer(2) + bounded.offer(3) + bounded.offer(4)
                + ", remaining " + bounded.remainingCapacity() + ", timed offer " + bounded.offer(5, 10, TimeUnit.MILLISECONDS));
        List<Integer> drained = new ArrayList<>();
        System.out.println("drainTo(2): " + bounded.drainTo(drained, 2) + " " + drained + ", left " + bounded);
        System.out.println("poll with timeout on empty: " + new LinkedBlockingQueue<String>().poll(10, TimeUnit.MILLISECONDS));
        try {
            bounded.offer(null);
        } catch (NullPointerException e) {
            System.out.println("null element: NullPointerException");
        }
        for (Iterator<Integer> it = bounded.iterator(); it.hasNext();) {
            if (it.next() == 3) {
                it.remove();
            }
        }
        System.out.println("removed through the iterator: " + bounded + ", empty " + bounded.isEmpty());

        ArrayBlockingQueue<String> array = new ArrayBlockingQueue<>(2);
        array.add("a");
        array.add("b");
        try {
            array.add("c");
        } catch (IllegalStateException e) {
            System.out.println("ArrayBlockingQueue full: " + e.getMessage());
        }
        System.out.println("ArrayBlockingQueue: " + array.poll() + array.poll() + array.poll());

        PriorityBlockingQueue<String> pq = new PriorityBlockingQueue<>(4, Comparator.comparing(String::length).thenComparing(Comparator.naturalOrder()));
        pq.addAll(List.of("pear", "fig", "banana", "kiwi", "apple"));
        StringBuilder sb = new StringBuilder();
        while (!pq.isEmpty()) {
            sb.append(pq.take()).append(' ');
        }
        System.out.println("PriorityBlockingQueue: " + sb.toString().trim());

        DelayQueue<Job> delays = new DelayQueue<>();
        delays.add(new Job("late", 60));
        delays.add(new Job("early", 20));
        delays.add(new Job("middle", 40));
        System.out.println("DelayQueue poll before due: " + delays.poll() + ", size " + delays.size());
        System.out.println("DelayQueue take: " + delays.take().name + " " + delays.take().name + " " + delays.take().name);

        SynchronousQueue<String> sync = new SynchronousQueue<>();
        System.out.println("SynchronousQueue offer without taker: " + sync.offer("x") + ", size " + sync.size());
        Thread taker = new Thread(() -> {
            try {
                System.out.println("taker got " + sync.take());
            } catch (InterruptedException e) {
                throw new RuntimeException(e);
            }
        });
        taker.start();
        sync.put("handed over");
        taker.join();
        System.out.println("poll with timeout: " + sync.poll(10, TimeUnit.MILLISECONDS));

        BlockingQueue<String> waiting = new LinkedBlockingQueue<>();
        Thread blocked = new Thread(() -> {
            try {
                waiting.take();
            } catch (InterruptedException e) {
                System.out.println("take interrupted");
            }
        });
        blocked.start();
        Thread.sleep(20);
        blocked.interrupt();
        blocked.join();
    }
}
