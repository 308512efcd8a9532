import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;

/** Offsets the tz database records for the past: local mean time, wartime, zones that moved. */
public class TimeHistoricalOffsets {
    public static void main(String[] args) {
        String[][] cases = {
            {"Europe/Paris", "1900-01-01T00:00"}, {"Europe/Paris", "1942-06-01T12:00"},
            {"Europe/Amsterdam", "1935-06-01T12:00"}, {"Asia/Kolkata", "1942-06-01T12:00"},
            {"Pacific/Apia", "2011-12-29T12:00"}, {"Pacific/Apia", "2011-12-31T12:00"},
            {"Europe/Moscow", "2013-01-01T12:00"}, {"Europe/Moscow", "2015-01-01T12:00"},
            {"Asia/Kathmandu", "1980-01-01T00:00"}, {"Asia/Kathmandu", "1990-01-01T00:00"},
            {"America/Sao_Paulo", "2018-12-01T12:00"}, {"America/Sao_Paulo", "2020-12-01T12:00"},
            {"Africa/Casablanca", "2024-03-20T12:00"}, {"Africa/Casablanca", "2024-05-20T12:00"},
            {"Australia/Lord_Howe", "2024-01-10T12:00"}, {"Antarctica/Troll", "2024-07-01T00:00"},
        };
        for (String[] c : cases) {
            ZoneId zone = ZoneId.of(c[0]);
            ZonedDateTime z = LocalDateTime.parse(c[1]).atZone(zone);
            System.out.println(z + " std=" + zone.getRules().getStandardOffset(z.toInstant()));
        }
        // Samoa skipped 30 December 2011 entirely.
        ZoneOffsetTransition samoa = ZoneId.of("Pacific/Apia").getRules()
                .nextTransition(Instant.parse("2011-06-01T00:00:00Z"));
        System.out.println(samoa + " " + samoa.getDuration());
        ZoneOffsetTransition first = ZoneId.of("Europe/London").getRules().getTransitions().get(0);
        System.out.println("London first " + first + " " + first.getOffsetBefore().getTotalSeconds());
        System.out.println(ZoneOffset.of("+05:45").getRules() + " " + ZoneId.of("Etc/GMT-14").getRules()
                + " " + ZoneId.of("Etc/GMT-14").getRules().getOffset(Instant.EPOCH));
    }
}
