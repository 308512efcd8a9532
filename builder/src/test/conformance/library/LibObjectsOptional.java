import java.util.*;
import java.util.function.*;
import java.util.stream.*;

/** java.util.Objects (requireNonNull, checkIndex, equals/hash/toString helpers) and Optional/OptionalInt/Long/Double chains and their exceptions. */
public class LibObjectsOptional {
    static void attempt(String what, Supplier<?> s) {
        try {
            System.out.println(what + " = " + s.get());
        } catch (RuntimeException e) {
            System.out.println(what + " -> " + e.getClass().getName());
        }
    }

    public static void main(String[] args) {
        attempt("requireNonNull(null)", () -> Objects.requireNonNull(null));
        attempt("requireNonNull(null, msg)", () -> Objects.requireNonNull(null, "value must not be null"));
        attempt("requireNonNull(null, supplier)", () -> Objects.requireNonNull(null, () -> "from supplier"));
        attempt("requireNonNullElse", () -> Objects.requireNonNullElse(null, "default"));
        attempt("requireNonNullElseGet", () -> Objects.requireNonNullElseGet(null, () -> "got"));
        attempt("requireNonNullElse(null, null)", () -> Objects.requireNonNullElse(null, null));
        attempt("checkIndex(5, 3)", () -> Objects.checkIndex(5, 3));
        attempt("checkIndex(-1, 3)", () -> Objects.checkIndex(-1, 3));
        attempt("checkFromToIndex(2, 1, 5)", () -> Objects.checkFromToIndex(2, 1, 5));
        attempt("checkFromIndexSize(2, 4, 5)", () -> Objects.checkFromIndexSize(2, 4, 5));
        attempt("checkIndex ok", () -> Objects.checkIndex(2, 3));
        System.out.println("equals " + Objects.equals(null, null) + Objects.equals("a", null) + Objects.equals("a", "a") + " deepEquals " + Objects.deepEquals(new int[] {1}, new int[] {1})
                + " hash " + Objects.hash(1, "a", null) + " " + Objects.hash() + " hashCode(null) " + Objects.hashCode(null) + " toString " + Objects.toString(null) + " "
                + Objects.toString(null, "dflt") + " isNull " + Objects.isNull(null) + " nonNull " + Stream.of("a", null, "b").filter(Objects::nonNull).count()
                + " compare " + Objects.compare("b", "a", Comparator.naturalOrder()) + " toIdentityString starts " + Objects.toIdentityString("x").startsWith("java.lang.String@"));
        Optional<String> some = Optional.of("kiln");
        Optional<String> none = Optional.empty();
        System.out.println(some.map(String::toUpperCase) + " " + some.filter(s -> s.length() > 10) + " " + some.flatMap(s -> Optional.of(s.length())) + " " + none.map(String::length)
                + " " + none.or(() -> Optional.of("alt")) + " " + some.orElse("x") + " " + none.orElseGet(() -> "gen") + " " + some.isPresent() + none.isEmpty()
                + " " + some.stream().count() + none.stream().count() + " " + some.equals(Optional.of("kiln")) + " " + some.hashCode() + " " + none.hashCode());
        StringBuilder sb = new StringBuilder();
        some.ifPresent(sb::append);
        none.ifPresentOrElse(sb::append, () -> sb.append("|empty"));
        System.out.println(sb);
        attempt("empty.get()", none::get);
        attempt("empty.orElseThrow()", none::orElseThrow);
        attempt("empty.orElseThrow(supplier)", () -> none.orElseThrow(() -> new IllegalStateException("custom")));
        attempt("Optional.of(null)", () -> Optional.of(null));
        attempt("ofNullable(null)", () -> Optional.ofNullable(null));
        attempt("map to null", () -> some.map(s -> null));
        OptionalInt oi = IntStream.of(4, 9, 2).max();
        OptionalLong ol = LongStream.empty().min();
        OptionalDouble od = DoubleStream.of(1, 2, 4).average();
        System.out.println(oi + " " + oi.getAsInt() + " " + ol + " " + ol.orElse(-1) + " " + od + " " + od.getAsDouble() + " " + OptionalInt.empty().isEmpty() + " "
                + oi.equals(OptionalInt.of(9)) + " " + oi.hashCode() + " " + od.hashCode() + " " + OptionalDouble.empty().orElseGet(() -> 0.5) + " " + oi.stream().sum());
        attempt("OptionalInt.empty().getAsInt()", () -> OptionalInt.empty().getAsInt());
        attempt("OptionalLong.empty().orElseThrow()", () -> OptionalLong.empty().orElseThrow());
        attempt("OptionalDouble.empty().getAsDouble()", () -> OptionalDouble.empty().getAsDouble());
        Map<String, Optional<Integer>> parsed = new TreeMap<>();
        for (String s : new String[] {"12", "x", "-3", ""}) {
            Optional<Integer> v;
            try {
                v = Optional.of(Integer.parseInt(s));
            } catch (NumberFormatException e) {
                v = Optional.empty();
            }
            parsed.put("'" + s + "'", v);
        }
        System.out.println(parsed + " sum " + parsed.values().stream().flatMap(Optional::stream).mapToInt(Integer::intValue).sum());
    }
}
