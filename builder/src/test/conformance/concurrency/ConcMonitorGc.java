import java.util.*;
import java.util.concurrent.*;
import java.util.concurrent.atomic.*;

/**
 * Garbage collections while green threads are parked: queued to enter a monitor, in wait(), in a
 * CountDownLatch, each holding objects only its suspended state references; every object is
 * checked after. (TeaVM keeps monitors in the object header, where its collector did not look.)
 */
public class ConcMonitorGc {
    static final Object LOCK = new Object();
    static final Object WAIT_LOCK = new Object();
    static boolean released;
    static final int PER_GROUP = 100;
    static final int NODES = 40;

    static final class Node {
        final int id;
        final int[] data;
        final String label;
        Node next;

        Node(int id, int[] data, String label) {
            this.id = id;
            this.data = data;
            this.label = label;
        }
    }

    static Node build(int seed) {
        Node head = null;
        for (int k = NODES - 1; k >= 0; k--) {
            int[] data = new int[8 + k % 16];
            for (int i = 0; i < data.length; i++) {
                data[i] = seed * 31 + k * 7 + i;
            }
            Node n = new Node(k, data, "n" + seed + "/" + k);
            n.next = head;
            head = n;
        }
        return head;
    }

    /** The list's checksum; throws if any node, array element or label is not what build(seed) made. */
    static long verify(Node head, int seed) {
        long sum = 0;
        int k = 0;
        for (Node n = head; n != null; n = n.next, k++) {
            if (n.id != k || n.data.length != 8 + k % 16 || !n.label.equals("n" + seed + "/" + k)) {
                throw new IllegalStateException("node " + k + " of " + seed + " corrupted");
            }
            for (int i = 0; i < n.data.length; i++) {
                if (n.data[i] != seed * 31 + k * 7 + i) {
                    throw new IllegalStateException("node " + k + " of " + seed + ": data[" + i + "] corrupted");
                }
                sum += n.data[i];
            }
        }
        if (k != NODES) {
            throw new IllegalStateException("list " + seed + " has " + k + " nodes");
        }
        return sum;
    }

    /** Short-lived garbage, with every 64th array kept and checked at the end. */
    static long churn(int kib, int seed) {
        List<byte[]> kept = new ArrayList<>();
        for (int i = 0; i < kib; i++) {
            byte[] b = new byte[1000];
            Arrays.fill(b, (byte) (seed + i));
            if (i % 64 == 0) {
                kept.add(b);
            }
        }
        long sum = 0;
        for (int j = 0; j < kept.size(); j++) {
            byte[] b = kept.get(j);
            for (byte x : b) {
                if (x != (byte) (seed + j * 64)) {
                    throw new IllegalStateException("kept array " + j + " corrupted");
                }
                sum += x;
            }
        }
        return sum;
    }

    public static void main(String[] args) throws Exception {
        synchronized (LOCK) {
            Node held = build(1);
            churn(4096, 1);
            System.gc();
            churn(4096, 2);
            System.out.println("monitor held across collections, list " + verify(held, 1));
        }

        AtomicLong total = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        CountDownLatch ready = new CountDownLatch(3 * PER_GROUP);
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        synchronized (LOCK) {
            for (int t = 0; t < 3 * PER_GROUP; t++) {
                final int seed = 100 + t;
                final int group = t / PER_GROUP;
                threads.add(Thread.ofVirtual().start(() -> {
                    try {
                        Node mine = build(seed);
                        if (group == 0) { // queued on the monitor main holds
                            ready.countDown();
                            synchronized (LOCK) {
                                Thread.yield();
                                total.addAndGet(verify(mine, seed));
                            }
                        } else if (group == 1) { // in wait()
                            synchronized (WAIT_LOCK) {
                                ready.countDown();
                                while (!released) {
                                    WAIT_LOCK.wait();
                                }
                            }
                            total.addAndGet(verify(mine, seed));
                        } else { // in a CountDownLatch
                            ready.countDown();
                            go.await();
                            total.addAndGet(verify(mine, seed));
                        }
                        total.addAndGet(churn(64, seed) + verify(build(seed), seed));
                    } catch (Throwable e) {
                        errors.incrementAndGet();
                        System.out.println("thread " + seed + ": " + e);
                    }
                }));
            }
            ready.await();
            churn(8192, 3);
            System.gc();
            churn(8192, 4);
        }
        synchronized (WAIT_LOCK) {
            released = true;
            WAIT_LOCK.notifyAll();
        }
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        long expected = 0;
        for (int t = 0; t < 3 * PER_GROUP; t++) {
            expected += 2 * verify(build(100 + t), 100 + t) + churn(64, 100 + t);
        }
        System.out.println(3 * PER_GROUP + " parked threads: checksum " + total.get() + ", expected " + expected
                + ", errors " + errors.get());
    }
}
