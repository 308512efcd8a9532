import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/** Instant <-> ZonedDateTime <-> OffsetDateTime round trips over many zones and instants. */
public class TimeRoundTrips {
    public static void main(String[] args) {
        String[] zones = {"Europe/Paris", "America/New_York", "Asia/Tokyo", "Australia/Sydney", "Pacific/Chatham",
            "America/St_Johns", "Asia/Tehran", "Europe/Dublin", "Africa/Cairo", "America/Santiago", "UTC"};
        long seed = 12345;
        long checksum = 0;
        int mismatches = 0;
        for (String id : zones) {
            ZoneId zone = ZoneId.of(id);
            for (int i = 0; i < 400; i++) {
                seed = seed * 6364136223846793005L + 1442695040888963407L;
                long seconds = Math.floorMod(seed >>> 1, 4_102_444_800L) - 1_000_000_000L;
                Instant instant = Instant.ofEpochSecond(seconds, (seed & 0xffff) * 1000);
                ZonedDateTime z = instant.atZone(zone);
                OffsetDateTime o = z.toOffsetDateTime();
                LocalDateTime local = z.toLocalDateTime();
                ZonedDateTime back = ZonedDateTime.ofLocal(local, zone, z.getOffset());
                if (!back.toInstant().equals(instant) || !o.toInstant().equals(instant)
                        || !ZonedDateTime.parse(z.toString()).equals(z)) {
                    mismatches++;
                }
                checksum = checksum * 31 + z.getOffset().getTotalSeconds() + local.getDayOfYear();
            }
            ZonedDateTime sample = Instant.ofEpochSecond(seed >>> 34).atZone(zone);
            System.out.println(id + " " + sample + " " + sample.withZoneSameInstant(ZoneOffset.UTC)
                    + " " + sample.withZoneSameLocal(ZoneId.of("Asia/Kolkata")));
        }
        System.out.println("checksum " + checksum + " mismatches " + mismatches);
        Instant now = Instant.parse("2024-03-31T00:59:59.999Z");
        System.out.println(now.atZone(ZoneId.of("Europe/Paris")) + " " + now.plusMillis(1).atZone(ZoneId.of("Europe/Paris")));
        System.out.println(ZonedDateTime.of(2024, 1, 31, 12, 0, 0, 0, ZoneId.of("Europe/Paris")).plusMonths(1)
                + " " + ZonedDateTime.of(2024, 3, 30, 2, 30, 0, 0, ZoneId.of("Europe/Paris")).plusDays(1)
                + " " + ZonedDateTime.of(2024, 10, 26, 2, 30, 0, 0, ZoneId.of("Europe/Paris")).plusDays(1));
    }
}
