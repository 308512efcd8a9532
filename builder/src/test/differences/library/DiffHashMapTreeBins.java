import java.util.HashMap;
import java.util.Map;

/**
 * HashMap's tree bins: keys whose hashes collide in one bin of a table of 64 or more become a tree
 * on HotSpot, whose root moves to the front of the bin; Kiln keeps a list.
 */
public class DiffHashMapTreeBins {
    record Key(int id) implements Comparable<Key> {
        @Override
        public int hashCode() {
            return id % 2 == 0 ? 7 : id; // the even keys share one bin
        }

        @Override
        public int compareTo(Key o) {
            return Integer.compare(id, o.id);
        }
    }

    public static void main(String[] args) {
        Map<Key, Integer> m = new HashMap<>(128);
        for (int i = 0; i < 40; i += 2) {
            m.put(new Key(i), i);
        }
        m.remove(new Key(0));
        m.remove(new Key(2));
        StringBuilder b = new StringBuilder();
        m.keySet().forEach(k -> b.append(k.id()).append(' '));
        System.out.println(b.toString().trim());
        System.out.println("end of DiffHashMapTreeBins");
    }
}
