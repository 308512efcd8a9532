import java.util.*;

/** TreeSet with natural and custom orders: navigation, range views, descending sets, polling, duplicates by comparator. */
public class LibTreeSetNav {
    record Person(String name, int age) {
    }

    public static void main(String[] args) {
        TreeSet<Integer> s = new TreeSet<>(List.of(50, 10, 40, 20, 30, 10));
        System.out.println(s + " floor(25)=" + s.floor(25) + " ceiling(25)=" + s.ceiling(25) + " lower(10)=" + s.lower(10) + " higher(50)=" + s.higher(50));
        System.out.println("headSet(30)=" + s.headSet(30) + " headSet(30,true)=" + s.headSet(30, true) + " tailSet(30,false)=" + s.tailSet(30, false)
                + " subSet(15,45)=" + s.subSet(15, 45));
        NavigableSet<Integer> desc = s.descendingSet();
        System.out.println("desc=" + desc + " desc.first=" + desc.first() + " desc.headSet(30)=" + desc.headSet(30));
        SortedSet<Integer> view = s.subSet(10, 40);
        s.add(15);
        s.add(45);
        System.out.println("view sees writes: " + view);
        System.out.println("pollFirst=" + s.pollFirst() + " pollLast=" + s.pollLast() + " " + s);
        TreeSet<Person> byAge = new TreeSet<>(Comparator.comparingInt(Person::age).thenComparing(Person::name, Comparator.reverseOrder()));
        byAge.add(new Person("ann", 30));
        byAge.add(new Person("bob", 25));
        byAge.add(new Person("cid", 30));
        byAge.add(new Person("ann", 30));
        System.out.println(byAge.size() + " " + byAge);
        System.out.println("ceiling(age 26)=" + byAge.ceiling(new Person("zzz", 26)));
        TreeSet<String> byLength = new TreeSet<>(Comparator.comparingInt(String::length));
        for (String w : "one three two five seven eleven six".split(" ")) {
            System.out.print(byLength.add(w) ? "+" : "=");
        }
        System.out.println(" " + byLength);
        TreeSet<String> words = new TreeSet<>(Arrays.asList("delta", "alpha", "charlie", "bravo", "echo"));
        Iterator<String> it = words.iterator();
        while (it.hasNext()) {
            if (it.next().contains("l")) {
                it.remove();
            }
        }
        System.out.println(words + " first=" + words.first() + " last=" + words.last() + " contains(echo)=" + words.contains("echo"));
        try {
            new TreeSet<>().first();
        } catch (NoSuchElementException e) {
            System.out.println("empty first: NoSuchElementException");
        }
        try {
            TreeSet<Object> raw = new TreeSet<>();
            raw.add("x");
            raw.add(1);
        } catch (ClassCastException e) {
            System.out.println("mixed types: ClassCastException");
        }
        TreeSet<Integer> a = new TreeSet<>(List.of(1, 2, 3, 4, 5));
        TreeSet<Integer> b = new TreeSet<>(List.of(4, 5, 6, 7));
        TreeSet<Integer> union = new TreeSet<>(a);
        union.addAll(b);
        TreeSet<Integer> inter = new TreeSet<>(a);
        inter.retainAll(b);
        TreeSet<Integer> diff = new TreeSet<>(a);
        diff.removeAll(b);
        System.out.println("union=" + union + " inter=" + inter + " diff=" + diff + " equals=" + inter.equals(Set.of(4, 5)) + " hash=" + union.hashCode());
    }
}
