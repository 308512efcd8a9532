import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** HashMap.merge/compute put a new key first in its bin on HotSpot; merge(k, null, f) and List.of(null) throw there. */
public class DiffHashMapMerge {
    static void show(String what, Runnable r) {
        try {
            r.run();
            System.out.println(what + ": no exception");
        } catch (RuntimeException e) {
            System.out.println(what + ": " + e.getClass().getSimpleName());
        }
    }

    public static void main(String[] args) {
        Map<Character, Integer> m = new HashMap<>();
        m.merge('b', 1, Integer::sum);
        m.merge('r', 1, Integer::sum);
        System.out.println(m);
        show("merge(k, null, f)", () -> new HashMap<String, Integer>().merge("k", null, Integer::sum));
        show("List.of(null)", () -> List.of((Object) null));
        show("List.of(1).contains(null)", () -> List.of(1).contains(null));
        System.out.println("end of DiffHashMapMerge");
    }
}
