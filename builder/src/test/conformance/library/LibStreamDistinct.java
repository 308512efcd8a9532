import java.util.Iterator;
import java.util.stream.DoubleStream;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/** distinct() followed by what pulls one element at a time (skip, limit, iterator, findFirst). */
public class LibStreamDistinct {
    public static void main(String[] args) {
        System.out.println(Stream.of(3, 1, 3, 2, 1, 5, 8, 5).distinct().skip(1).limit(3).toList());
        Iterator<String> it = Stream.of("a", "b", "a", "c", "b").distinct().iterator();
        StringBuilder b = new StringBuilder();
        while (it.hasNext()) {
            b.append(it.next());
        }
        System.out.println(b);
        System.out.println(Stream.of(1, 1, 1, 2).distinct().skip(1).findFirst().orElse(-1));
        System.out.println(java.util.Arrays.toString(IntStream.of(4, 4, 2, 4, 2, 9).distinct().skip(1).toArray()));
        System.out.println(java.util.Arrays.toString(LongStream.of(7, 7, 8, 7, 9).distinct().skip(1).limit(2).toArray()));
        System.out.println(java.util.Arrays.toString(DoubleStream.of(0.5, 0.5, -0.0, 0.0, Double.NaN, Double.NaN)
                .distinct().skip(1).toArray()));
        System.out.println(Stream.of("x", "y", "x").distinct().count());
    }
}
