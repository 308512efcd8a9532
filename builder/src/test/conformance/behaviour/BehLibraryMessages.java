import java.util.ArrayList;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Messages of Optional, Objects.requireNonNull, ArrayList's capacity, initCause, index exceptions, toMap. */
public class BehLibraryMessages {
    static void show(String what, Runnable r) {
        try {
            r.run();
            System.out.println(what + ": no exception");
        } catch (RuntimeException e) {
            System.out.println(what + ": " + e);
        }
    }

    record City(String name, int value) {
    }

    public static void main(String[] args) {
        show("Optional.get", () -> Optional.empty().get());
        show("Optional.orElseThrow", () -> Optional.empty().orElseThrow());
        show("Optional.get present", () -> System.out.println(Optional.of("v").get() + Optional.of("w").orElseThrow()));
        show("OptionalInt", () -> OptionalInt.empty().getAsInt());
        show("OptionalInt.orElseThrow", () -> OptionalInt.empty().orElseThrow());
        show("OptionalLong", () -> OptionalLong.empty().getAsLong());
        show("OptionalLong.orElseThrow", () -> OptionalLong.empty().orElseThrow());
        show("OptionalDouble", () -> OptionalDouble.empty().getAsDouble());
        show("OptionalDouble.orElseThrow", () -> OptionalDouble.empty().orElseThrow());
        show("present ones", () -> System.out.println(OptionalInt.of(1).getAsInt() + OptionalLong.of(2).orElseThrow()
                + OptionalDouble.of(0.5).getAsDouble()));
        show("requireNonNull", () -> Objects.requireNonNull(null));
        show("requireNonNull message", () -> Objects.requireNonNull(null, "the thing"));
        show("requireNonNull value", () -> System.out.println(Objects.requireNonNull("kept")));
        show("ArrayList(-1)", () -> new ArrayList<>(Integer.parseInt("-1")));
        show("ArrayList(0)", () -> System.out.println(new ArrayList<>(Integer.parseInt("0")).size()));
        show("initCause twice", () -> new RuntimeException("x", new Error("first")).initCause(new Error("again")));
        show("initCause null twice", () -> new RuntimeException("x", new Error("first")).initCause(null));
        show("initCause self", () -> {
            RuntimeException e = new RuntimeException("x");
            e.initCause(e);
        });
        show("initCause once", () -> System.out.println(new RuntimeException("x").initCause(new Error("c")).getCause()));
        System.out.println(new StringIndexOutOfBoundsException(3).getMessage());
        System.out.println(new ArrayIndexOutOfBoundsException(-1).getMessage());
        System.out.println(new StringIndexOutOfBoundsException("text").getMessage() + " "
                + new ArrayIndexOutOfBoundsException().getMessage());
        show("toMap duplicate", () -> Stream.of(new City("north", 10), new City("north", 7))
                .collect(Collectors.toMap(City::name, City::value)));
        show("toMap", () -> System.out.println(new java.util.TreeMap<>(Stream.of(new City("a", 1), new City("b", 2))
                .collect(Collectors.toMap(City::name, City::value)))));
        show("toMap null value", () -> Stream.of(new City("a", 1)).collect(Collectors.toMap(City::name, c -> null)));
    }
}
