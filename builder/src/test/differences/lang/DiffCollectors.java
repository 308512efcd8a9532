import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Collectors.toMap's duplicate key message; summingDouble and averagingDouble without the JDK's compensated sum. */
public class DiffCollectors {
    record City(String name, int value) {
    }

    public static void main(String[] args) {
        try {
            Stream.of(new City("north", 10), new City("north", 7)).collect(Collectors.toMap(City::name, City::value));
        } catch (IllegalStateException e) {
            System.out.println(e.getMessage());
        }
        List<Double> values = List.of(0.1, 0.2, 0.3, 17.0, 0.17);
        System.out.println("sum " + values.stream().collect(Collectors.summingDouble(d -> d)));
        System.out.println("average " + values.stream().collect(Collectors.averagingDouble(d -> d)));
        System.out.println("end of DiffCollectors");
    }
}
