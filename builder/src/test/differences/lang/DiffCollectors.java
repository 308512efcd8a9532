import java.util.List;
import java.util.stream.Collectors;

/** Collectors.summingDouble and averagingDouble add without the JDK's compensated (Kahan) sum. */
public class DiffCollectors {
    public static void main(String[] args) {
        List<Double> values = java.util.Collections.nCopies(10, 0.1); // a plain sum: 0.9999999999999999
        System.out.println("sum " + values.stream().collect(Collectors.summingDouble(d -> d)));
        System.out.println("average " + values.stream().collect(Collectors.averagingDouble(d -> d)));
        System.out.println("end of DiffCollectors");
    }
}
