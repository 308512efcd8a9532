import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** DateTimeFormatter with zone and offset fields: the ISO formats, VV, X/x/Z/O patterns. */
public class TimeFormatZones {
    public static void main(String[] args) {
        Instant instant = Instant.ofEpochSecond(1_700_000_000L, 123_000_000);
        String[] zones = {"Europe/Paris", "America/New_York", "Asia/Kolkata", "Australia/Adelaide", "UTC", "Z",
            "+05:30", "GMT", "Etc/GMT+3"};
        DateTimeFormatter[] isos = {DateTimeFormatter.ISO_ZONED_DATE_TIME, DateTimeFormatter.ISO_OFFSET_DATE_TIME,
            DateTimeFormatter.ISO_DATE_TIME, DateTimeFormatter.ISO_INSTANT, DateTimeFormatter.RFC_1123_DATE_TIME};
        DateTimeFormatter pattern = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS VV XXX xx Z O", Locale.US);
        for (String id : zones) {
            ZonedDateTime z = instant.atZone(ZoneId.of(id));
            StringBuilder line = new StringBuilder(id);
            for (DateTimeFormatter f : isos) {
                line.append(" | ").append(f.format(z));
            }
            System.out.println(line);
            System.out.println("  " + pattern.format(z) + " | " + z.toOffsetDateTime() + " | " + z.toLocalDateTime());
        }
        OffsetDateTime odt = OffsetDateTime.of(2024, 2, 29, 23, 59, 59, 0, ZoneOffset.ofHoursMinutes(-3, -30));
        System.out.println(odt + " " + odt.format(DateTimeFormatter.ofPattern("XXXXX xxx X x")) + " "
                + odt.atZoneSameInstant(ZoneId.of("Asia/Tokyo")) + " " + odt.toInstant());
        System.out.println(ZonedDateTime.of(2024, 6, 1, 0, 0, 0, 0, ZoneId.of("America/Los_Angeles"))
                .format(DateTimeFormatter.ofPattern("EEEE d MMMM uuuu h:mm a VV", Locale.US)));
    }
}
