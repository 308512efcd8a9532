import java.util.*;
import java.util.concurrent.*;

/** CompletableFuture's API on completed and pending stages: chaining, combining, errors, dependents' order. */
public class ConcCompletableFuture {
    static void show(String what, CompletableFuture<?> f) {
        try {
            System.out.println(what + ": " + f.join());
        } catch (CompletionException | CancellationException e) {
            System.out.println(what + ": join threw " + e.getClass().getSimpleName() + " (" + e.getCause() + ")");
        }
        try {
            f.get();
        } catch (ExecutionException e) {
            System.out.println(what + ": get threw ExecutionException (" + e.getCause() + ")");
        } catch (Exception e) {
            System.out.println(what + ": get threw " + e.getClass().getSimpleName());
        }
    }

    public static void main(String[] args) throws Exception {
        CompletableFuture<Integer> done = CompletableFuture.completedFuture(20);
        show("thenApply", done.thenApply(x -> x + 1));
        show("thenCompose", done.thenCompose(x -> CompletableFuture.completedFuture(x * 2)));
        show("thenCombine", done.thenCombine(CompletableFuture.completedFuture(22), Integer::sum));
        List<String> log = new ArrayList<>();
        show("thenAccept", done.thenAccept(x -> log.add("accepted " + x)));
        show("thenRun", done.thenRun(() -> log.add("ran")));
        show("thenAcceptBoth", done.thenAcceptBoth(done, (a, b) -> log.add("both " + (a + b))));
        show("runAfterBoth", done.runAfterBoth(done, () -> log.add("after both")));
        System.out.println(log);

        CompletableFuture<Integer> failed = CompletableFuture.failedFuture(new IllegalStateException("boom"));
        show("failed", failed);
        show("failed.thenApply", failed.thenApply(x -> x + 1));
        show("exceptionally", failed.exceptionally(e -> { System.out.println("exceptionally sees " + e); return -1; }));
        show("dependent exceptionally", failed.thenApply(x -> x).exceptionally(e -> { System.out.println("dependent sees " + e); return -2; }));
        show("handle", failed.handle((v, e) -> "handled " + v + " / " + e));
        show("whenComplete", failed.whenComplete((v, e) -> System.out.println("whenComplete sees " + v + " / " + e)));
        show("whenComplete throws", done.whenComplete((v, e) -> { throw new IllegalArgumentException("in action"); }));
        show("thrown in thenApply", done.thenApply(x -> x / 0));
        show("exceptionallyCompose", failed.exceptionallyCompose(e -> CompletableFuture.completedFuture(99)));
        System.out.println("isCompletedExceptionally " + failed.isCompletedExceptionally() + ", state " + failed.state() + ", exceptionNow " + failed.exceptionNow());

        CompletableFuture<String> pending = new CompletableFuture<>();
        List<String> order = new ArrayList<>();
        pending.thenRun(() -> order.add("first registered"));
        pending.thenRun(() -> order.add("second registered"));
        CompletableFuture<String> mid = pending.thenApply(s -> { order.add("apply " + s); return s + "!"; });
        mid.thenAccept(s -> order.add("nested " + s));
        pending.thenRun(() -> order.add("third registered"));
        System.out.println("dependents: " + pending.getNumberOfDependents() + ", done " + pending.isDone() + ", getNow " + pending.getNow("absent"));
        System.out.println("complete: " + pending.complete("go") + ", again: " + pending.complete("no"));
        System.out.println("order: " + order);

        CompletableFuture<String> a = new CompletableFuture<>();
        CompletableFuture<String> b = new CompletableFuture<>();
        CompletableFuture<Void> all = CompletableFuture.allOf(a, b);
        CompletableFuture<Object> any = CompletableFuture.anyOf(a, b);
        CompletableFuture<String> either = a.applyToEither(b, s -> "either " + s);
        CompletableFuture<String> combined = a.thenCombine(b, (x, y) -> x + y);
        b.complete("B");
        System.out.println("after b: all " + all.isDone() + ", any " + any.join() + ", " + either.join() + ", combined " + combined.isDone());
        a.complete("A");
        System.out.println("after a: all " + all.join() + ", combined " + combined.join());
        CompletableFuture<String> c = new CompletableFuture<>();
        CompletableFuture<String> d = new CompletableFuture<>();
        CompletableFuture<Void> allFail = CompletableFuture.allOf(c, d);
        d.completeExceptionally(new RuntimeException("d failed"));
        c.completeExceptionally(new RuntimeException("c failed"));
        show("allOf with failures", allFail);
        show("anyOf of none done yet then failed", CompletableFuture.anyOf(c));
        show("allOf()", CompletableFuture.allOf());
        System.out.println("anyOf() done: " + CompletableFuture.anyOf().isDone());

        CompletableFuture<String> cancelled = new CompletableFuture<>();
        CompletableFuture<String> afterCancel = cancelled.thenApply(s -> s);
        System.out.println("cancel: " + cancelled.cancel(true) + ", isCancelled " + cancelled.isCancelled() + ", state " + cancelled.state());
        show("cancelled", cancelled);
        show("dependent of cancelled", afterCancel);
        System.out.println("dependent isCancelled " + afterCancel.isCancelled() + ", state " + afterCancel.state());

        CompletableFuture<String> obtruded = CompletableFuture.completedFuture("x");
        obtruded.obtrudeValue("y");
        System.out.println("obtrude: " + obtruded.join());
        CompletableFuture<Integer> copy = done.copy();
        System.out.println("copy: " + copy.join() + ", toCompletableFuture is self " + (done.toCompletableFuture() == done));
        CompletionStage<String> stage = CompletableFuture.completedStage("stage");
        stage.thenAccept(s -> System.out.println("completedStage: " + s));
        System.out.println("incomplete toString ends with " + new CompletableFuture<>().toString().replaceAll(".*@[0-9a-f]+", ""));
        System.out.println("failed toString ends with " + failed.toString().replaceAll(".*@[0-9a-f]+", ""));
    }
}
