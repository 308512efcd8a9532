import java.util.stream.Stream;

/** TeaVM's streams run a skip before the distinct ahead of it. */
public class DiffStreamDistinctSkip {
    public static void main(String[] args) {
        System.out.println(Stream.of(3, 1, 3, 2, 1, 5, 8, 5).distinct().skip(1).limit(3).toList());
        System.out.println("end of DiffStreamDistinctSkip");
    }
}
