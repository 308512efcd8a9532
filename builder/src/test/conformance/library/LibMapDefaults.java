import java.util.*;

/** Map's default methods on TreeMap and LinkedHashMap (HashMap's null keys and values too): getOrDefault, putIfAbsent, compute*, merge with null results, replace/replaceAll, remove(key, value), entry views, null keys and values. */
public class LibMapDefaults {
    public static void main(String[] args) {
        List<Map<String, Integer>> maps = List.of(new TreeMap<>(), new LinkedHashMap<>());
        for (Map<String, Integer> m : maps) {
            String kind = m.getClass().getSimpleName();
            for (String w : "the cat and the hat and the bat".split(" ")) {
                m.merge(w, 1, Integer::sum);
            }
            StringBuilder sb = new StringBuilder(kind + " " + m);
            sb.append(" getOrDefault(dog)=").append(m.getOrDefault("dog", 0));
            sb.append(" putIfAbsent(cat)=").append(m.putIfAbsent("cat", 9)).append(" putIfAbsent(dog)=").append(m.putIfAbsent("dog", 9));
            sb.append(" computeIfAbsent(eel)=").append(m.computeIfAbsent("eel", k -> k.length()));
            sb.append(" computeIfAbsent(null result)=").append(m.computeIfAbsent("fox", k -> null)).append(" has fox=").append(m.containsKey("fox"));
            sb.append(" computeIfPresent(the)=").append(m.computeIfPresent("the", (k, v) -> v * 10));
            sb.append(" computeIfPresent(remove hat)=").append(m.computeIfPresent("hat", (k, v) -> null));
            sb.append(" compute(and)=").append(m.compute("and", (k, v) -> v == null ? -1 : v + 100));
            sb.append(" compute(new)=").append(m.compute("new", (k, v) -> v == null ? -1 : v + 100));
            sb.append(" merge(remove bat)=").append(m.merge("bat", 5, (a, b) -> null));
            System.out.println(sb);
            System.out.println("  after " + m);
            System.out.println("  replace(cat,1,2)=" + m.replace("cat", 1, 2) + " replace(cat,7,8)=" + m.replace("cat", 7, 8) + " replace(zzz,1)=" + m.replace("zzz", 1)
                    + " remove(dog,8)=" + m.remove("dog", 8) + " remove(dog,9)=" + m.remove("dog", 9));
            m.replaceAll((k, v) -> v + k.length());
            m.entrySet().removeIf(e -> e.getValue() > 100);
            m.keySet().remove("eel");
            m.values().remove(-1);
            System.out.println("  final " + m + " size=" + m.size() + " hash=" + m.hashCode() + " equalsOthers=" + maps.stream().filter(o -> o != m).map(m::equals).toList());
        }
        HashMap<String, String> nulls = new HashMap<>();
        nulls.put(null, "null-key");
        nulls.put("k", null);
        System.out.println("nulls " + nulls + " get(null)=" + nulls.get(null) + " containsKey(k)=" + nulls.containsKey("k") + " getOrDefault(k)=" + nulls.getOrDefault("k", "dflt")
                + " putIfAbsent(k)=" + nulls.putIfAbsent("k", "now") + " " + nulls.get("k") + " merge(null key)=" + nulls.merge(null, "+", String::concat));
        try {
            new TreeMap<String, Integer>().put(null, 1);
        } catch (NullPointerException e) {
            System.out.println("TreeMap null key: NullPointerException");
        }
        try {
            Map<String, Integer> m = new HashMap<>(Map.of("a", 1, "b", 2));
            for (String k : m.keySet()) {
                m.put(k + "x", 0);
            }
        } catch (ConcurrentModificationException e) {
            System.out.println("put while iterating: ConcurrentModificationException");
        }
        Map<Integer, List<String>> groups = new TreeMap<>();
        for (String w : "ant bee cat dove eagle fly gnu".split(" ")) {
            groups.computeIfAbsent(w.length(), k -> new ArrayList<>()).add(w);
        }
        System.out.println("grouped " + groups);
        Map<Character, Integer> freq = new TreeMap<>();
        for (char c : "abracadabra alakazam".toCharArray()) {
            freq.merge(c, 1, Integer::sum);
        }
        System.out.println("freq " + freq + " keySet " + freq.keySet() + " values " + freq.values());
        Map.Entry<String, Integer> e = Map.entry("k", 1);
        System.out.println("entry " + e + " comparingByKey " + Map.Entry.<String, Integer>comparingByValue().compare(e, Map.entry("j", 2)) + " copyOf " + Map.copyOf(Map.of("x", 1)));
    }
}
