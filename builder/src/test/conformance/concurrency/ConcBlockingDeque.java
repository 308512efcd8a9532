import java.util.*;
import java.util.concurrent.*;

/** LinkedBlockingDeque as a BlockingDeque: both ends, capacity, blocking and timed operations between threads. */
public class ConcBlockingDeque {
    public static void main(String[] args) throws Exception {
        BlockingDeque<Integer> deque = new LinkedBlockingDeque<>(2);
        deque.putFirst(2);
        deque.putFirst(1);
        System.out.println("full: " + deque + ", offerLast " + deque.offerLast(3) + ", timed offerFirst " + deque.offerFirst(0, 10, TimeUnit.MILLISECONDS)
                + ", remaining " + deque.remainingCapacity());
        try {
            deque.addLast(3);
        } catch (IllegalStateException e) {
            System.out.println("addLast on a full deque: " + e.getMessage());
        }
        Thread consumer = new Thread(() -> {
            try {
                int sum = 0;
                for (int v; (v = deque.takeLast()) != -1;) {
                    sum += v;
                }
                System.out.println("consumer took from the back, sum " + sum);
            } catch (InterruptedException e) {
                throw new RuntimeException(e);
            }
        });
        consumer.start();
        for (int i = 3; i <= 20; i++) {
            deque.putFirst(i);
        }
        deque.putFirst(-1);
        consumer.join();
        System.out.println("empty: " + deque.isEmpty() + ", pollFirst with timeout " + deque.pollFirst(10, TimeUnit.MILLISECONDS)
                + ", peekLast " + deque.peekLast());
        LinkedBlockingDeque<String> stack = new LinkedBlockingDeque<>();
        stack.push("a");
        stack.push("b");
        stack.offer("z");
        System.out.println("stack " + stack + " pop " + stack.pop() + " take " + stack.take() + " last " + stack.getLast() + " size " + stack.size());
        Thread blocked = new Thread(() -> {
            try {
                new LinkedBlockingDeque<String>().takeFirst();
            } catch (InterruptedException e) {
                System.out.println("takeFirst interrupted");
            }
        });
        blocked.start();
        Thread.sleep(20);
        blocked.interrupt();
        blocked.join();
    }
}
