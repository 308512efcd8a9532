import java.util.Iterator;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListSet;

/** The concurrent collections' weakly consistent iterators walk a snapshot in an image: an element added ahead is not seen. */
public class DiffWeakIterators {
    public static void main(String[] args) {
        ConcurrentLinkedQueue<Integer> q = new ConcurrentLinkedQueue<>(java.util.List.of(1, 2));
        Iterator<Integer> it = q.iterator();
        it.next();
        q.add(3);
        StringBuilder seen = new StringBuilder();
        it.forEachRemaining(i -> seen.append(i).append(' '));
        System.out.println("queue: " + seen.toString().trim());
        ConcurrentSkipListSet<Integer> s = new ConcurrentSkipListSet<>(java.util.List.of(1, 2));
        Iterator<Integer> si = s.iterator();
        si.next();
        s.add(5);
        StringBuilder sseen = new StringBuilder();
        si.forEachRemaining(i -> sseen.append(i).append(' '));
        System.out.println("skip list: " + sseen.toString().trim());
        System.out.println("end of DiffWeakIterators");
    }
}
