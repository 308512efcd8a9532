package dev.kiln.libos.classlib.java.util.concurrent;

import dev.kiln.libos.concurrent.Waits;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * TCompletableFuture as the JDK specifies it, and in the JDK's order: dependents wait on a stack
 * (last registered, first run) that the completing thread unwinds iteratively, dependents of
 * dependents included; a stage's exception reaches its dependents wrapped in a
 * CompletionException; non-async actions run on the completing thread, or on the caller's when
 * the stage is already complete. Async actions without an executor go to the common pool when
 * its parallelism is above 1, else to a new thread each, as on HotSpot. Blocking get/join wait
 * on this object's monitor.
 */
@SuppressWarnings({"unchecked", "rawtypes"})
public class TCompletableFuture<T> implements Future<T>, TCompletionStage<T> {
    static final class AltResult {
        final Throwable ex;

        AltResult(Throwable ex) {
            this.ex = ex;
        }
    }

    static final AltResult NIL = new AltResult(null);
    private static final int SYNC = 0;
    private static final int ASYNC = 1;
    private static final int NESTED = -1;

    volatile Object result;
    Completion stack;
    private int waiters;

    public TCompletableFuture() {
    }

    TCompletableFuture(Object r) {
        this.result = r;
    }

    // ---- results

    private boolean setResult(Object r) {
        if (result != null) {
            return false;
        }
        result = r;
        if (waiters > 0) {
            synchronized (this) {
                notifyAll();
            }
        }
        return true;
    }

    final boolean completeNull() {
        return setResult(NIL);
    }

    final boolean completeValue(Object t) {
        return setResult(t == null ? NIL : t);
    }

    static AltResult encodeThrowable(Throwable x) {
        return new AltResult(x instanceof CompletionException ? x : new CompletionException(x));
    }

    final boolean completeThrowable(Throwable x) {
        return setResult(encodeThrowable(x));
    }

    static Object encodeThrowable(Throwable x, Object r) {
        if (!(x instanceof CompletionException)) {
            x = new CompletionException(x);
        } else if (r instanceof AltResult a && x == a.ex) {
            return r;
        }
        return new AltResult(x);
    }

    final boolean completeThrowable(Throwable x, Object r) {
        return setResult(encodeThrowable(x, r));
    }

    static Object encodeRelay(Object r) {
        Throwable x;
        if (r instanceof AltResult a && (x = a.ex) != null && !(x instanceof CompletionException)) {
            r = new AltResult(new CompletionException(x));
        }
        return r;
    }

    final boolean completeRelay(Object r) {
        return setResult(encodeRelay(r));
    }

    final boolean internalComplete(Object r) {
        return setResult(r);
    }

    /** A cancellation seen by get/join/getNow: a new exception naming the method, the cancellation its cause (JDK 23+). */
    private static CancellationException cancelled(String method, CancellationException cause) {
        CancellationException e = new CancellationException(method);
        e.initCause(cause);
        return e;
    }

    private static Object reportGet(Object r, String method) throws ExecutionException {
        if (r instanceof AltResult a) {
            Throwable x = a.ex;
            if (x == null) {
                return null;
            }
            if (x instanceof CancellationException c) {
                throw cancelled(method, c);
            }
            Throwable cause;
            if (x instanceof CompletionException && (cause = x.getCause()) != null) {
                x = cause;
            }
            throw new ExecutionException(x);
        }
        return r;
    }

    private static Object reportJoin(Object r, String method) {
        if (r instanceof AltResult a) {
            Throwable x = a.ex;
            if (x == null) {
                return null;
            }
            if (x instanceof CancellationException c) {
                throw cancelled(method, c);
            }
            if (x instanceof CompletionException c) {
                throw c;
            }
            throw new CompletionException(x);
        }
        return r;
    }

    // ---- the dependents' stack

    abstract static class Completion implements Runnable {
        Completion next;

        /** Fires if it can; in NESTED mode returns the completed dependent whose own dependents are due. */
        abstract TCompletableFuture<?> tryFire(int mode);

        abstract boolean isLive();

        @Override
        public void run() {
            tryFire(ASYNC);
        }
    }

    final void push(Completion c) {
        c.next = stack;
        stack = c;
    }

    final void unipush(Completion c) {
        if (result != null) {
            c.tryFire(SYNC);
        } else {
            push(c);
        }
    }

    /** Runs every dependent (the JDK's traversal: dependents' dependents are moved onto this stack). */
    final void postComplete() {
        TCompletableFuture<?> f = this;
        Completion h;
        while ((h = f.stack) != null || (f != this && (h = (f = this).stack) != null)) {
            TCompletableFuture<?> d;
            Completion t = h.next;
            f.stack = t;
            if (t != null) {
                if (f != this) {
                    push(h);
                    continue;
                }
                h.next = null;
            }
            d = h.tryFire(NESTED);
            f = d == null ? this : d;
        }
    }

    final void cleanStack() {
        Completion p = stack;
        Completion prev = null;
        while (p != null) {
            Completion n = p.next;
            if (p.isLive()) {
                prev = p;
            } else if (prev == null) {
                stack = n;
            } else {
                prev.next = n;
            }
            p = n;
        }
    }

    final TCompletableFuture<T> postFire(TCompletableFuture<?> a, int mode) {
        if (a != null && a.stack != null) {
            if (a.result == null) {
                a.cleanStack();
            } else if (mode >= 0) {
                a.postComplete();
            }
        }
        if (result != null && stack != null) {
            if (mode < 0) {
                return this;
            }
            postComplete();
        }
        return null;
    }

    final TCompletableFuture<T> postFire(TCompletableFuture<?> a, TCompletableFuture<?> b, int mode) {
        if (b != null && b.stack != null) {
            if (b.result == null) {
                b.cleanStack();
            } else if (mode >= 0) {
                b.postComplete();
            }
        }
        return postFire(a, mode);
    }

    /** How a one-source stage treats its source's outcome. */
    private static final int ON_VALUE = 0;
    private static final int ALWAYS = 1;
    private static final int ON_EXCEPTION = 2;

    interface UniBody {
        /** Completes d from the source's result r (a value, NIL or an AltResult). */
        void run(TCompletableFuture d, Object r) throws Throwable;
    }

    /** A dependent of one stage. */
    static final class UniCompletion extends Completion {
        Executor executor;
        TCompletableFuture dep;
        TCompletableFuture src;
        UniBody body;
        final int kind;

        UniCompletion(Executor executor, TCompletableFuture dep, TCompletableFuture src, int kind, UniBody body) {
            this.executor = executor;
            this.dep = dep;
            this.src = src;
            this.kind = kind;
            this.body = body;
        }

        /** Hands the work to the executor once; true if it is to run here and now. */
        final boolean claim() {
            Executor e = executor;
            if (e == null) {
                return true;
            }
            executor = null;
            e.execute(this);
            return false;
        }

        @Override
        TCompletableFuture<?> tryFire(int mode) {
            TCompletableFuture d = dep;
            TCompletableFuture a = src;
            Object r;
            if (d == null || a == null || (r = a.result) == null) {
                return null;
            }
            if (d.result == null) {
                Throwable x = r instanceof AltResult alt ? alt.ex : null;
                if (kind == ON_VALUE && x != null) {
                    d.completeThrowable(x, r);
                } else if (kind == ON_EXCEPTION && x == null) {
                    d.internalComplete(r);
                } else {
                    if (mode <= 0 && !claim()) {
                        return null;
                    }
                    try {
                        body.run(d, r);
                    } catch (Throwable ex) {
                        d.completeThrowable(ex);
                    }
                }
            }
            src = null;
            dep = null;
            body = null;
            return d.postFire(a, mode);
        }

        @Override
        boolean isLive() {
            return dep != null;
        }
    }

    /** Copies a stage's outcome to another (thenCompose's result, copy(), anyOf of one). */
    static final class UniRelay extends Completion {
        TCompletableFuture dep;
        TCompletableFuture src;

        UniRelay(TCompletableFuture dep, TCompletableFuture src) {
            this.dep = dep;
            this.src = src;
        }

        @Override
        TCompletableFuture<?> tryFire(int mode) {
            TCompletableFuture d = dep;
            TCompletableFuture a = src;
            Object r;
            if (d == null || a == null || (r = a.result) == null) {
                return null;
            }
            if (d.result == null) {
                d.completeRelay(r);
            }
            src = null;
            dep = null;
            return d.postFire(a, mode);
        }

        @Override
        boolean isLive() {
            return dep != null;
        }
    }

    interface BiBody {
        void run(TCompletableFuture d, Object r, Object s) throws Throwable;
    }

    /** A dependent of two stages: both (fires when both are done) or either (when one is). */
    static final class BiCompletion extends Completion {
        Executor executor;
        TCompletableFuture dep;
        TCompletableFuture src;
        TCompletableFuture snd;
        BiBody body;
        final boolean either;

        BiCompletion(Executor executor, TCompletableFuture dep, TCompletableFuture src, TCompletableFuture snd,
                boolean either, BiBody body) {
            this.executor = executor;
            this.dep = dep;
            this.src = src;
            this.snd = snd;
            this.either = either;
            this.body = body;
        }

        final boolean claim() {
            Executor e = executor;
            if (e == null) {
                return true;
            }
            executor = null;
            e.execute(this);
            return false;
        }

        @Override
        TCompletableFuture<?> tryFire(int mode) {
            TCompletableFuture d = dep;
            TCompletableFuture a = src;
            TCompletableFuture b = snd;
            if (d == null || a == null || b == null) {
                return null;
            }
            Object r = a.result;
            Object s = b.result;
            if (either) {
                if (r == null && (r = s) == null) {
                    return null;
                }
            } else if (r == null || s == null) {
                return null;
            }
            if (d.result == null) {
                Throwable x = null;
                Object z = null;
                if (r instanceof AltResult alt && alt.ex != null) {
                    x = alt.ex;
                    z = r;
                } else if (!either && s instanceof AltResult alt2 && alt2.ex != null) {
                    x = alt2.ex;
                    z = s;
                }
                if (x != null) {
                    d.completeThrowable(x, z);
                } else {
                    if (mode <= 0 && !claim()) {
                        return null;
                    }
                    try {
                        body.run(d, r, s);
                    } catch (Throwable ex) {
                        d.completeThrowable(ex);
                    }
                }
            }
            src = null;
            snd = null;
            dep = null;
            body = null;
            return d.postFire(a, b, mode);
        }

        @Override
        boolean isLive() {
            return dep != null;
        }
    }

    /** A BiCompletion's place on its second source's stack. */
    static final class CoCompletion extends Completion {
        BiCompletion base;

        CoCompletion(BiCompletion base) {
            this.base = base;
        }

        @Override
        TCompletableFuture<?> tryFire(int mode) {
            BiCompletion c = base;
            TCompletableFuture<?> d;
            if (c == null || (d = c.tryFire(mode)) == null) {
                return null;
            }
            base = null;
            return d;
        }

        @Override
        boolean isLive() {
            BiCompletion c = base;
            return c != null && c.dep != null;
        }
    }

    final void bipush(TCompletableFuture<?> b, BiCompletion c) {
        if (result == null) {
            push(c);
            if (b.result == null) {
                b.push(new CoCompletion(c));
            } else if (result != null) {
                c.tryFire(SYNC);
            }
            return;
        }
        b.unipush(c);
    }

    final void orpush(TCompletableFuture<?> b, BiCompletion c) {
        push(c);
        b.push(new CoCompletion(c));
    }

    // ---- stages

    private static final boolean USE_COMMON_POOL = ForkJoinPool.getCommonPoolParallelism() > 1;
    private static final Executor ASYNC_POOL = USE_COMMON_POOL ? ForkJoinPool.commonPool() : new ThreadPerTaskExecutor();

    /** TCompletableFuture's fallback when the common pool has a parallelism of 1: a new thread per task. */
    static final class ThreadPerTaskExecutor implements Executor {
        @Override
        public void execute(Runnable r) {
            if (r == null) {
                throw new NullPointerException();
            }
            new Thread(r).start();
        }
    }

    static Executor screenExecutor(Executor e) {
        if (!USE_COMMON_POOL && e == ForkJoinPool.commonPool()) {
            return ASYNC_POOL;
        }
        if (e == null) {
            throw new NullPointerException();
        }
        return e;
    }

    private <V> TCompletableFuture<V> uniStage(Executor e, int kind, UniBody body) {
        TCompletableFuture<V> d = newIncompleteFuture();
        UniCompletion c = new UniCompletion(e, d, this, kind, body);
        if (result != null) {
            c.tryFire(SYNC);
        } else {
            push(c);
        }
        return d;
    }

    private <V> TCompletableFuture<V> biStage(Executor e, TCompletionStage<?> o, BiBody body) {
        TCompletableFuture<?> b = (TCompletableFuture<?>) o.toCompletableFuture();
        if (b == null) {
            throw new NullPointerException();
        }
        TCompletableFuture<V> d = newIncompleteFuture();
        BiCompletion c = new BiCompletion(e, d, this, b, false, body);
        if (result == null || b.result == null) {
            bipush(b, c);
            c.tryFire(SYNC);
        } else {
            c.tryFire(SYNC);
        }
        return d;
    }

    private <V> TCompletableFuture<V> orStage(Executor e, TCompletionStage<?> o, UniBody body) {
        TCompletableFuture<?> b = (TCompletableFuture<?>) o.toCompletableFuture();
        if (b == null) {
            throw new NullPointerException();
        }
        Object r;
        TCompletableFuture<?> z;
        if ((r = (z = this).result) != null || (r = (z = b).result) != null) {
            return z.uniStage(e, ON_VALUE, body);
        }
        TCompletableFuture<V> d = newIncompleteFuture();
        BiCompletion c = new BiCompletion(e, d, this, b, true, (dd, rr, ss) -> body.run(dd, rr));
        orpush(b, c);
        c.tryFire(SYNC);
        return d;
    }

    private static Object value(Object r) {
        return r == NIL ? null : r;
    }

    private static Throwable exception(Object r) {
        return r instanceof AltResult a ? a.ex : null;
    }

    private static UniBody apply(Function fn) {
        if (fn == null) {
            throw new NullPointerException();
        }
        return (d, r) -> d.completeValue(fn.apply(value(r)));
    }

    private static UniBody accept(Consumer action) {
        if (action == null) {
            throw new NullPointerException();
        }
        return (d, r) -> {
            action.accept(value(r));
            d.completeNull();
        };
    }

    private static UniBody run(Runnable action) {
        if (action == null) {
            throw new NullPointerException();
        }
        return (d, r) -> {
            action.run();
            d.completeNull();
        };
    }

    private static UniBody compose(Function fn) {
        if (fn == null) {
            throw new NullPointerException();
        }
        return (d, r) -> {
            TCompletableFuture g = (TCompletableFuture) ((TCompletionStage) fn.apply(value(r)))
                    .toCompletableFuture();
            relayFrom(d, g);
        };
    }

    private static UniBody composeOnException(Function fn) {
        if (fn == null) {
            throw new NullPointerException();
        }
        return (d, r) -> {
            TCompletableFuture g = (TCompletableFuture) ((TCompletionStage) fn.apply(exception(r)))
                    .toCompletableFuture();
            relayFrom(d, g);
        };
    }

    private static void relayFrom(TCompletableFuture d, TCompletableFuture g) {
        Object s = g.result;
        if (s != null) {
            d.completeRelay(s);
        } else {
            g.unipush(new UniRelay(d, g));
        }
    }

    @Override
    public <U> TCompletableFuture<U> thenApply(Function<? super T, ? extends U> fn) {
        return uniStage(null, ON_VALUE, apply(fn));
    }

    @Override
    public <U> TCompletableFuture<U> thenApplyAsync(Function<? super T, ? extends U> fn) {
        return uniStage(defaultExecutor(), ON_VALUE, apply(fn));
    }

    @Override
    public <U> TCompletableFuture<U> thenApplyAsync(Function<? super T, ? extends U> fn, Executor executor) {
        return uniStage(screenExecutor(executor), ON_VALUE, apply(fn));
    }

    @Override
    public TCompletableFuture<Void> thenAccept(Consumer<? super T> action) {
        return uniStage(null, ON_VALUE, accept(action));
    }

    @Override
    public TCompletableFuture<Void> thenAcceptAsync(Consumer<? super T> action) {
        return uniStage(defaultExecutor(), ON_VALUE, accept(action));
    }

    @Override
    public TCompletableFuture<Void> thenAcceptAsync(Consumer<? super T> action, Executor executor) {
        return uniStage(screenExecutor(executor), ON_VALUE, accept(action));
    }

    @Override
    public TCompletableFuture<Void> thenRun(Runnable action) {
        return uniStage(null, ON_VALUE, run(action));
    }

    @Override
    public TCompletableFuture<Void> thenRunAsync(Runnable action) {
        return uniStage(defaultExecutor(), ON_VALUE, run(action));
    }

    @Override
    public TCompletableFuture<Void> thenRunAsync(Runnable action, Executor executor) {
        return uniStage(screenExecutor(executor), ON_VALUE, run(action));
    }

    private static <U, V> BiBody combine(BiFunction<?, ?, ?> fn) {
        if (fn == null) {
            throw new NullPointerException();
        }
        BiFunction f = fn;
        return (d, r, s) -> d.completeValue(f.apply(value(r), value(s)));
    }

    private static BiBody acceptBoth(BiConsumer<?, ?> action) {
        if (action == null) {
            throw new NullPointerException();
        }
        BiConsumer f = action;
        return (d, r, s) -> {
            f.accept(value(r), value(s));
            d.completeNull();
        };
    }

    private static BiBody runBoth(Runnable action) {
        if (action == null) {
            throw new NullPointerException();
        }
        return (d, r, s) -> {
            action.run();
            d.completeNull();
        };
    }

    @Override
    public <U, V> TCompletableFuture<V> thenCombine(TCompletionStage<? extends U> other,
            BiFunction<? super T, ? super U, ? extends V> fn) {
        return biStage(null, other, combine(fn));
    }

    @Override
    public <U, V> TCompletableFuture<V> thenCombineAsync(TCompletionStage<? extends U> other,
            BiFunction<? super T, ? super U, ? extends V> fn) {
        return biStage(defaultExecutor(), other, combine(fn));
    }

    @Override
    public <U, V> TCompletableFuture<V> thenCombineAsync(TCompletionStage<? extends U> other,
            BiFunction<? super T, ? super U, ? extends V> fn, Executor executor) {
        return biStage(screenExecutor(executor), other, combine(fn));
    }

    @Override
    public <U> TCompletableFuture<Void> thenAcceptBoth(TCompletionStage<? extends U> other,
            BiConsumer<? super T, ? super U> action) {
        return biStage(null, other, acceptBoth(action));
    }

    @Override
    public <U> TCompletableFuture<Void> thenAcceptBothAsync(TCompletionStage<? extends U> other,
            BiConsumer<? super T, ? super U> action) {
        return biStage(defaultExecutor(), other, acceptBoth(action));
    }

    @Override
    public <U> TCompletableFuture<Void> thenAcceptBothAsync(TCompletionStage<? extends U> other,
            BiConsumer<? super T, ? super U> action, Executor executor) {
        return biStage(screenExecutor(executor), other, acceptBoth(action));
    }

    @Override
    public TCompletableFuture<Void> runAfterBoth(TCompletionStage<?> other, Runnable action) {
        return biStage(null, other, runBoth(action));
    }

    @Override
    public TCompletableFuture<Void> runAfterBothAsync(TCompletionStage<?> other, Runnable action) {
        return biStage(defaultExecutor(), other, runBoth(action));
    }

    @Override
    public TCompletableFuture<Void> runAfterBothAsync(TCompletionStage<?> other, Runnable action,
            Executor executor) {
        return biStage(screenExecutor(executor), other, runBoth(action));
    }

    @Override
    public <U> TCompletableFuture<U> applyToEither(TCompletionStage<? extends T> other, Function<? super T, U> fn) {
        return orStage(null, other, apply(fn));
    }

    @Override
    public <U> TCompletableFuture<U> applyToEitherAsync(TCompletionStage<? extends T> other,
            Function<? super T, U> fn) {
        return orStage(defaultExecutor(), other, apply(fn));
    }

    @Override
    public <U> TCompletableFuture<U> applyToEitherAsync(TCompletionStage<? extends T> other,
            Function<? super T, U> fn, Executor executor) {
        return orStage(screenExecutor(executor), other, apply(fn));
    }

    @Override
    public TCompletableFuture<Void> acceptEither(TCompletionStage<? extends T> other, Consumer<? super T> action) {
        return orStage(null, other, accept(action));
    }

    @Override
    public TCompletableFuture<Void> acceptEitherAsync(TCompletionStage<? extends T> other,
            Consumer<? super T> action) {
        return orStage(defaultExecutor(), other, accept(action));
    }

    @Override
    public TCompletableFuture<Void> acceptEitherAsync(TCompletionStage<? extends T> other,
            Consumer<? super T> action, Executor executor) {
        return orStage(screenExecutor(executor), other, accept(action));
    }

    @Override
    public TCompletableFuture<Void> runAfterEither(TCompletionStage<?> other, Runnable action) {
        return orStage(null, other, run(action));
    }

    @Override
    public TCompletableFuture<Void> runAfterEitherAsync(TCompletionStage<?> other, Runnable action) {
        return orStage(defaultExecutor(), other, run(action));
    }

    @Override
    public TCompletableFuture<Void> runAfterEitherAsync(TCompletionStage<?> other, Runnable action,
            Executor executor) {
        return orStage(screenExecutor(executor), other, run(action));
    }

    @Override
    public <U> TCompletableFuture<U> thenCompose(Function<? super T, ? extends TCompletionStage<U>> fn) {
        return uniStage(null, ON_VALUE, compose(fn));
    }

    @Override
    public <U> TCompletableFuture<U> thenComposeAsync(Function<? super T, ? extends TCompletionStage<U>> fn) {
        return uniStage(defaultExecutor(), ON_VALUE, compose(fn));
    }

    @Override
    public <U> TCompletableFuture<U> thenComposeAsync(Function<? super T, ? extends TCompletionStage<U>> fn,
            Executor executor) {
        return uniStage(screenExecutor(executor), ON_VALUE, compose(fn));
    }

    private static UniBody handleBody(BiFunction fn) {
        if (fn == null) {
            throw new NullPointerException();
        }
        return (d, r) -> d.completeValue(fn.apply(r instanceof AltResult ? null : r, exception(r)));
    }

    private static UniBody whenCompleteBody(BiConsumer action) {
        if (action == null) {
            throw new NullPointerException();
        }
        return (d, r) -> {
            Throwable x = exception(r);
            try {
                action.accept(r instanceof AltResult ? null : r, x);
                if (x == null) {
                    d.internalComplete(r);
                    return;
                }
            } catch (Throwable ex) {
                if (x == null) {
                    x = ex;
                } else if (x != ex) {
                    x.addSuppressed(ex);
                }
            }
            d.completeThrowable(x, r);
        };
    }

    private static UniBody exceptionallyBody(Function fn) {
        if (fn == null) {
            throw new NullPointerException();
        }
        return (d, r) -> d.completeValue(fn.apply(exception(r)));
    }

    @Override
    public <U> TCompletableFuture<U> handle(BiFunction<? super T, Throwable, ? extends U> fn) {
        return uniStage(null, ALWAYS, handleBody(fn));
    }

    @Override
    public <U> TCompletableFuture<U> handleAsync(BiFunction<? super T, Throwable, ? extends U> fn) {
        return uniStage(defaultExecutor(), ALWAYS, handleBody(fn));
    }

    @Override
    public <U> TCompletableFuture<U> handleAsync(BiFunction<? super T, Throwable, ? extends U> fn,
            Executor executor) {
        return uniStage(screenExecutor(executor), ALWAYS, handleBody(fn));
    }

    @Override
    public TCompletableFuture<T> whenComplete(BiConsumer<? super T, ? super Throwable> action) {
        return uniStage(null, ALWAYS, whenCompleteBody(action));
    }

    @Override
    public TCompletableFuture<T> whenCompleteAsync(BiConsumer<? super T, ? super Throwable> action) {
        return uniStage(defaultExecutor(), ALWAYS, whenCompleteBody(action));
    }

    @Override
    public TCompletableFuture<T> whenCompleteAsync(BiConsumer<? super T, ? super Throwable> action,
            Executor executor) {
        return uniStage(screenExecutor(executor), ALWAYS, whenCompleteBody(action));
    }

    @Override
    public TCompletableFuture<T> exceptionally(Function<Throwable, ? extends T> fn) {
        return uniStage(null, ON_EXCEPTION, exceptionallyBody(fn));
    }

    @Override
    public TCompletableFuture<T> exceptionallyAsync(Function<Throwable, ? extends T> fn) {
        return uniStage(defaultExecutor(), ON_EXCEPTION, exceptionallyBody(fn));
    }

    @Override
    public TCompletableFuture<T> exceptionallyAsync(Function<Throwable, ? extends T> fn, Executor executor) {
        return uniStage(screenExecutor(executor), ON_EXCEPTION, exceptionallyBody(fn));
    }

    @Override
    public TCompletableFuture<T> exceptionallyCompose(Function<Throwable, ? extends TCompletionStage<T>> fn) {
        return uniStage(null, ON_EXCEPTION, composeOnException(fn));
    }

    @Override
    public TCompletableFuture<T> exceptionallyComposeAsync(Function<Throwable, ? extends TCompletionStage<T>> fn) {
        return uniStage(defaultExecutor(), ON_EXCEPTION, composeOnException(fn));
    }

    @Override
    public TCompletableFuture<T> exceptionallyComposeAsync(Function<Throwable, ? extends TCompletionStage<T>> fn,
            Executor executor) {
        return uniStage(screenExecutor(executor), ON_EXCEPTION, composeOnException(fn));
    }

    @Override
    public TCompletableFuture<T> toCompletableFuture() {
        return this;
    }

    // ---- sources

    public static <U> TCompletableFuture<U> supplyAsync(Supplier<U> supplier) {
        return asyncSupply(ASYNC_POOL, supplier);
    }

    public static <U> TCompletableFuture<U> supplyAsync(Supplier<U> supplier, Executor executor) {
        return asyncSupply(screenExecutor(executor), supplier);
    }

    public static TCompletableFuture<Void> runAsync(Runnable runnable) {
        return asyncRun(ASYNC_POOL, runnable);
    }

    public static TCompletableFuture<Void> runAsync(Runnable runnable, Executor executor) {
        return asyncRun(screenExecutor(executor), runnable);
    }

    private static <U> TCompletableFuture<U> asyncSupply(Executor e, Supplier<U> f) {
        if (f == null) {
            throw new NullPointerException();
        }
        TCompletableFuture<U> d = new TCompletableFuture<>();
        e.execute(new AsyncTask(d, () -> d.completeValue(f.get())));
        return d;
    }

    private static TCompletableFuture<Void> asyncRun(Executor e, Runnable f) {
        if (f == null) {
            throw new NullPointerException();
        }
        TCompletableFuture<Void> d = new TCompletableFuture<>();
        e.execute(new AsyncTask(d, () -> {
            f.run();
            d.completeNull();
        }));
        return d;
    }

    /** supplyAsync's and runAsync's task: completes its future and runs its dependents. */
    static final class AsyncTask implements Runnable {
        private TCompletableFuture<?> dep;
        private Runnable body;

        AsyncTask(TCompletableFuture<?> dep, Runnable body) {
            this.dep = dep;
            this.body = body;
        }

        @Override
        public void run() {
            TCompletableFuture<?> d = dep;
            Runnable f = body;
            if (d != null && f != null) {
                dep = null;
                body = null;
                if (d.result == null) {
                    try {
                        f.run();
                    } catch (Throwable ex) {
                        d.completeThrowable(ex);
                    }
                }
                d.postComplete();
            }
        }
    }

    public static <U> TCompletableFuture<U> completedFuture(U value) {
        return new TCompletableFuture<>(value == null ? NIL : value);
    }

    public static <U> TCompletionStage<U> completedStage(U value) {
        return completedFuture(value);
    }

    public static <U> TCompletableFuture<U> failedFuture(Throwable ex) {
        if (ex == null) {
            throw new NullPointerException();
        }
        return new TCompletableFuture<>(new AltResult(ex));
    }

    public static <U> TCompletionStage<U> failedStage(Throwable ex) {
        return failedFuture(ex);
    }

    public static TCompletableFuture<Void> allOf(TCompletableFuture<?>... cfs) {
        return andTree(cfs, 0, cfs.length - 1);
    }

    private static TCompletableFuture<Void> andTree(TCompletableFuture<?>[] cfs, int lo, int hi) {
        TCompletableFuture<Void> d = new TCompletableFuture<>();
        if (lo > hi) {
            d.result = NIL;
        } else {
            int mid = (lo + hi) >>> 1;
            TCompletableFuture<?> a = lo == mid ? cfs[lo] : andTree(cfs, lo, mid);
            if (a == null) {
                throw new NullPointerException();
            }
            TCompletableFuture<?> b = lo == hi ? a : (hi == mid + 1) ? cfs[hi] : andTree(cfs, mid + 1, hi);
            if (b == null) {
                throw new NullPointerException();
            }
            Object r = a.result;
            Object s = b.result;
            BiBody relay = (dd, rr, ss) -> dd.completeNull();
            if (r == null || s == null) {
                a.bipush(b, new BiCompletion(null, d, a, b, false, relay));
            } else if (r instanceof AltResult x && x.ex != null) {
                d.result = encodeThrowable(x.ex, r);
            } else if (s instanceof AltResult y && y.ex != null) {
                d.result = encodeThrowable(y.ex, s);
            } else {
                d.result = NIL;
            }
        }
        return d;
    }

    public static TCompletableFuture<Object> anyOf(TCompletableFuture<?>... futures) {
        TCompletableFuture<?>[] cfs = futures;
        int n = cfs.length;
        if (n <= 1) {
            return n == 0 ? new TCompletableFuture<>() : (TCompletableFuture<Object>) copyOf(cfs[0]);
        }
        for (TCompletableFuture<?> cf : cfs) {
            Object r = cf.result;
            if (r != null) {
                return new TCompletableFuture<>(encodeRelay(r));
            }
        }
        TCompletableFuture<?>[] srcs = cfs.clone();
        TCompletableFuture<Object> d = new TCompletableFuture<>();
        for (TCompletableFuture<?> cf : srcs) {
            cf.unipush(new AnyOf(d, cf, srcs));
        }
        return d;
    }

    static final class AnyOf extends Completion {
        TCompletableFuture dep;
        TCompletableFuture src;
        TCompletableFuture<?>[] srcs;

        AnyOf(TCompletableFuture dep, TCompletableFuture src, TCompletableFuture<?>[] srcs) {
            this.dep = dep;
            this.src = src;
            this.srcs = srcs;
        }

        @Override
        TCompletableFuture<?> tryFire(int mode) {
            TCompletableFuture d = dep;
            TCompletableFuture a = src;
            TCompletableFuture<?>[] as = srcs;
            Object r;
            if (d == null || a == null || (r = a.result) == null || as == null) {
                return null;
            }
            dep = null;
            src = null;
            srcs = null;
            if (d.completeRelay(r)) {
                for (TCompletableFuture<?> b : as) {
                    if (b != a) {
                        b.cleanStack();
                    }
                }
                if (mode < 0) {
                    return d;
                }
                d.postComplete();
            }
            return null;
        }

        @Override
        boolean isLive() {
            TCompletableFuture d = dep;
            return d != null && d.result == null;
        }
    }

    private static <U> TCompletableFuture<U> copyOf(TCompletableFuture<U> src) {
        TCompletableFuture<U> d = src.newIncompleteFuture();
        Object r = src.result;
        if (r != null) {
            d.result = encodeRelay(r);
        } else {
            src.unipush(new UniRelay(d, src));
        }
        return d;
    }

    // ---- results, blocking

    @Override
    public boolean isDone() {
        return result != null;
    }

    private Object waitingGet(boolean interruptible) throws InterruptedException {
        Object r = result;
        if (r != null) {
            return r;
        }
        boolean interrupted = false;
        synchronized (this) {
            waiters++;
            try {
                while ((r = result) == null) {
                    if (interruptible) {
                        Waits.checkInterrupt();
                        wait();
                    } else {
                        interrupted |= Waits.waitUninterruptibly(this);
                    }
                }
            } finally {
                waiters--;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return r;
    }

    @Override
    public T get() throws InterruptedException, ExecutionException {
        return (T) reportGet(waitingGet(true), "get");
    }

    @Override
    public T get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
        long left = unit.toNanos(timeout);
        Object r = result;
        if (r == null) {
            synchronized (this) {
                waiters++;
                try {
                    Waits.checkInterrupt();
                    while ((r = result) == null) {
                        if (left <= 0) {
                            throw new TimeoutException();
                        }
                        left = Waits.waitNanos(this, left);
                    }
                } finally {
                    waiters--;
                }
            }
        }
        return (T) reportGet(r, "get");
    }

    public T join() {
        try {
            return (T) reportJoin(waitingGet(false), "join");
        } catch (InterruptedException cannotHappen) {
            throw new IllegalStateException(cannotHappen);
        }
    }

    public T getNow(T valueIfAbsent) {
        Object r = result;
        return r == null ? valueIfAbsent : (T) reportJoin(r, "getNow");
    }

    @Override
    public T resultNow() {
        Object r = result;
        if (r != null) {
            if (r instanceof AltResult alt) {
                if (alt.ex == null) {
                    return null;
                }
                if (alt.ex instanceof CancellationException) {
                    throw new IllegalStateException("Task was cancelled");
                }
                throw new IllegalStateException("Task completed with exception");
            }
            return (T) r;
        }
        throw new IllegalStateException("Task has not completed");
    }

    @Override
    public Throwable exceptionNow() {
        Object r = result;
        Throwable x;
        if (r instanceof AltResult alt && (x = alt.ex) != null) {
            if (x instanceof CancellationException) {
                throw new IllegalStateException("Task was cancelled");
            }
            if (x instanceof CompletionException) {
                Throwable cause = x.getCause();
                if (cause != null) {
                    x = cause;
                }
            }
            return x;
        }
        throw new IllegalStateException(r == null ? "Task has not completed" : "Task completed with a result");
    }

    @Override
    public State state() {
        Object r = result;
        if (r == null) {
            return State.RUNNING;
        }
        if (r instanceof AltResult alt && alt.ex != null) {
            return alt.ex instanceof CancellationException ? State.CANCELLED : State.FAILED;
        }
        return State.SUCCESS;
    }

    public boolean complete(T value) {
        boolean triggered = completeValue(value);
        postComplete();
        return triggered;
    }

    public boolean completeExceptionally(Throwable ex) {
        if (ex == null) {
            throw new NullPointerException();
        }
        boolean triggered = internalComplete(new AltResult(ex));
        postComplete();
        return triggered;
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        boolean cancelled = result == null && internalComplete(new AltResult(new CancellationException()));
        postComplete();
        return cancelled || isCancelled();
    }

    @Override
    public boolean isCancelled() {
        return result instanceof AltResult a && a.ex instanceof CancellationException;
    }

    public boolean isCompletedExceptionally() {
        return result instanceof AltResult a && a.ex != null;
    }

    public void obtrudeValue(T value) {
        result = value == null ? NIL : value;
        postComplete();
    }

    public void obtrudeException(Throwable ex) {
        if (ex == null) {
            throw new NullPointerException();
        }
        result = new AltResult(ex);
        postComplete();
    }

    public int getNumberOfDependents() {
        int count = 0;
        for (Completion p = stack; p != null; p = p.next) {
            count++;
        }
        return count;
    }

    public <U> TCompletableFuture<U> newIncompleteFuture() {
        return new TCompletableFuture<>();
    }

    public Executor defaultExecutor() {
        return ASYNC_POOL;
    }

    public TCompletableFuture<T> copy() {
        return copyOf(this);
    }

    public TCompletionStage<T> minimalCompletionStage() {
        return copyOf(this);
    }

    public TCompletableFuture<T> completeAsync(Supplier<? extends T> supplier, Executor executor) {
        if (supplier == null || executor == null) {
            throw new NullPointerException();
        }
        executor.execute(new AsyncTask(this, () -> completeValue(supplier.get())));
        return this;
    }

    public TCompletableFuture<T> completeAsync(Supplier<? extends T> supplier) {
        return completeAsync(supplier, defaultExecutor());
    }

    // ---- time

    private static ScheduledThreadPoolExecutor delayer;

    /** The JDK's single daemon thread, CompletableFutureDelayScheduler, for timeouts and delayed executors. */
    static ScheduledThreadPoolExecutor delayer() {
        if (delayer == null) {
            delayer = new ScheduledThreadPoolExecutor(1, r -> {
                Thread t = new Thread(r, "CompletableFutureDelayScheduler");
                t.setDaemon(true);
                return t;
            });
            delayer.setRemoveOnCancelPolicy(true);
        }
        return delayer;
    }

    public TCompletableFuture<T> orTimeout(long timeout, TimeUnit unit) {
        if (unit == null) {
            throw new NullPointerException();
        }
        if (result == null) {
            ScheduledFuture<?> f = delayer().schedule(() -> {
                if (result == null && completeExceptionally(new TimeoutException())) {
                    return;
                }
            }, timeout, unit);
            whenComplete((ignore, ex) -> {
                if (ex == null && !f.isDone()) {
                    f.cancel(false);
                }
            });
        }
        return this;
    }

    public TCompletableFuture<T> completeOnTimeout(T value, long timeout, TimeUnit unit) {
        if (unit == null) {
            throw new NullPointerException();
        }
        if (result == null) {
            ScheduledFuture<?> f = delayer().schedule(() -> {
                complete(value);
            }, timeout, unit);
            whenComplete((ignore, ex) -> {
                if (ex == null && !f.isDone()) {
                    f.cancel(false);
                }
            });
        }
        return this;
    }

    public static Executor delayedExecutor(long delay, TimeUnit unit, Executor executor) {
        if (unit == null || executor == null) {
            throw new NullPointerException();
        }
        return r -> delayer().schedule(() -> executor.execute(r), delay, unit);
    }

    public static Executor delayedExecutor(long delay, TimeUnit unit) {
        if (unit == null) {
            throw new NullPointerException();
        }
        return delayedExecutor(delay, unit, ASYNC_POOL);
    }

    @Override
    public String toString() {
        Object r = result;
        int count = getNumberOfDependents();
        return super.toString() + (r == null
                ? (count == 0 ? "[Not completed]" : "[Not completed, " + count + " dependents]")
                : (r instanceof AltResult a && a.ex != null
                        ? "[Completed exceptionally: " + a.ex.getClass().getName() + "]"
                        : "[Completed normally]"));
    }
}
