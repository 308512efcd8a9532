import java.util.*;
import java.util.function.*;

public class LangGenericsBridges {
    static abstract class Animal implements Comparable<Animal> {
        final String name;

        Animal(String name) {
            this.name = name;
        }

        abstract Animal copy();

        Object food() {
            return "something";
        }

        @Override
        public int compareTo(Animal o) {
            return name.compareTo(o.name);
        }

        @Override
        public String toString() {
            return getClass().getSimpleName() + "(" + name + ")";
        }
    }

    static class Dog extends Animal {
        Dog(String n) {
            super(n);
        }

        @Override
        Dog copy() { // covariant return: the compiler adds a bridge returning Animal
            return new Dog(name + "'");
        }

        @Override
        String food() {
            return "bones";
        }
    }

    interface Transformer<A, B> {
        B apply(A a);
    }

    static class Length implements Transformer<String, Integer> {
        public Integer apply(String s) { // bridge apply(Object) casts to String
            return s.length();
        }
    }

    static class Node<T extends Comparable<T>> {
        T value;

        Node(T v) {
            value = v;
        }

        void set(T v) {
            value = v;
        }
    }

    static class IntNode extends Node<Integer> {
        IntNode(Integer v) {
            super(v);
        }

        @Override
        void set(Integer v) { // bridge set(Comparable)
            System.out.println("IntNode.set " + v);
            super.set(v);
        }
    }

    static <T extends Comparable<? super T>> T max(Collection<? extends T> items) {
        Iterator<? extends T> it = items.iterator();
        T best = it.next();
        while (it.hasNext()) {
            T t = it.next();
            if (t.compareTo(best) > 0) {
                best = t;
            }
        }
        return best;
    }

    static <K, V extends Comparable<V>> K argMax(Map<K, V> m) {
        K bestK = null;
        V bestV = null;
        for (Map.Entry<K, V> e : m.entrySet()) {
            if (bestV == null || e.getValue().compareTo(bestV) > 0) {
                bestK = e.getKey();
                bestV = e.getValue();
            }
        }
        return bestK;
    }

    static void addNumbers(List<? super Integer> sink, int n) {
        for (int i = 0; i < n; i++) {
            sink.add(i * i);
        }
    }

    @SafeVarargs
    static <T> List<T> listOf(T... xs) {
        return new ArrayList<>(Arrays.asList(xs));
    }

    static class Cache<K, V> {
        private final Map<K, V> map = new LinkedHashMap<>();
        private final Function<? super K, ? extends V> loader;
        int loads;

        Cache(Function<? super K, ? extends V> loader) {
            this.loader = loader;
        }

        V get(K k) {
            return map.computeIfAbsent(k, kk -> {
                loads++;
                return loader.apply(kk);
            });
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static void main(String[] args) {
        Animal a = new Dog("rex");
        Animal b = a.copy();
        System.out.println(a + " " + b + " " + a.food() + " " + (b instanceof Dog));
        List<Animal> zoo = new ArrayList<>(List.of(new Dog("max"), new Dog("ace"), b));
        Collections.sort(zoo);
        System.out.println(zoo + " " + max(zoo) + " " + Collections.min(zoo));
        Transformer<String, Integer> t = new Length();
        System.out.println(t.apply("generic"));
        Transformer raw = t;
        try {
            raw.apply(42);
        } catch (ClassCastException e) {
            System.out.println("ClassCastException through the bridge");
        }
        Node<Integer> node = new IntNode(1);
        node.set(5);
        System.out.println(node.value);
        Node rawNode = node;
        try {
            rawNode.set("str");
        } catch (ClassCastException e) {
            System.out.println("ClassCastException in set bridge");
        }
        List<Number> nums = new ArrayList<>();
        addNumbers(nums, 5);
        nums.add(2.5);
        System.out.println(nums);
        List<Object> objs = new ArrayList<>();
        addNumbers(objs, 3);
        System.out.println(objs);
        Map<String, Double> scores = new TreeMap<>(Map.of("a", 1.5, "b", 9.25, "c", 3.0));
        System.out.println(argMax(scores) + " " + max(List.of("pear", "apple", "zucchini", "fig")) + " " + max(List.of(3, 17, 5)));
        List<String> l = listOf("x", "y");
        l.add("z");
        System.out.println(l + " " + listOf(1, 2, 3).size() + " " + listOf().isEmpty());
        Cache<Integer, String> cache = new Cache<>(k -> "v" + k * 2);
        System.out.println(cache.get(1) + cache.get(2) + cache.get(1) + " loads=" + cache.loads);
        List rawList = new ArrayList<>(List.of("s"));
        rawList.add(1);
        List<String> heap = rawList;
        try {
            String s = heap.get(1);
            System.out.println("no exception " + s);
        } catch (ClassCastException e) {
            System.out.println("heap pollution caught at the read");
        }
        Object viaObject = heap.get(1);
        System.out.println("read as Object: " + viaObject);
        Comparator<Animal> byLen = Comparator.comparingInt(x -> x.name.length());
        System.out.println(zoo.stream().sorted(byLen.thenComparing(Comparator.reverseOrder())).toList());
        BiFunction<Integer, Integer, Integer> add = Integer::sum;
        Function<Integer, Integer> twice = add.andThen(x -> x * 2).apply(1, 2) > 5 ? x -> x : x -> x * 2;
        System.out.println(twice.apply(21));
    }
}
