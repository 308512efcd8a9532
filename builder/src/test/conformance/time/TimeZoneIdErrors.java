import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRulesException;
import java.time.zone.ZoneRulesProvider;
import java.util.Set;
import java.util.TreeSet;

/** ZoneId.of: ids, prefixes, offsets, normalisation, and the exceptions with their messages. */
public class TimeZoneIdErrors {
    public static void main(String[] args) {
        String[] ids = {"Europe/Paris", "UTC", "GMT", "UT", "Z", "+01", "+01:30", "-0830", "UTC+2", "GMT-05:00",
            "UT+10", "Etc/UTC", "US/Eastern", "Asia/Calcutta", "Mars/Olympus", "europe/paris", "Europe/Paris ",
            "+19:00", "A/B/C/D", "Europe/../Paris"};
        for (String id : ids) {
            try {
                ZoneId z = ZoneId.of(id);
                System.out.println("'" + id + "' -> " + z + " (" + z.getClass().getSimpleName() + ") normalized "
                        + z.normalized() + " " + z.getRules().getOffset(java.time.Instant.EPOCH));
            } catch (ZoneRulesException e) {
                System.out.println("'" + id + "' ZoneRulesException: " + e.getMessage());
            } catch (DateTimeException e) {
                System.out.println("'" + id + "' " + e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
        System.out.println(ZoneId.of("ECT", ZoneId.SHORT_IDS) + " " + ZoneId.of("PST", ZoneId.SHORT_IDS));
        try {
            ZoneRulesProvider.getRules("Nowhere/Land", false);
        } catch (ZoneRulesException e) {
            System.out.println(e.getMessage());
        }
        try {
            ZoneOffset.ofHours(19);
        } catch (DateTimeException e) {
            System.out.println(e.getMessage());
        }
        Set<String> all = ZoneId.getAvailableZoneIds();
        Set<String> europe = new TreeSet<>();
        for (String id : all) {
            if (id.startsWith("Europe/L")) {
                europe.add(id);
            }
        }
        System.out.println(all.size() + " zones, " + all.contains("Europe/Kyiv") + " " + all.contains("UTC")
                + " " + europe);
        System.out.println(ZoneRulesProvider.getVersions("Europe/Paris").firstKey().length() == 5);
    }
}
