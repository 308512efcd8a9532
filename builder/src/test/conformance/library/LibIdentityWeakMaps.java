import java.util.*;

/** IdentityHashMap counts equal-but-distinct keys separately; WeakHashMap behaves as a map while its keys are reachable. */
public class LibIdentityWeakMaps {
    public static void main(String[] args) {
        String a1 = new String("key");
        String a2 = new String("key");
        IdentityHashMap<String, Integer> id = new IdentityHashMap<>();
        id.put(a1, 1);
        id.put(a2, 2);
        id.put(a1, 3);
        id.put("lit", 4);
        id.put("lit", 5);
        System.out.println("identity size=" + id.size() + " get(a1)=" + id.get(a1) + " get(a2)=" + id.get(a2) + " get(new)=" + id.get(new String("key"))
                + " containsKey(equal copy)=" + id.containsKey(new String("lit")) + " containsKey(lit)=" + id.containsKey("lit"));
        HashMap<String, Integer> eq = new HashMap<>();
        eq.put(a1, 1);
        eq.put(a2, 2);
        System.out.println("hash map size=" + eq.size() + " get=" + eq.get("key"));
        List<Integer> values = new ArrayList<>(id.values());
        Collections.sort(values);
        System.out.println("identity values sorted " + values + " containsValue(3)=" + id.containsValue(3));
        id.remove(new String("lit"));
        System.out.println("remove(equal copy) size=" + id.size());
        id.remove("lit");
        System.out.println("remove(same) size=" + id.size());
        Integer big1 = 1000;
        Integer big2 = Integer.valueOf(1000);
        IdentityHashMap<Integer, String> boxes = new IdentityHashMap<>();
        boxes.put(Integer.valueOf(7), "a");
        boxes.put(Integer.valueOf(7), "b");
        System.out.println("cached boxes share one key: size=" + boxes.size() + " value=" + boxes.get(7));
        IdentityHashMap<Object, Object> many = new IdentityHashMap<>();
        List<Object> keys = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            Object k = new Object();
            keys.add(k);
            many.put(k, i);
        }
        int sum = 0;
        for (Object k : keys) {
            sum += (Integer) many.get(k);
        }
        System.out.println("200 objects size=" + many.size() + " sum=" + sum + " null key ok=" + (many.put(null, "n") == null) + " get(null)=" + many.get(null));
        IdentityHashMap<String, Integer> copy = new IdentityHashMap<>(id);
        System.out.println("copy equals=" + copy.equals(id) + " size=" + copy.size() + " big boxes distinct? " + (big1 != big2));
        WeakHashMap<String, Integer> weak = new WeakHashMap<>();
        String k1 = "alpha";
        String k2 = "beta";
        weak.put(k1, 1);
        weak.put(k2, 2);
        weak.put(k1, 3);
        weak.put(null, 0);
        System.out.println("weak size=" + weak.size() + " get(alpha)=" + weak.get("alpha") + " get(null)=" + weak.get(null) + " containsKey(beta)=" + weak.containsKey("beta"));
        weak.remove(null);
        weak.merge("beta", 5, Integer::sum);
        System.out.println("weak sorted " + new TreeMap<>(weak) + " isEmpty=" + weak.isEmpty());
        weak.clear();
        System.out.println("weak cleared size=" + weak.size());
    }
}
