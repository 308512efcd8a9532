import java.util.*;
import java.util.concurrent.*;
import java.util.concurrent.atomic.*;

/** CompletableFuture's async side: supplyAsync/runAsync, *Async stages on executors, timeouts, delayed executors. */
public class ConcCompletableAsync {
    public static void main(String[] args) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(3, r -> new Thread(r, "cf-worker"));
        CompletableFuture<Integer> sum = CompletableFuture.supplyAsync(() -> 40, pool)
                .thenApplyAsync(x -> x + 2, pool)
                .thenCombineAsync(CompletableFuture.supplyAsync(() -> 100), Integer::sum, pool);
        System.out.println("sum: " + sum.get(30, TimeUnit.SECONDS));
        System.out.println("runs on: " + CompletableFuture.supplyAsync(() -> Thread.currentThread().getName(), pool).join());
        AtomicInteger counter = new AtomicInteger();
        List<CompletableFuture<Void>> many = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            many.add(CompletableFuture.runAsync(counter::incrementAndGet, pool));
        }
        CompletableFuture.allOf(many.toArray(new CompletableFuture[0])).join();
        System.out.println("200 runAsync: " + counter.get());
        System.out.println("default executor: " + CompletableFuture.supplyAsync(() -> "ok").thenApplyAsync(s -> s + "!").join());
        CompletableFuture<String> failing = CompletableFuture.supplyAsync(() -> {
            throw new UnsupportedOperationException("async failure");
        }, pool);
        try {
            failing.join();
        } catch (CompletionException e) {
            System.out.println("join: " + e.getCause());
        }
        System.out.println("handleAsync: " + failing.handleAsync((v, e) -> "recovered from " + e.getCause().getMessage(), pool).join());
        System.out.println("exceptionallyAsync: " + failing.exceptionallyAsync(e -> "fallback", pool).join());
        System.out.println("thenComposeAsync: " + CompletableFuture.completedFuture(5).thenComposeAsync(x -> CompletableFuture.supplyAsync(() -> x * 5, pool), pool).join());

        CompletableFuture<String> never = new CompletableFuture<>();
        try {
            never.orTimeout(50, TimeUnit.MILLISECONDS).join();
        } catch (CompletionException e) {
            System.out.println("orTimeout: " + e.getCause().getClass().getName());
        }
        System.out.println("completeOnTimeout: " + new CompletableFuture<String>().completeOnTimeout("default", 50, TimeUnit.MILLISECONDS).join());
        System.out.println("completed before timeout: " + CompletableFuture.completedFuture("early").orTimeout(1, TimeUnit.DAYS).join());
        Executor delayed = CompletableFuture.delayedExecutor(30, TimeUnit.MILLISECONDS, pool);
        long start = System.nanoTime();
        String late = CompletableFuture.supplyAsync(() -> "delayed", delayed).join();
        System.out.println(late + " after at least 30 ms: " + (System.nanoTime() - start >= 25_000_000L));
        CompletableFuture<String> completedAsync = new CompletableFuture<String>().completeAsync(() -> "completeAsync", pool);
        System.out.println(completedAsync.join());
        CompletableFuture<String> waited = new CompletableFuture<>();
        pool.execute(() -> {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                throw new RuntimeException(e);
            }
            waited.complete("completed by another thread");
        });
        System.out.println(waited.get());
        try {
            new CompletableFuture<String>().get(20, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            System.out.println("get timed out");
        }
        pool.shutdown();
        System.out.println("terminated " + pool.awaitTermination(10, TimeUnit.SECONDS));
    }
}
