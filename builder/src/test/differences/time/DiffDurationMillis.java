import java.time.Duration;
import java.time.LocalTime;

/** Duration.toMillis of a negative duration with nanos; LocalTime.parse("24:00")'s message. */
public class DiffDurationMillis {
    public static void main(String[] args) {
        System.out.println(Duration.ofSeconds(-1, 1).toMillis());
        try {
            LocalTime.parse("24:00");
        } catch (RuntimeException e) {
            String m = e.getMessage();
            System.out.println(m.substring(m.lastIndexOf(':', m.lastIndexOf(':') - 1) + 1).trim());
        }
        System.out.println("end of DiffDurationMillis");
    }
}
