import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.DoubleStream;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/** Parallel streams of every kind: the same results as sequential ones, encounter order where the Javadoc keeps it, isParallel(). */
public class ApiParallelStreams {
    public static void main(String[] args) {
        System.out.println("LongStream.range(0, 1000000).parallel().sum() = " + LongStream.range(0, 1_000_000).parallel().sum());
        System.out.println("IntStream.rangeClosed(1, 20).parallel().reduce(1, *) = "
                + IntStream.rangeClosed(1, 20).parallel().asLongStream().reduce(1, (a, b) -> a * b));
        System.out.println("DoubleStream average = " + DoubleStream.of(1.5, 2.5, 3.5, 4.5).parallel().average().getAsDouble());

        List<String> words = Arrays.asList("delta", "alpha", "charlie", "bravo", "echo", "foxtrot", "golf", "hotel",
                "india", "juliet", "kilo", "lima");
        System.out.println("parallelStream map/collect: " + words.parallelStream().map(String::toUpperCase)
                .collect(Collectors.toList()));
        System.out.println("filter/sorted/toList: " + words.parallelStream().filter(w -> w.length() > 4).sorted().toList());
        System.out.println("joining: " + words.parallelStream().collect(Collectors.joining(",", "[", "]")));
        System.out.println("findFirst: " + words.parallelStream().filter(w -> w.startsWith("e") || w.startsWith("f"))
                .findFirst().get());
        System.out.println("reduce: " + words.parallelStream().map(w -> w.substring(0, 1)).reduce("", String::concat));
        List<String> ordered = new ArrayList<>();
        words.parallelStream().map(String::length).forEachOrdered(n -> ordered.add(String.valueOf(n)));
        System.out.println("forEachOrdered: " + ordered);
        AtomicInteger total = new AtomicInteger();
        IntStream.range(0, 10_000).parallel().forEach(total::addAndGet);
        System.out.println("forEach into an atomic: " + total.get());
        System.out.println("toArray: " + Arrays.toString(IntStream.range(0, 10).parallel().map(i -> i * i).toArray()));
        System.out.println("count/min/max: " + LongStream.rangeClosed(1, 500).parallel().filter(i -> i % 7 == 0).count() + " "
                + IntStream.of(5, 3, 9, 1).parallel().min().getAsInt() + " " + IntStream.of(5, 3, 9, 1).parallel().max().getAsInt());
        System.out.println("summary: " + IntStream.range(0, 100).parallel().summaryStatistics());
        System.out.println("anyMatch/allMatch/noneMatch: " + IntStream.range(0, 100).parallel().anyMatch(i -> i == 42) + " "
                + IntStream.range(0, 100).parallel().allMatch(i -> i < 100) + " "
                + IntStream.range(0, 100).parallel().noneMatch(i -> i < 0));
        System.out.println("distinct/skip/limit: " + Stream.of(3, 1, 3, 2, 1, 5, 8, 5).parallel().distinct()
                .collect(Collectors.toList()) + " " + Stream.of(3, 1, 4, 1, 5, 9, 2, 6).parallel().skip(2).limit(4)
                .collect(Collectors.toList()));
        System.out.println("flatMap: " + Stream.of(List.of(1, 2), List.of(3), List.of(4, 5, 6)).parallel()
                .flatMap(List::stream).map(i -> i * 10).collect(Collectors.toList()));
        System.out.println("boxed sum: " + IntStream.range(0, 50).parallel().boxed().mapToInt(Integer::intValue).sum());

        Map<Integer, List<String>> byLength = words.parallelStream().collect(Collectors.groupingBy(String::length));
        System.out.println("groupingBy: " + new TreeMap<>(byLength));
        ConcurrentMap<Integer, List<String>> concurrent = words.parallelStream()
                .collect(Collectors.groupingByConcurrent(String::length));
        // a concurrent collector adds in whatever order the threads come: sort each group to print it
        concurrent.values().forEach(java.util.Collections::sort);
        System.out.println("groupingByConcurrent: " + new TreeMap<>(concurrent) + " " + (concurrent instanceof ConcurrentHashMap));
        ConcurrentMap<Character, Long> counts = words.parallelStream()
                .collect(Collectors.groupingByConcurrent(w -> w.charAt(w.length() - 1), Collectors.counting()));
        System.out.println("groupingByConcurrent counting: " + new TreeMap<>(counts));
        ConcurrentMap<String, Integer> lengths = words.parallelStream()
                .collect(Collectors.toConcurrentMap(w -> w, String::length));
        System.out.println("toConcurrentMap: " + new TreeMap<>(lengths));
        ConcurrentMap<Integer, String> merged = words.parallelStream()
                .collect(Collectors.toConcurrentMap(String::length, w -> w, (a, b) -> a.compareTo(b) < 0 ? a : b));
        System.out.println("toConcurrentMap merged: " + new TreeMap<>(merged));
        try {
            words.parallelStream().collect(Collectors.toConcurrentMap(String::length, w -> w));
        } catch (IllegalStateException e) {
            // (the message is the JDK's, but HotSpot may throw it from a worker and rethrow a copy)
            System.out.println("duplicate key: " + e.getClass().getName());
        }

        Stream<String> s = words.stream();
        System.out.println("isParallel: stream " + s.isParallel() + ", parallel() " + s.parallel().isParallel());
        System.out.println("parallelStream " + words.parallelStream().isParallel() + ", after map "
                + words.parallelStream().map(String::length).isParallel() + ", mapToInt "
                + words.parallelStream().mapToInt(String::length).isParallel() + ", sequential() "
                + words.parallelStream().sequential().isParallel() + ", sequential().parallel() "
                + words.parallelStream().sequential().parallel().isParallel());
        System.out.println("IntStream " + IntStream.range(0, 3).parallel().isParallel() + " LongStream "
                + LongStream.range(0, 3).parallel().isParallel() + " DoubleStream " + DoubleStream.of(1).parallel().isParallel()
                + " boxed " + IntStream.range(0, 3).parallel().boxed().isParallel() + " unordered "
                + IntStream.range(0, 3).parallel().unordered().isParallel());
        StringBuilder closed = new StringBuilder();
        try (Stream<String> c = words.parallelStream().onClose(() -> closed.append("closed"))) {
            System.out.println("onClose count " + c.count());
        }
        System.out.println(closed);
    }
}
