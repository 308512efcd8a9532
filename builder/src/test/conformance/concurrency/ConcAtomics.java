import java.util.*;
import java.util.concurrent.atomic.*;

/** The atomics' whole API: scalars, arrays, adders, accumulators, stamped and markable references. */
public class ConcAtomics {
    public static void main(String[] args) {
        AtomicInteger i = new AtomicInteger(5);
        System.out.println(i.getAndUpdate(x -> x * 2) + " " + i.updateAndGet(x -> x + 1) + " " + i.accumulateAndGet(3, Math::max)
                + " " + i.getAndAccumulate(100, Integer::sum) + " " + i + " cas " + i.compareAndSet(111, 0) + i.compareAndSet(1, 2) + " " + i.get());
        AtomicLong l = new AtomicLong(Long.MAX_VALUE);
        System.out.println(l.incrementAndGet() + " " + l.getAndAdd(-1) + " " + l.updateAndGet(x -> x / 2) + " " + l.getAndSet(7) + " " + l.intValue());
        AtomicBoolean b = new AtomicBoolean();
        System.out.println(b.compareAndSet(false, true) + " " + b.getAndSet(false) + " " + b.get());
        AtomicReference<String> ref = new AtomicReference<>("a");
        System.out.println(ref.getAndUpdate(s -> s + "b") + " " + ref.accumulateAndGet("c", String::concat) + " " + ref.compareAndExchange("abc", "z") + " " + ref);

        AtomicIntegerArray ia = new AtomicIntegerArray(new int[] {1, 2, 3});
        ia.incrementAndGet(0);
        ia.addAndGet(1, 10);
        ia.getAndUpdate(2, x -> x * x);
        System.out.println(ia + " length " + ia.length() + " cas " + ia.compareAndSet(0, 2, 20) + " " + ia.accumulateAndGet(0, 5, Math::min) + " " + ia);
        AtomicLongArray la = new AtomicLongArray(3);
        la.set(0, 40);
        la.getAndAdd(0, 2);
        la.decrementAndGet(2);
        System.out.println(la + " " + la.updateAndGet(1, x -> x - 5));
        AtomicReferenceArray<String> ra = new AtomicReferenceArray<>(new String[] {"x", null});
        ra.compareAndSet(1, null, "y");
        System.out.println(ra + " " + ra.getAndSet(0, "w") + " " + ra.updateAndGet(0, s -> s + s) + " " + ra.length());

        LongAdder adder = new LongAdder();
        for (int k = 0; k < 1000; k++) {
            adder.increment();
        }
        adder.add(-10);
        System.out.println("adder " + adder + " " + adder.sumThenReset() + " " + adder.sum() + " " + adder.intValue());
        DoubleAdder da = new DoubleAdder();
        da.add(0.5);
        da.add(0.25);
        System.out.println("double adder " + da + " " + da.sum());
        LongAccumulator max = new LongAccumulator(Long::max, Long.MIN_VALUE);
        for (long v : new long[] {3, 9, -2, 7}) {
            max.accumulate(v);
        }
        System.out.println("accumulator " + max.get() + " " + max.getThenReset() + " " + max);
        DoubleAccumulator prod = new DoubleAccumulator((x, y) -> x * y, 1.0);
        prod.accumulate(1.5);
        prod.accumulate(4);
        System.out.println("double accumulator " + prod.get());

        AtomicStampedReference<String> stamped = new AtomicStampedReference<>("v1", 0);
        int[] stampHolder = new int[1];
        System.out.println(stamped.compareAndSet("v1", "v2", 0, 1) + " " + stamped.compareAndSet("v2", "v3", 0, 2) + " " + stamped.get(stampHolder) + "@" + stampHolder[0]
                + " " + stamped.attemptStamp("v2", 5) + " " + stamped.getStamp());
        AtomicMarkableReference<String> marked = new AtomicMarkableReference<>("m", false);
        boolean[] markHolder = new boolean[1];
        System.out.println(marked.compareAndSet("m", "n", false, true) + " " + marked.get(markHolder) + " " + markHolder[0] + " " + marked.isMarked() + " " + marked.attemptMark("n", false));

        class Counter {
            volatile int hits;
            volatile long total;
            volatile String last;
        }
        AtomicIntegerFieldUpdater<Counter> hits = AtomicIntegerFieldUpdater.newUpdater(Counter.class, "hits");
        Counter c = new Counter();
        hits.incrementAndGet(c);
        hits.addAndGet(c, 4);
        System.out.println("field updater: " + c.hits + " " + hits.get(c));
    }
}
