import java.util.*;
import java.util.function.*;
import java.util.stream.*;

public class LangLambdas {
    private final String prefix;
    private int calls;

    LangLambdas(String prefix) {
        this.prefix = prefix;
    }

    String tag(String s) {
        calls++;
        return prefix + s;
    }

    Function<String, String> tagger() {
        return this::tag;
    }

    Supplier<String> capturingThis() {
        return () -> prefix + "#" + calls;
    }

    static String shout(String s) {
        return s.toUpperCase() + "!";
    }

    record Item(String name, int qty) {
        Item(String name) {
            this(name, 1);
        }
    }

    interface TriFunction<A, B, C, R> {
        R apply(A a, B b, C c);

        default <V> TriFunction<A, B, C, V> andThen(Function<? super R, ? extends V> after) {
            return (a, b, c) -> after.apply(apply(a, b, c));
        }
    }

    static IntUnaryOperator fib;

    public static void main(String[] args) {
        Function<String, String> st = LangLambdas::shout;
        Function<String, Integer> len = String::length;
        BiFunction<String, String, Boolean> sw = String::startsWith;
        LangLambdas obj = new LangLambdas("@");
        Function<String, String> bound = obj::tag;
        Function<String, Item> ctor = Item::new;
        BiFunction<String, Integer, Item> ctor2 = Item::new;
        IntFunction<int[]> arr = int[]::new;
        Supplier<ArrayList<String>> listMaker = ArrayList::new;
        System.out.println(st.apply("hey") + " " + len.apply("four") + " " + sw.apply("kiln", "ki") + " " + bound.apply("x") + " "
                + ctor.apply("pen") + " " + ctor2.apply("ink", 3) + " " + arr.apply(4).length + " " + listMaker.get().size());
        System.out.println(obj.tagger().apply("y") + " " + obj.capturingThis().get());
        Function<Integer, Integer> inc = x -> x + 1, dbl = x -> x * 2;
        System.out.println(inc.andThen(dbl).apply(5) + " " + inc.compose(dbl).apply(5) + " " + Function.<Integer>identity().apply(9));
        Predicate<Integer> even = x -> x % 2 == 0, pos = x -> x > 0;
        System.out.println(IntStream.rangeClosed(-3, 4).boxed().filter(even.and(pos.negate()).or(x -> x == 3)).toList() + " "
                + Predicate.not(even).test(3) + " " + Predicate.isEqual("a").test("a"));
        UnaryOperator<String> up = String::toUpperCase;
        BinaryOperator<Integer> minBy = BinaryOperator.minBy(Comparator.reverseOrder());
        System.out.println(up.apply("u") + " " + minBy.apply(3, 8));
        TriFunction<Integer, Integer, Integer, Integer> vol = (a, b, c) -> a * b * c;
        System.out.println(vol.andThen(v -> "volume=" + v).apply(2, 3, 4));
        fib = n -> n < 2 ? n : fib.applyAsInt(n - 1) + fib.applyAsInt(n - 2);
        System.out.println("fib(20)=" + fib.applyAsInt(20));
        Map<String, BiFunction<Double, Double, Double>> ops = new LinkedHashMap<>();
        ops.put("+", Double::sum);
        ops.put("max", Math::max);
        ops.put("pow", Math::pow);
        ops.put("hyp", (a, b) -> Math.sqrt(a * a + b * b));
        ops.forEach((k, f) -> System.out.print(k + "=" + f.apply(3.0, 4.0) + " "));
        System.out.println();
        List<Runnable> rs = new ArrayList<>();
        StringBuilder out = new StringBuilder();
        for (String s : List.of("a", "b", "c")) {
            rs.add(() -> out.append(s));
        }
        rs.forEach(Runnable::run);
        System.out.println(out);
        Supplier<Supplier<Integer>> counterFactory = () -> {
            int[] c = {0};
            return () -> ++c[0];
        };
        Supplier<Integer> c1 = counterFactory.get(), c2 = counterFactory.get();
        System.out.println(c1.get() + " " + c1.get() + " " + c1.get() + " " + c2.get());
        Optional<String> opt = Optional.of("value");
        System.out.println(opt.map(String::length).filter(n -> n > 3).orElseGet(() -> -1) + " "
                + Optional.<String>empty().map(String::length).orElse(0) + " " + opt.flatMap(v -> Optional.of(v + "!")).get() + " "
                + Optional.ofNullable(null).or(() -> Optional.of("alt")).get() + " " + opt.stream().count());
        ToIntFunction<String> parse = Integer::parseInt;
        ToDoubleBiFunction<Integer, Integer> ratio = (a, b) -> (double) a / b;
        LongSupplier ls = () -> 1L << 40;
        BooleanSupplier bs = () -> true;
        DoubleUnaryOperator half = d -> d / 2;
        ObjIntConsumer<StringBuilder> rep = (sb, n) -> sb.append("*".repeat(n));
        StringBuilder stars = new StringBuilder();
        rep.accept(stars, 3);
        System.out.println(parse.applyAsInt("42") + " " + ratio.applyAsDouble(1, 3) + " " + ls.getAsLong() + " " + bs.getAsBoolean() + " "
                + half.andThen(d -> d + 1).applyAsDouble(5) + " " + stars);
        Consumer<List<Integer>> addOne = l -> l.add(1);
        Consumer<List<Integer>> addTwo = l -> l.add(2);
        List<Integer> target = new ArrayList<>();
        addOne.andThen(addTwo).andThen(addOne).accept(target);
        System.out.println(target);
        Comparator<String> cmp = (a, b) -> b.compareTo(a);
        String[] words = {"delta", "alpha", "charlie", "bravo"};
        Arrays.sort(words, cmp);
        System.out.println(String.join(",", words));
        Arrays.sort(words, String::compareToIgnoreCase);
        System.out.println(String.join(",", words));
        Callable c = () -> "callable";
        try {
            System.out.println(c.call());
        } catch (Exception e) {
            throw new RuntimeException(e);
        }
        Runnable r = LangLambdas::staticHelper;
        r.run();
        System.out.println(((Function<Integer, String>) Integer::toBinaryString).apply(10) + " " + ((IntBinaryOperator) Math::floorMod).applyAsInt(-7, 3));
    }

    interface Callable {
        Object call() throws Exception;
    }

    static void staticHelper() {
        System.out.println("static method reference ran");
    }
}
