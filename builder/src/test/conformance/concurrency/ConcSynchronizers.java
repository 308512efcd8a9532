import java.util.*;
import java.util.concurrent.*;
import java.util.concurrent.atomic.*;

/** CountDownLatch, CyclicBarrier, Semaphore, Phaser and Exchanger between threads. */
public class ConcSynchronizers {
    public static void main(String[] args) throws Exception {
        CountDownLatch latch = new CountDownLatch(3);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Thread t = new Thread(latch::countDown);
            threads.add(t);
            t.start();
        }
        latch.await();
        System.out.println("latch open, count " + latch.getCount() + ", timed await " + latch.await(1, TimeUnit.MILLISECONDS));
        System.out.println("closed latch times out: " + !new CountDownLatch(1).await(20, TimeUnit.MILLISECONDS));

        List<String> trips = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger generation = new AtomicInteger();
        CyclicBarrier barrier = new CyclicBarrier(3, () -> trips.add("trip " + generation.incrementAndGet()));
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Future<Integer>> arrivals = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            arrivals.add(pool.submit(() -> {
                int sum = 0;
                for (int round = 0; round < 4; round++) {
                    sum += barrier.await();
                }
                return sum;
            }));
        }
        int total = 0;
        for (Future<Integer> f : arrivals) {
            total += f.get();
        }
        System.out.println(trips + ", arrival indexes sum " + total + ", broken " + barrier.isBroken());
        CyclicBarrier lonely = new CyclicBarrier(2);
        try {
            lonely.await(20, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            System.out.println("barrier timed out, broken " + lonely.isBroken());
        }
        try {
            lonely.await();
        } catch (BrokenBarrierException e) {
            System.out.println("broken barrier: BrokenBarrierException");
        }
        lonely.reset();
        System.out.println("after reset broken " + lonely.isBroken() + ", waiting " + lonely.getNumberWaiting());

        Semaphore permits = new Semaphore(2);
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger maxInside = new AtomicInteger();
        List<Future<?>> users = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            users.add(pool.submit(() -> {
                permits.acquire();
                try {
                    maxInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
                    Thread.sleep(5);
                    inside.decrementAndGet();
                } finally {
                    permits.release();
                }
                return null;
            }));
        }
        for (Future<?> f : users) {
            f.get();
        }
        System.out.println("semaphore: at most " + maxInside.get() + " inside, permits " + permits.availablePermits());
        System.out.println("tryAcquire(3): " + permits.tryAcquire(3) + ", tryAcquire(2): " + permits.tryAcquire(2)
                + ", timed: " + permits.tryAcquire(10, TimeUnit.MILLISECONDS) + ", drain " + permits.drainPermits());
        permits.release(5);
        System.out.println("after release(5): " + permits.availablePermits());

        Phaser phaser = new Phaser(1);
        List<String> phases = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch deregistered = new CountDownLatch(3);
        for (int i = 0; i < 3; i++) {
            phaser.register();
            final int id = i;
            pool.execute(() -> {
                for (int p = 0; p < 3; p++) {
                    phaser.arriveAndAwaitAdvance();
                }
                phaser.arriveAndDeregister();
                deregistered.countDown();
            });
        }
        for (int p = 0; p < 3; p++) {
            int phase = phaser.arriveAndAwaitAdvance();
            phases.add("phase " + phase);
        }
        System.out.println("registered before deregistering: at least 1: " + (phaser.getRegisteredParties() >= 1));
        deregistered.await();
        System.out.println("after the workers left: " + phaser.getRegisteredParties() + " party, phase " + phaser.getPhase());
        phaser.arriveAndDeregister();
        System.out.println(phases + ", terminated " + phaser.isTerminated() + ", phase < 0: " + (phaser.getPhase() < 0));
        Phaser custom = new Phaser(1) {
            @Override
            protected boolean onAdvance(int phase, int parties) {
                System.out.println("onAdvance(" + phase + ", " + parties + ")");
                return phase >= 1;
            }
        };
        custom.arrive();
        custom.arrive();
        System.out.println("custom phaser terminated " + custom.isTerminated());
        try {
            new Phaser().arrive();
        } catch (IllegalStateException e) {
            System.out.println("arrive without parties: IllegalStateException");
        }

        Exchanger<String> exchanger = new Exchanger<>();
        Future<String> other = pool.submit(() -> exchanger.exchange("from worker"));
        System.out.println("main got: " + exchanger.exchange("from main") + ", worker got: " + other.get());
        try {
            exchanger.exchange("alone", 20, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            System.out.println("exchange timed out");
        }
        pool.shutdown();
        System.out.println("terminated " + pool.awaitTermination(10, TimeUnit.SECONDS));
        for (Thread t : threads) {
            t.join();
        }
    }
}
