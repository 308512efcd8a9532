import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountedCompleter;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RecursiveAction;
import java.util.concurrent.RecursiveTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** ForkJoinPool with RecursiveTask, RecursiveAction and CountedCompleter: fork/join, invokeAll, exceptions, joins that must not deadlock. */
public class ConcForkJoin {
    static int zero;

    static final class Fib extends RecursiveTask<Long> {
        final int n;

        Fib(int n) {
            this.n = n;
        }

        @Override
        protected Long compute() {
            if (n < 2) {
                return (long) n;
            }
            Fib a = new Fib(n - 1);
            a.fork();
            Fib b = new Fib(n - 2);
            return b.compute() + a.join();
        }
    }

    /** Sums a range by splitting it in two with invokeAll. */
    static final class Sum extends RecursiveTask<Long> {
        final long[] data;
        final int from;
        final int to;

        Sum(long[] data, int from, int to) {
            this.data = data;
            this.from = from;
            this.to = to;
        }

        @Override
        protected Long compute() {
            if (to - from <= 1000) {
                long s = 0;
                for (int i = from; i < to; i++) {
                    s += data[i];
                }
                return s;
            }
            int mid = (from + to) >>> 1;
            Sum left = new Sum(data, from, mid);
            Sum right = new Sum(data, mid, to);
            invokeAll(left, right);
            return left.join() + right.join();
        }
    }

    /** Squares every element in place, many subtasks forked at once and joined in order. */
    static final class Square extends RecursiveAction {
        final long[] data;
        final int from;
        final int to;

        Square(long[] data, int from, int to) {
            this.data = data;
            this.from = from;
            this.to = to;
        }

        @Override
        protected void compute() {
            if (to - from <= 500) {
                for (int i = from; i < to; i++) {
                    data[i] *= data[i];
                }
                return;
            }
            List<Square> parts = new ArrayList<>();
            int step = (to - from + 3) / 4;
            for (int i = from; i < to; i += step) {
                parts.add(new Square(data, i, Math.min(to, i + step)));
            }
            invokeAll(parts);
        }
    }

    /** Counts the leaves of a tree with a CountedCompleter: each node completes when its children have. */
    static final class Leaves extends CountedCompleter<Void> {
        final AtomicLong count;
        final int depth;

        Leaves(CountedCompleter<?> parent, AtomicLong count, int depth) {
            super(parent);
            this.count = count;
            this.depth = depth;
        }

        @Override
        public void compute() {
            if (depth == 0) {
                count.incrementAndGet();
            } else {
                setPendingCount(3);
                for (int i = 0; i < 3; i++) {
                    new Leaves(this, count, depth - 1).fork();
                }
            }
            tryComplete();
        }
    }

    /** A CountedCompleter with a result: the maximum of an array, reported through onCompletion. */
    static final class Max extends CountedCompleter<Integer> {
        final int[] a;
        final int lo;
        final int hi;
        Max left;
        Max right;
        int result = Integer.MIN_VALUE;

        Max(CountedCompleter<?> parent, int[] a, int lo, int hi) {
            super(parent);
            this.a = a;
            this.lo = lo;
            this.hi = hi;
        }

        @Override
        public void compute() {
            if (hi - lo <= 16) {
                for (int i = lo; i < hi; i++) {
                    result = Math.max(result, a[i]);
                }
            } else {
                int mid = (lo + hi) >>> 1;
                left = new Max(this, a, lo, mid);
                right = new Max(this, a, mid, hi);
                setPendingCount(1);
                right.fork();
                left.compute();
                return;
            }
            tryComplete();
        }

        @Override
        public void onCompletion(CountedCompleter<?> caller) {
            if (left != null) {
                result = Math.max(left.result, right.result);
            }
        }

        @Override
        public Integer getRawResult() {
            return result;
        }
    }

    /** Every worker of a pool of 2 joins a task that another forked: helping keeps them going. */
    static final class Chain extends RecursiveTask<Integer> {
        final int n;

        Chain(int n) {
            this.n = n;
        }

        @Override
        protected Integer compute() {
            if (n == 0) {
                return 0;
            }
            Chain[] subs = new Chain[3];
            for (int i = 0; i < 3; i++) {
                subs[i] = new Chain(n - 1);
                subs[i].fork();
            }
            int s = 1;
            for (int i = 2; i >= 0; i--) {
                s += subs[i].join();
            }
            return s;
        }
    }

    public static void main(String[] args) throws Exception {
        ForkJoinPool pool = new ForkJoinPool(4);
        System.out.println("fib(22) = " + pool.invoke(new Fib(22)));
        long[] data = new long[100_000];
        for (int i = 0; i < data.length; i++) {
            data[i] = i % 1000;
        }
        System.out.println("sum = " + pool.invoke(new Sum(data, 0, data.length)));
        pool.invoke(new Square(data, 0, data.length));
        System.out.println("sum of squares = " + pool.invoke(new Sum(data, 0, data.length)));
        System.out.println("common pool fib(18) = " + ForkJoinPool.commonPool().invoke(new Fib(18)));
        System.out.println("invoke outside a pool: fib(15) = " + new Fib(15).invoke());
        AtomicLong leaves = new AtomicLong();
        pool.invoke(new Leaves(null, leaves, 6));
        System.out.println("leaves = " + leaves.get());
        int[] values = new int[1000];
        for (int i = 0; i < values.length; i++) {
            values[i] = (i * 7919) % 1009;
        }
        System.out.println("max = " + pool.invoke(new Max(null, values, 0, values.length)));
        ForkJoinPool two = new ForkJoinPool(2);
        System.out.println("chain of joins in a pool of 2: " + two.invoke(new Chain(7)));

        ForkJoinTask<Long> f = pool.submit(new Fib(10));
        System.out.println("submit then get: " + f.get() + " done " + f.isDone() + " normally " + f.isCompletedNormally()
                + " state " + f.state());
        System.out.println("submit callable: " + pool.submit(() -> "called").get());
        System.out.println("execute then awaitQuiescence: " + run(pool));

        // exceptions: a task that threw in a worker is rethrown to the joiner as a new exception of
        // the same class with the original as its cause, as HotSpot does
        ForkJoinTask<Void> bad = pool.submit(new RecursiveAction() {
            @Override
            protected void compute() {
                throw new IllegalStateException("bad task");
            }
        });
        try {
            bad.join();
        } catch (IllegalStateException e) {
            System.out.println("join: " + e + " / cause " + e.getCause());
        }
        try {
            bad.get();
        } catch (ExecutionException e) {
            System.out.println("get: " + e.getCause().getClass().getName() + " / cause " + e.getCause().getCause());
        }
        System.out.println("abnormally " + bad.isCompletedAbnormally() + " state " + bad.state());
        RecursiveTask<Integer> divide = new RecursiveTask<>() {
            @Override
            protected Integer compute() {
                return 1 / zero;
            }
        };
        try {
            divide.invoke();
        } catch (ArithmeticException e) {
            System.out.println("invoke in the caller: " + e + " / cause " + e.getCause());
        }
        ForkJoinTask<?> arith = pool.submit(ForkJoinTask.adapt(() -> {
            throw new ArithmeticException("in a worker");
        }));
        try {
            arith.join();
        } catch (ArithmeticException e) {
            System.out.println("no (Throwable) constructor: " + e + " / cause " + e.getCause());
        }
        ForkJoinTask<?> checked = pool.submit(() -> {
            throw new java.io.IOException("checked");
        });
        try {
            checked.get();
        } catch (ExecutionException e) {
            System.out.println("checked: " + e.getCause().getClass().getName() + " / " + e.getCause().getCause());
        }

        // cancellation and completion by hand
        Fib never = new Fib(5);
        System.out.println("cancel " + never.cancel(true) + " cancelled " + never.isCancelled() + " state " + never.state());
        try {
            never.join();
        } catch (CancellationException e) {
            System.out.println("join of a cancelled task: " + e);
        }
        System.out.println("getException: " + never.getException());
        Fib byHand = new Fib(30);
        byHand.complete(42L);
        System.out.println("complete(42): " + byHand.join() + " " + byHand.isCompletedNormally());
        Fib failed = new Fib(30);
        failed.completeExceptionally(new java.io.IOException("wrapped"));
        System.out.println("completeExceptionally: " + failed.getException());
        Fib again = new Fib(12);
        again.invoke();
        again.reinitialize();
        System.out.println("reinitialize: done " + again.isDone() + ", again " + again.invoke());

        System.out.println("in pool outside: " + ForkJoinTask.inForkJoinPool() + " " + ForkJoinTask.getPool());
        System.out.println("in pool inside: " + pool.submit(() -> ForkJoinTask.inForkJoinPool()
                && ForkJoinTask.getPool() != null).get());
        System.out.println("tags: " + byHand.setForkJoinTaskTag((short) 3) + " " + byHand.getForkJoinTaskTag() + " "
                + byHand.compareAndSetForkJoinTaskTag((short) 3, (short) 4) + " " + byHand.getForkJoinTaskTag());
        System.out.println("parallelism " + pool.getParallelism() + ", common >= 1 " + (ForkJoinPool.getCommonPoolParallelism() >= 1));

        pool.shutdown();
        System.out.println("terminated " + pool.awaitTermination(30, TimeUnit.SECONDS) + " shutdown " + pool.isShutdown());
        try {
            pool.submit(new Fib(3));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            System.out.println("after shutdown: RejectedExecutionException");
        }
        two.close();
        System.out.println("closed " + two.isTerminated());
    }

    private static long run(ForkJoinPool pool) {
        AtomicLong n = new AtomicLong();
        for (int i = 0; i < 100; i++) {
            pool.execute(() -> n.addAndGet(3));
        }
        pool.awaitQuiescence(30, TimeUnit.SECONDS);
        return n.get();
    }
}
