package dev.kiln.rt;

import java.util.Collection;
import java.util.Comparator;
import java.util.PriorityQueue;

/**
 * PriorityQueue(Collection) as the JDK builds it (see the builder's PriorityQueueRewrite): the
 * elements in the collection's order, heapified bottom-up (sift-down from the last parent to the
 * root, the smaller child taken, the left one on ties). TeaVM's queue then gets them offered in
 * that heap's array order: each is no smaller than its parent, so none moves and the queue's
 * array is the JDK's.
 */
public final class KilnPriorityQueues {
    private KilnPriorityQueues() {
    }

    @SuppressWarnings("unchecked")
    public static void fill(PriorityQueue<Object> queue, Collection<?> source) {
        Object[] heap = source.toArray();
        Comparator<Object> order = (Comparator<Object>) queue.comparator();
        if (order == null) {
            order = (a, b) -> ((Comparable<Object>) a).compareTo(b);
        }
        for (Object e : heap) {
            if (e == null) {
                throw new NullPointerException();
            }
        }
        int n = heap.length;
        for (int i = (n >>> 1) - 1; i >= 0; i--) {
            siftDown(heap, n, i, order);
        }
        for (Object e : heap) {
            queue.offer(e);
        }
    }

    private static void siftDown(Object[] heap, int n, int k, Comparator<Object> order) {
        Object x = heap[k];
        int half = n >>> 1;
        while (k < half) {
            int child = 2 * k + 1;
            Object c = heap[child];
            int right = child + 1;
            if (right < n && order.compare(c, heap[right]) > 0) {
                child = right;
                c = heap[child];
            }
            if (order.compare(x, c) <= 0) {
                break;
            }
            heap[k] = c;
            k = child;
        }
        heap[k] = x;
    }
}
