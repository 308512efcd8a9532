import java.util.*;
import java.util.function.*;
import java.util.stream.*;

public class Lambdas {
    interface Op {
        int apply(int a, int b);
    }

    public static void main(String[] args) {
        Op mul = (x, y) -> x * y;
        int base = 10;
        IntUnaryOperator addBase = x -> x + base;
        System.out.println(mul.apply(6, 7) + " " + addBase.applyAsInt(5));
        Runnable r = () -> System.out.println("runnable ran");
        r.run();
        Predicate<String> empty = String::isEmpty;
        System.out.println(empty.negate().test("x") + " " + empty.or(s -> s.startsWith("a")).test("abc"));
        Comparator<String> byLen = Comparator.comparing(String::length);
        List<String> words = new ArrayList<>(List.of("pear", "fig", "banana", "kiwi", "apple"));
        words.sort(byLen.thenComparing(Comparator.naturalOrder()));
        System.out.println(words);
        Function<Integer, Function<Integer, Integer>> curried = x -> y -> x - y;
        System.out.println(curried.apply(10).apply(3));
        Optional<String> first = words.stream().filter(w -> w.length() > 4).findFirst();
        System.out.println(first.orElse("none") + " " + Optional.empty().isPresent() + " " + first.map(String::toUpperCase).get());
        BinaryOperator<Integer> max = BinaryOperator.maxBy(Comparator.naturalOrder());
        System.out.println(max.apply(3, 9));
        Supplier<Supplier<String>> nested = () -> () -> "nested";
        System.out.println(nested.get().get());
        int[] counter = {0};
        IntStream.range(0, 5).forEach(i -> counter[0] += i);
        System.out.println(counter[0]);
    }
}
