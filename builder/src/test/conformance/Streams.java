import java.util.*;
import java.util.stream.*;

public class Streams {
    record Person(String name, int age, String city) {
    }

    public static void main(String[] args) {
        List<Person> people = List.of(new Person("Ann", 31, "Oslo"), new Person("Bob", 25, "Rome"),
                new Person("Cid", 42, "Oslo"), new Person("Dee", 25, "Lima"), new Person("Eve", 37, "Rome"));
        System.out.println(people.stream().map(Person::name).collect(Collectors.joining(", ", "[", "]")));
        System.out.println(people.stream().mapToInt(Person::age).sum() + " " + people.stream().mapToInt(Person::age).max().getAsInt());
        Map<String, List<String>> byCity = people.stream().collect(
                Collectors.groupingBy(Person::city, TreeMap::new, Collectors.mapping(Person::name, Collectors.toList())));
        System.out.println(byCity);
        Map<Boolean, Long> parts = people.stream().collect(Collectors.partitioningBy(p -> p.age() > 30, Collectors.counting()));
        System.out.println(parts);
        System.out.println(IntStream.rangeClosed(1, 10).filter(i -> i % 3 != 0).boxed().collect(Collectors.toList()));
        System.out.println(Stream.iterate(1, x -> x * 3).limit(8).reduce(0, Integer::sum));
        System.out.println(Stream.of("b", "a", "c", "a").distinct().sorted().collect(Collectors.toList()));
        System.out.println(people.stream().sorted(Comparator.comparingInt(Person::age).thenComparing(Person::name, Comparator.reverseOrder()))
                .map(Person::name).toList());
        System.out.println(IntStream.range(0, 100).mapToObj(Integer::toString).filter(s -> s.contains("7")).count());
        System.out.println(Arrays.stream(new double[] {1.5, 2.5, 3.0}).average().getAsDouble());
        System.out.println(Stream.of(List.of(1, 2), List.of(3), List.<Integer>of()).flatMap(List::stream).map(x -> x * x).toList());
        System.out.println(people.stream().anyMatch(p -> p.city().equals("Lima")) + " " + people.stream().allMatch(p -> p.age() > 20)
                + " " + people.stream().noneMatch(p -> p.name().isEmpty()));
        System.out.println(LongStream.rangeClosed(1, 20).reduce(1L, (a, b) -> a * b));
        IntSummaryStatistics st = people.stream().collect(Collectors.summarizingInt(Person::age));
        System.out.println(st.getMin() + " " + st.getMax() + " " + st.getAverage() + " " + st.getCount());
        Map<String, Integer> lengths = Stream.of("x", "yy", "zzz").collect(Collectors.toMap(s -> s, String::length, (a, b) -> a, TreeMap::new));
        System.out.println(lengths);
        System.out.println(Stream.generate(() -> "g").limit(3).collect(Collectors.joining()) + " "
                + IntStream.of(3, 1, 2).sorted().boxed().map(String::valueOf).collect(Collectors.joining("-")));
    }
}
