import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/** Clocks: systemUTC ticks forward, fixed and offset clocks give exact times in their zone. */
public class TimeClocks {
    public static void main(String[] args) {
        Clock utc = Clock.systemUTC();
        Instant a = utc.instant();
        Instant b = utc.instant();
        System.out.println(utc.getZone() + " monotonic=" + !b.isBefore(a) + " after2020="
                + a.isAfter(Instant.parse("2020-01-01T00:00:00Z")) + " " + Clock.systemDefaultZone().getZone()
                .getRules().getOffset(Instant.EPOCH).getTotalSeconds() % 900);
        Clock fixed = Clock.fixed(Instant.parse("2024-10-27T00:30:00Z"), ZoneId.of("Europe/Paris"));
        System.out.println(fixed + " " + ZonedDateTime.now(fixed) + " " + LocalDate.now(fixed));
        Clock later = Clock.offset(fixed, Duration.ofHours(1));
        System.out.println(ZonedDateTime.now(later) + " " + ZonedDateTime.now(later.withZone(ZoneId.of("Asia/Tokyo"))));
        System.out.println(ZonedDateTime.now(Clock.fixed(Instant.EPOCH, ZoneOffset.ofHours(-10))));
        Clock tick = Clock.tick(fixed, Duration.ofMinutes(15));
        System.out.println(tick.instant() + " " + tick.getZone());
    }
}
