import java.util.stream.Collectors;

/** Collectors.groupingByConcurrent's characteristics lack IDENTITY_FINISH in an image. */
public class DiffConcurrentCollector {
    public static void main(String[] args) {
        System.out.println(new java.util.TreeSet<>(Collectors.groupingByConcurrent(String::length).characteristics()));
        System.out.println("end of DiffConcurrentCollector");
    }
}
