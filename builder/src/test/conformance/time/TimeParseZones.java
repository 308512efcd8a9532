import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Parsing zoned and offset date-times, and the messages of the ones that do not parse. */
public class TimeParseZones {
    public static void main(String[] args) {
        String[] zoned = {"2024-07-01T12:00:00+02:00[Europe/Paris]", "2024-03-31T02:30:00+01:00[Europe/Paris]",
            "2024-11-03T01:30:00-04:00[America/New_York]", "2024-11-03T01:30:00-05:00[America/New_York]",
            "2024-01-01T00:00Z[UTC]", "2024-01-01T00:00:00.5-03:00", "2024-06-15T10:15:30+01:00[Europe/London]"};
        for (String s : zoned) {
            ZonedDateTime z = ZonedDateTime.parse(s);
            System.out.println(s + " -> " + z + " " + z.toInstant() + " " + z.getZone().getClass().getSimpleName());
        }
        System.out.println(OffsetDateTime.parse("2024-02-29T23:59:59.999999999-09:30"));
        System.out.println(Instant.parse("2024-02-29T23:59:59.250Z") + " " + Instant.parse("1969-12-31T23:59:59Z"));
        DateTimeFormatter custom = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm VV");
        System.out.println(ZonedDateTime.parse("2024-12-25 18:30 Asia/Tokyo", custom));
        DateTimeFormatter offset = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss XXX");
        System.out.println(OffsetDateTime.parse("01/08/2024 09:00:00 -07:00", offset));
        String[] bad = {"2024-07-01T12:00:00+02:00[Mars/Olympus]", "2024-07-01T12:00:00", "2024-13-01T00:00Z"};
        for (String s : bad) {
            try {
                System.out.println(ZonedDateTime.parse(s));
            } catch (DateTimeParseException e) {
                System.out.println(e.getMessage() + " at " + e.getErrorIndex());
            }
        }
    }
}
