import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneRules;

/** America/New_York: DST rule changes of 1974, 1987 and 2007, a day of 23 and of 25 hours. */
public class TimeDstNewYork {
    public static void main(String[] args) {
        ZoneId ny = ZoneId.of("America/New_York");
        ZoneRules rules = ny.getRules();
        for (int year : new int[] {1950, 1974, 1975, 1986, 1987, 2006, 2007, 2024, 2050}) {
            ZonedDateTime jan = ZonedDateTime.of(year, 1, 1, 0, 0, 0, 0, ny);
            System.out.println(year + " starts " + rules.nextTransition(jan.toInstant()));
        }
        LocalDate spring = LocalDate.of(2024, 3, 10);
        LocalDate autumn = LocalDate.of(2024, 11, 3);
        System.out.println("hours on " + spring + ": "
                + ChronoUnit.HOURS.between(spring.atStartOfDay(ny), spring.plusDays(1).atStartOfDay(ny)));
        System.out.println("hours on " + autumn + ": "
                + ChronoUnit.HOURS.between(autumn.atStartOfDay(ny), autumn.plusDays(1).atStartOfDay(ny)));
        System.out.println(ZonedDateTime.of(spring, LocalTime.of(2, 15), ny));
        System.out.println(ZonedDateTime.of(autumn, LocalTime.of(1, 15), ny) + " / "
                + ZonedDateTime.of(autumn, LocalTime.of(1, 15), ny).withLaterOffsetAtOverlap());
        System.out.println(ZonedDateTime.ofStrict(LocalDateTime.of(2024, 7, 4, 12, 0),
                rules.getOffset(Instant.parse("2024-07-04T16:00:00Z")), ny));
        try {
            ZonedDateTime.ofStrict(LocalDateTime.of(2024, 3, 10, 2, 30), rules.getOffset(Instant.EPOCH), ny);
        } catch (Exception e) {
            System.out.println(e.getClass().getName() + ": " + e.getMessage());
        }
        Instant i = Instant.parse("2024-11-03T05:30:00Z");
        for (int k = 0; k < 4; k++) {
            ZonedDateTime z = i.plusSeconds(1800L * k).atZone(ny);
            System.out.println(z + " dst=" + rules.isDaylightSavings(z.toInstant()) + " saving="
                    + rules.getDaylightSavings(z.toInstant()));
        }
    }
}
