import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** java.time is TeaVM's threetenbp port: JDK 8's parsing, messages, SHORT_IDS and zone names. */
public class DiffZoneIds {
    static void show(String what, java.util.function.Supplier<Object> s) {
        try {
            System.out.println(what + ": " + s.get());
        } catch (RuntimeException e) {
            System.out.println(what + ": " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    public static void main(String[] args) {
        show("Instant.parse with offset", () -> Instant.parse("2024-02-29T23:59:59+05:00"));
        show("ZoneId.of(\"\")", () -> ZoneId.of(""));
        show("ZoneId.of(\"!\")", () -> ZoneId.of("!"));
        show("ZoneId.of(\"UTC+25\")", () -> ZoneId.of("UTC+25"));
        show("SHORT_IDS EST MST HST", () -> ZoneId.SHORT_IDS.get("EST") + " " + ZoneId.SHORT_IDS.get("MST") + " "
                + ZoneId.SHORT_IDS.get("HST"));
        ZonedDateTime winter = ZonedDateTime.of(2024, 1, 15, 12, 0, 0, 0, ZoneId.of("America/New_York"));
        show("z", () -> DateTimeFormatter.ofPattern("z", Locale.US).format(winter));
        show("zzzz", () -> DateTimeFormatter.ofPattern("zzzz", Locale.US).format(winter));
        System.out.println("end of DiffZoneIds");
    }
}
