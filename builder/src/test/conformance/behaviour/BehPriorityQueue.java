import java.util.*;

/** PriorityQueue orders ties as HotSpot's (same sift-down, heapify from a collection), and its toString shows the same heap. */
public class BehPriorityQueue {
    record Job(int priority, String name) {
    }

    public static void main(String[] args) {
        PriorityQueue<int[]> pairs = new PriorityQueue<>((x, y) -> x[0] - y[0]);
        for (int i = 0; i < 12; i++) {
            pairs.add(new int[] {i % 3, i});
        }
        StringBuilder sb = new StringBuilder();
        while (!pairs.isEmpty()) {
            int[] e = pairs.poll();
            sb.append(e[0]).append(':').append(e[1]).append(' ');
        }
        System.out.println(sb);
        PriorityQueue<Integer> fromList = new PriorityQueue<>(List.of(5, 3, 8, 1, 9, 2, 7, 3, 1));
        System.out.println(fromList);
        PriorityQueue<Integer> added = new PriorityQueue<>();
        added.addAll(List.of(5, 3, 8, 1, 9, 2, 7, 3, 1));
        System.out.println(added);
        added.poll();
        added.poll();
        System.out.println(added + " " + added.peek());
        PriorityQueue<Job> jobs = new PriorityQueue<>(Comparator.comparingInt(Job::priority));
        String[] names = {"a", "b", "c", "d", "e", "f", "g", "h", "i", "j"};
        for (int i = 0; i < names.length; i++) {
            jobs.offer(new Job(i % 2, names[i]));
        }
        List<String> order = new ArrayList<>();
        while (!jobs.isEmpty()) {
            order.add(jobs.poll().name());
        }
        System.out.println(order);
        PriorityQueue<String> max = new PriorityQueue<>(Collections.reverseOrder());
        max.addAll(List.of("pear", "apple", "fig", "kiwi", "apple"));
        System.out.println(max + " " + max.poll() + " " + max);
        PriorityQueue<Integer> copy = new PriorityQueue<>(fromList);
        copy.remove(9);
        System.out.println(copy);
    }
}
