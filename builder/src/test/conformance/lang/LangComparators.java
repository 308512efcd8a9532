import java.util.*;
import java.util.stream.*;

public class LangComparators {
    record Employee(String name, String dept, int age, Double salary) {
    }

    public static void main(String[] args) {
        List<Employee> staff = List.of(new Employee("Zoe", "eng", 31, 120.0), new Employee("adam", "ops", 45, 90.0),
                new Employee("Bob", "eng", 31, 110.0), new Employee("Cy", "eng", 28, null), new Employee("dee", "ops", 45, 95.5),
                new Employee("Eve", "hr", 39, 70.0), new Employee("bob", "hr", 22, 50.0));
        Comparator<Employee> byDeptAgeName = Comparator.comparing(Employee::dept).thenComparingInt(Employee::age).thenComparing(Employee::name);
        print("dept,age,name", staff, byDeptAgeName);
        print("reversed", staff, byDeptAgeName.reversed());
        print("age desc then name ci", staff, Comparator.comparingInt(Employee::age).reversed().thenComparing(Employee::name, String.CASE_INSENSITIVE_ORDER));
        print("salary nullsFirst", staff, Comparator.comparing(Employee::salary, Comparator.nullsFirst(Comparator.naturalOrder())));
        print("salary nullsLast desc", staff, Comparator.comparing(Employee::salary, Comparator.nullsLast(Comparator.reverseOrder())));
        print("name natural", staff, Comparator.comparing(Employee::name));
        print("name length then reverse", staff, Comparator.comparing((Employee e) -> e.name().length()).thenComparing(Employee::name, Comparator.reverseOrder()));
        // stability: equal keys keep their input order
        print("stable by dept", staff, Comparator.comparing(Employee::dept));
        print("stable by age", staff, Comparator.comparingInt(Employee::age));
        List<String> words = new ArrayList<>(List.of("banana", "Apple", "cherry", "apple", "Banana", "date", "Éclair", "eclair"));
        words.sort(null);
        System.out.println(words);
        words.sort(String.CASE_INSENSITIVE_ORDER);
        System.out.println(words);
        words.sort(Comparator.comparing(String::length).thenComparing(Comparator.reverseOrder()));
        System.out.println(words);
        words.sort(Collections.reverseOrder(String.CASE_INSENSITIVE_ORDER));
        System.out.println(words);
        List<String> withNulls = new ArrayList<>(Arrays.asList("b", null, "a", null, "c"));
        withNulls.sort(Comparator.nullsLast(Comparator.naturalOrder()));
        System.out.println(withNulls);
        withNulls.sort(Comparator.nullsFirst(Comparator.<String>naturalOrder().reversed()));
        System.out.println(withNulls);
        try {
            new ArrayList<>(Arrays.asList("x", null)).sort(Comparator.naturalOrder());
        } catch (NullPointerException e) {
            System.out.println("NPE sorting null naturally");
        }
        Integer[] nums = {5, -3, 12, 0, -7, 8, 3};
        Arrays.sort(nums, Comparator.comparingInt(Math::abs));
        System.out.println(Arrays.toString(nums));
        Arrays.sort(nums, Collections.reverseOrder());
        System.out.println(Arrays.toString(nums));
        TreeMap<String, Integer> tm = new TreeMap<>(Comparator.comparing(String::length).thenComparing(Comparator.naturalOrder()));
        for (String w : "to be or not to be that is the question".split(" ")) {
            tm.merge(w, 1, Integer::sum);
        }
        System.out.println(tm + " " + tm.firstKey() + " " + tm.lastEntry() + " " + tm.headMap("not") + " " + tm.ceilingKey("zz"));
        PriorityQueue<Employee> pq = new PriorityQueue<>(Comparator.comparing(Employee::age).thenComparing(Employee::name));
        pq.addAll(staff);
        StringBuilder sb = new StringBuilder();
        while (!pq.isEmpty()) {
            sb.append(pq.poll().name()).append(' ');
        }
        System.out.println(sb.toString().trim());
        System.out.println(staff.stream().max(Comparator.comparingInt(Employee::age).thenComparing(Employee::name)).get().name() + " "
                + staff.stream().min(Comparator.comparing(Employee::name, String.CASE_INSENSITIVE_ORDER)).get().name() + " "
                + Collections.max(List.of(3, 9, 4), Comparator.reverseOrder()));
        Comparator<int[]> lex = (a, b) -> {
            for (int i = 0; i < Math.min(a.length, b.length); i++) {
                if (a[i] != b[i]) {
                    return Integer.compare(a[i], b[i]);
                }
            }
            return Integer.compare(a.length, b.length);
        };
        List<int[]> arrays = new ArrayList<>(List.of(new int[] {1, 2}, new int[] {1}, new int[] {0, 9, 9}, new int[] {1, 2, 0}));
        arrays.sort(lex);
        System.out.println(arrays.stream().map(Arrays::toString).collect(Collectors.joining(" ")));
        System.out.println("apple".compareTo("Apple") + " " + "a".compareTo("abc")
                + " " + "b".compareToIgnoreCase("A") + " " + Boolean.compare(true, false) + " " + Double.compare(Double.NaN, 1.0));
        Comparator<String> cmp = Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()) == null ? null
                : Comparator.naturalOrder();
        Map<String, Integer> scores = Map.of("amy", 3, "ben", 5, "cat", 3, "dan", 5, "eli", 1);
        System.out.println(scores.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ")) + " " + cmp.compare("a", "b"));
    }

    static void print(String title, List<Employee> list, Comparator<Employee> c) {
        List<Employee> copy = new ArrayList<>(list);
        copy.sort(c);
        System.out.println(title + ": " + copy.stream().map(e -> e.name() + "/" + e.dept() + "/" + e.age() + "/" + e.salary()).collect(Collectors.joining(" ")));
    }
}
