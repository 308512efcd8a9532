import java.util.*;
import java.util.concurrent.*;

/** ScheduledThreadPoolExecutor: delays in order, fixed rate and fixed delay, cancellation, shutdown policies. */
public class ConcScheduled {
    public static void main(String[] args) throws Exception {
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);
        List<String> order = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch three = new CountDownLatch(3);
        scheduler.schedule(() -> { order.add("60ms"); three.countDown(); }, 60, TimeUnit.MILLISECONDS);
        scheduler.schedule(() -> { order.add("20ms"); three.countDown(); }, 20, TimeUnit.MILLISECONDS);
        scheduler.schedule(() -> { order.add("40ms"); three.countDown(); }, 40, TimeUnit.MILLISECONDS);
        three.await();
        System.out.println("by delay: " + order);
        ScheduledFuture<Integer> answer = scheduler.schedule(() -> 42, 10, TimeUnit.MILLISECONDS);
        System.out.println("callable: " + answer.get() + ", delay now <= 0: " + (answer.getDelay(TimeUnit.MILLISECONDS) <= 0));

        CountDownLatch ticks = new CountDownLatch(5);
        ScheduledFuture<?> rate = scheduler.scheduleAtFixedRate(ticks::countDown, 0, 5, TimeUnit.MILLISECONDS);
        ticks.await();
        System.out.println("fixed rate: 5 ticks, periodic cancel " + rate.cancel(false) + ", cancelled " + rate.isCancelled());
        CountDownLatch delays = new CountDownLatch(3);
        ScheduledFuture<?> delay = scheduler.scheduleWithFixedDelay(delays::countDown, 1, 5, TimeUnit.MILLISECONDS);
        delays.await();
        delay.cancel(false);
        System.out.println("fixed delay: 3 runs");
        try {
            rate.get();
        } catch (CancellationException e) {
            System.out.println("periodic get after cancel: CancellationException");
        }
        ScheduledFuture<?> failing = scheduler.scheduleAtFixedRate(() -> {
            throw new IllegalStateException("periodic failure");
        }, 0, 5, TimeUnit.MILLISECONDS);
        try {
            failing.get();
        } catch (ExecutionException e) {
            System.out.println("a periodic task that throws stops: " + e.getCause().getMessage());
        }

        ScheduledFuture<String> far = scheduler.schedule(() -> "far", 1, TimeUnit.HOURS);
        System.out.println("cancel far task: " + far.cancel(false) + ", still queued " + scheduler.getQueue().contains(far));
        scheduler.purge();
        System.out.println("purged: " + !scheduler.getQueue().contains(far));
        scheduler.setRemoveOnCancelPolicy(true);
        ScheduledFuture<?> removed = scheduler.schedule(() -> { }, 1, TimeUnit.HOURS);
        removed.cancel(false);
        System.out.println("with remove-on-cancel: queued " + scheduler.getQueue().contains(removed));

        ScheduledFuture<?> periodic = scheduler.scheduleAtFixedRate(() -> { }, 1, 1, TimeUnit.HOURS);
        ScheduledFuture<String> delayed = scheduler.schedule(() -> "delayed ran after shutdown", 30, TimeUnit.MILLISECONDS);
        scheduler.shutdown();
        System.out.println("after shutdown: periodic cancelled " + periodic.isCancelled() + ", delayed still pending " + !delayed.isDone());
        System.out.println(delayed.get());
        System.out.println("terminated " + scheduler.awaitTermination(10, TimeUnit.SECONDS));
        try {
            scheduler.schedule(() -> { }, 1, TimeUnit.SECONDS);
        } catch (RejectedExecutionException e) {
            System.out.println("schedule after shutdown: RejectedExecutionException");
        }

        ScheduledExecutorService single = Executors.newSingleThreadScheduledExecutor();
        System.out.println(single.schedule(() -> Thread.currentThread().getName(), 5, TimeUnit.MILLISECONDS).get());
        System.out.println("shutdownNow drops " + single.shutdownNow().size() + " task(s), terminated " + single.awaitTermination(10, TimeUnit.SECONDS));
    }
}
