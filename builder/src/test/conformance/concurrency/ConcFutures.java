import java.util.concurrent.*;

/** FutureTask and Future: results, exceptions, cancellation with and without interrupt, timeouts, state(). */
public class ConcFutures {
    public static void main(String[] args) throws Exception {
        FutureTask<Integer> task = new FutureTask<>(() -> 6 * 7);
        System.out.println("before run: done " + task.isDone() + ", state " + task.state());
        task.run();
        System.out.println("after run: " + task.get() + ", state " + task.state() + ", resultNow " + task.resultNow());
        task.run();

        FutureTask<Integer> failing = new FutureTask<>(() -> {
            throw new ArithmeticException("bad sum");
        });
        failing.run();
        try {
            failing.get();
        } catch (ExecutionException e) {
            System.out.println("get: " + e.getClass().getName() + " caused by " + e.getCause());
        }
        System.out.println("state " + failing.state() + ", exceptionNow " + failing.exceptionNow());
        try {
            failing.resultNow();
        } catch (IllegalStateException e) {
            System.out.println("resultNow: " + e.getMessage());
        }

        ExecutorService pool = Executors.newFixedThreadPool(1);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        Future<String> sleeper = pool.submit(() -> {
            started.countDown();
            try {
                Thread.sleep(60_000);
                return "slept";
            } catch (InterruptedException e) {
                interrupted.countDown();
                throw e;
            }
        });
        started.await();
        try {
            sleeper.get(30, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            System.out.println("get with timeout: TimeoutException");
        }
        System.out.println("cancel(true): " + sleeper.cancel(true) + ", cancelled " + sleeper.isCancelled() + ", done " + sleeper.isDone());
        interrupted.await();
        System.out.println("the task saw the interrupt");
        try {
            sleeper.get();
        } catch (CancellationException e) {
            System.out.println("get after cancel: CancellationException");
        }
        System.out.println("state " + sleeper.state() + ", cancel again " + sleeper.cancel(true));

        CountDownLatch gate = new CountDownLatch(1);
        Future<String> queued = pool.submit(() -> {
            gate.await();
            return "first";
        });
        Future<String> never = pool.submit(() -> "never runs");
        System.out.println("cancel queued task: " + never.cancel(false));
        gate.countDown();
        System.out.println(queued.get());
        pool.shutdown();
        System.out.println("terminated " + pool.awaitTermination(10, TimeUnit.SECONDS) + ", cancelled " + never.isCancelled());

        ExecutorService stopper = Executors.newSingleThreadExecutor();
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        stopper.submit(() -> {
            running.countDown();
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                stopped.countDown();
            }
        });
        stopper.submit(() -> System.out.println("never printed"));
        running.await();
        System.out.println("shutdownNow returned " + stopper.shutdownNow().size() + " waiting task(s)");
        stopped.await();
        System.out.println("the running task saw the interrupt; terminated " + stopper.awaitTermination(10, TimeUnit.SECONDS));

        ExecutorService timed = Executors.newFixedThreadPool(2);
        java.util.List<Callable<String>> both = java.util.List.of(() -> "quick", () -> {
            Thread.sleep(60_000);
            return "slow";
        });
        var results = timed.invokeAll(both, 100, TimeUnit.MILLISECONDS);
        for (Future<String> r : results) {
            System.out.println("invokeAll with timeout: " + r.state());
        }
        timed.shutdownNow();
        System.out.println("terminated " + timed.awaitTermination(10, TimeUnit.SECONDS));
    }
}
