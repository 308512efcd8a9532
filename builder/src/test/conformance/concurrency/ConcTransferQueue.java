import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TransferQueue;

/** LinkedTransferQueue (transfer waits for a consumer, tryTransfer only hands over to a waiting one) and Thread.ofPlatform() builders. */
public class ConcTransferQueue {
    public static void main(String[] args) throws Exception {
        TransferQueue<String> q = new LinkedTransferQueue<>();
        System.out.println("tryTransfer with no consumer: " + q.tryTransfer("lost") + ", size " + q.size()
                + ", waiting consumers " + q.hasWaitingConsumer() + " " + q.getWaitingConsumerCount());
        System.out.println("timed tryTransfer with no consumer: " + q.tryTransfer("late", 20, TimeUnit.MILLISECONDS)
                + ", size " + q.size());

        List<String> received = new ArrayList<>();
        CountDownLatch consumerWaiting = new CountDownLatch(1);
        Thread consumer = Thread.ofPlatform().name("consumer").start(() -> {
            try {
                consumerWaiting.countDown();
                for (int i = 0; i < 4; i++) {
                    String s = q.take();
                    synchronized (received) {
                        received.add(s);
                    }
                }
            } catch (InterruptedException e) {
                throw new RuntimeException(e);
            }
        });
        consumerWaiting.await();
        while (!q.hasWaitingConsumer()) {
            Thread.sleep(1);
        }
        System.out.println("consumer waiting: " + q.hasWaitingConsumer() + " " + q.getWaitingConsumerCount());
        System.out.println("tryTransfer to a waiting consumer: " + q.tryTransfer("one"));
        q.transfer("two");
        System.out.println("transfer(two) returned");
        q.put("three");
        q.put("four");
        consumer.join();
        System.out.println("received " + received + ", empty " + q.isEmpty());

        q.addAll(List.of("a", "b", "c"));
        List<String> drained = new ArrayList<>();
        System.out.println("queue " + q + " peek " + q.peek() + " poll " + q.poll() + " drained " + q.drainTo(drained)
                + " " + drained + " remaining capacity " + (q.remainingCapacity() == Integer.MAX_VALUE));
        System.out.println("poll with timeout on empty: " + q.poll(10, TimeUnit.MILLISECONDS));

        // producers that wait for their consumer, several at once
        LinkedTransferQueue<Integer> numbers = new LinkedTransferQueue<>();
        List<Thread> producers = new ArrayList<>();
        for (int p = 0; p < 3; p++) {
            int base = p * 100;
            producers.add(Thread.ofPlatform().name("producer-", p).start(() -> {
                try {
                    for (int i = 0; i < 5; i++) {
                        numbers.transfer(base + i);
                    }
                } catch (InterruptedException e) {
                    throw new RuntimeException(e);
                }
            }));
        }
        long sum = 0;
        for (int i = 0; i < 15; i++) {
            sum += numbers.take();
        }
        for (Thread t : producers) {
            t.join();
            System.out.println(t.getName() + " done");
        }
        System.out.println("sum of transferred " + sum);

        // Thread.ofPlatform builders
        Thread unnamed = Thread.ofPlatform().unstarted(() -> { });
        System.out.println("unnamed platform thread: " + unnamed.getName().startsWith("Thread-") + " daemon "
                + unnamed.isDaemon() + " virtual " + unnamed.isVirtual());
        Thread daemon = Thread.ofPlatform().name("d").daemon().priority(Thread.MAX_PRIORITY).stackSize(1 << 20)
                .unstarted(() -> { });
        System.out.println(daemon.getName() + " daemon " + daemon.isDaemon() + " priority " + daemon.getPriority());
        ThreadFactory factory = Thread.ofPlatform().name("worker-", 1).factory();
        System.out.println(factory.newThread(() -> { }).getName() + " " + factory.newThread(() -> { }).getName());
        StringBuilder seen = new StringBuilder();
        Thread failing = Thread.ofPlatform().name("failing").uncaughtExceptionHandler((t, e) ->
                seen.append(t.getName()).append(": ").append(e.getMessage())).start(() -> {
                    throw new IllegalStateException("from the builder's thread");
                });
        failing.join();
        System.out.println("handler saw " + seen);
        try {
            Thread.ofPlatform().priority(11);
        } catch (IllegalArgumentException e) {
            System.out.println("priority 11: IllegalArgumentException");
        }
        try {
            Thread.ofPlatform().name("x", -1);
        } catch (IllegalArgumentException e) {
            System.out.println("negative start: " + e.getMessage());
        }
    }
}
