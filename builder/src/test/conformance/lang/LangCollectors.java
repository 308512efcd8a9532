import java.util.*;
import java.util.function.*;
import java.util.stream.*;

public class LangCollectors {
    record Sale(String region, String product, int units, double price) {
        double total() {
            return units * price;
        }
    }

    public static void main(String[] args) {
        List<Sale> sales = List.of(new Sale("north", "apple", 10, 0.5), new Sale("south", "pear", 4, 0.75), new Sale("north", "pear", 7, 0.8),
                new Sale("east", "apple", 3, 0.55), new Sale("south", "apple", 12, 0.45), new Sale("east", "plum", 9, 1.2),
                new Sale("north", "plum", 1, 1.1), new Sale("west", "apple", 6, 0.5));
        TreeMap<String, Long> countByRegion = sales.stream().collect(Collectors.groupingBy(Sale::region, TreeMap::new, Collectors.counting()));
        System.out.println(countByRegion + " " + countByRegion.firstKey() + " " + countByRegion.descendingMap());
        Map<String, Integer> units = sales.stream().collect(Collectors.groupingBy(Sale::product, TreeMap::new, Collectors.summingInt(Sale::units)));
        System.out.println(units);
        Map<String, Double> avg = sales.stream().collect(Collectors.groupingBy(Sale::product, TreeMap::new, Collectors.averagingDouble(Sale::price)));
        avg.forEach((k, v) -> System.out.printf("%s %.4f%n", k, v));
        Map<String, Set<String>> productsByRegion = sales.stream().collect(Collectors.groupingBy(Sale::region, TreeMap::new,
                Collectors.mapping(Sale::product, Collectors.toCollection(TreeSet::new))));
        System.out.println(productsByRegion);
        Map<String, Optional<Sale>> best = sales.stream().collect(Collectors.groupingBy(Sale::region, TreeMap::new,
                Collectors.maxBy(Comparator.comparingDouble(Sale::total))));
        best.forEach((k, v) -> System.out.println(k + " best " + v.map(Sale::product).orElse("-") + " " + v.get().total()));
        Map<Boolean, List<String>> bigSmall = sales.stream().collect(Collectors.partitioningBy(s -> s.units() >= 7,
                Collectors.mapping(s -> s.region() + "/" + s.product(), Collectors.toList())));
        System.out.println(bigSmall);
        System.out.println(Stream.<String>empty().collect(Collectors.partitioningBy(String::isEmpty)));
        System.out.println(sales.stream().map(Sale::product).distinct().collect(Collectors.joining(", ", "<", ">")) + " "
                + Stream.of("x").collect(Collectors.joining("-", "[", "]")) + " " + Stream.<String>empty().collect(Collectors.joining(",", "{", "}")));
        Map<String, Integer> merged = sales.stream().collect(Collectors.toMap(Sale::product, Sale::units, Integer::sum, TreeMap::new));
        System.out.println(merged);
        try {
            sales.stream().collect(Collectors.toMap(Sale::region, Sale::units));
        } catch (IllegalStateException e) {
            System.out.println("duplicate key");
        }
        LinkedHashMap<String, Double> firstPrice = sales.stream().collect(Collectors.toMap(Sale::product, Sale::price, (a, b) -> a, LinkedHashMap::new));
        System.out.println(firstPrice);
        String range = sales.stream().collect(Collectors.teeing(Collectors.minBy(Comparator.comparingInt(Sale::units)),
                Collectors.maxBy(Comparator.comparingInt(Sale::units)), (mn, mx) -> mn.get().units() + ".." + mx.get().units()));
        double mean = sales.stream().collect(Collectors.teeing(Collectors.summingInt(Sale::units), Collectors.counting(), (s, n) -> (double) s / n));
        System.out.println(range + " " + mean);
        DoubleSummaryStatistics dss = sales.stream().collect(Collectors.summarizingDouble(Sale::price));
        IntSummaryStatistics iss = sales.stream().collect(Collectors.summarizingInt(Sale::units));
        System.out.println(iss);
        System.out.println(dss.getMin() + " " + dss.getMax() + " " + dss.getSum() + " " + dss.getCount());
        List<String> unmod = sales.stream().map(Sale::region).collect(Collectors.collectingAndThen(Collectors.toList(), Collections::unmodifiableList));
        try {
            unmod.add("x");
        } catch (UnsupportedOperationException e) {
            System.out.println("unmodifiable " + unmod.size());
        }
        Map<String, List<Integer>> filtered = sales.stream().collect(Collectors.groupingBy(Sale::region, TreeMap::new,
                Collectors.filtering(s -> s.price() > 0.5, Collectors.mapping(Sale::units, Collectors.toList()))));
        System.out.println(filtered);
        Map<Integer, List<Character>> flat = Stream.of("ab", "cde", "fg").collect(Collectors.groupingBy(String::length, TreeMap::new,
                Collectors.flatMapping(s -> s.chars().mapToObj(c -> (char) c), Collectors.toList())));
        System.out.println(flat);
        Optional<Integer> totalUnits = sales.stream().map(Sale::units).collect(Collectors.reducing(Integer::sum));
        System.out.println(totalUnits.get() + " " + sales.stream().collect(Collectors.reducing(0, Sale::units, Math::max)));
        System.out.println(Stream.of(5, 3, 8, 1, 9, 2).takeWhile(x -> x != 1).toList() + " " + Stream.of(5, 3, 8, 1, 9, 2).dropWhile(x -> x != 1).toList()
                + " " + Stream.iterate(1, x -> x < 200, x -> x * 3).toList());
        List<Object> mm = Stream.of(1, 2, 3).<Object>mapMulti((x, sink) -> {
            for (int i = 0; i < x; i++) {
                sink.accept(x + ":" + i);
            }
        }).toList();
        System.out.println(mm);
        System.out.println(IntStream.rangeClosed(1, 5).mapToObj(i -> "x".repeat(i)).collect(Collectors.toUnmodifiableList()) + " "
                + Stream.of("b", "a", "b").collect(Collectors.toCollection(TreeSet::new)) + " " + Stream.of(3, 1, 2).sorted(Comparator.reverseOrder()).toList());
        Map<Boolean, Map<String, Long>> nested = sales.stream().collect(Collectors.partitioningBy(s -> s.product().equals("apple"),
                Collectors.groupingBy(Sale::region, TreeMap::new, Collectors.counting())));
        System.out.println(nested);
        Map<Integer, Integer> mod3 = IntStream.range(0, 20).boxed().collect(Collectors.groupingBy(i -> i % 3, TreeMap::new, Collectors.summingInt(i -> i)));
        System.out.println(mod3);
        String words = "the quick brown fox jumps over the lazy dog the end";
        Map<String, Long> wc = Arrays.stream(words.split(" ")).collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
        System.out.println(wc);
        System.out.println(Stream.of(1, 2, 3, 4).reduce(10, Integer::sum) + " " + Stream.of("a", "b").reduce("", String::concat) + " "
                + IntStream.of(4, 2, 9).summaryStatistics() + " " + LongStream.of(1, 2).boxed().collect(Collectors.averagingLong(x -> x)));
        Iterator<Integer> it = Stream.of(1, 2, 3).iterator();
        int s = 0;
        while (it.hasNext()) {
            s += it.next();
        }
        System.out.println(s + " " + Stream.of("q", "r").skip(1).findFirst().get() + " " + IntStream.range(0, 5).limit(2).sum() + " "
                + Stream.concat(Stream.of(1), Stream.of(2, 3)).count() + " " + Arrays.toString(Stream.of("a", "b").toArray(String[]::new)));
    }
}
