import java.time.*;
import java.time.format.*;
import java.time.temporal.*;

/** DateTimeFormatter: the ISO constants, ofPattern with numeric fields, padding, optional sections and literals, parsing with patterns, resolver styles, errors. */
public class LibTimeFormatter {
    public static void main(String[] args) {
        LocalDateTime dt = LocalDateTime.of(2024, 3, 7, 9, 5, 3, 45_000_000);
        System.out.println(DateTimeFormatter.ISO_LOCAL_DATE.format(dt) + " " + DateTimeFormatter.ISO_LOCAL_TIME.format(dt) + " " + DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(dt) + " "
                + DateTimeFormatter.ISO_DATE.format(dt) + " " + DateTimeFormatter.BASIC_ISO_DATE.format(dt) + " " + DateTimeFormatter.ISO_ORDINAL_DATE.format(dt) + " "
                + DateTimeFormatter.ISO_WEEK_DATE.format(dt) + " " + DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(dt.atOffset(ZoneOffset.ofHours(2))) + " "
                + DateTimeFormatter.ISO_INSTANT.format(dt.toInstant(ZoneOffset.UTC)));
        String[] patterns = {"yyyy-MM-dd HH:mm:ss", "dd/MM/yy", "d.M.yyyy H:m:s", "yyyyMMdd'T'HHmmss.SSS", "uuuu-DDD", "HH:mm:ss.SSSSSS", "'Q'Q yyyy",
            "hh:mm", "yyyy/MM/dd[ HH:mm]", "[yyyy][yy]-MM", "''yy''", "n A"};
        for (String p : patterns) {
            DateTimeFormatter f = DateTimeFormatter.ofPattern(p);
            System.out.println(p + " -> " + f.format(dt));
        }
        DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
        System.out.println("parse " + LocalDateTime.parse("2025-11-30 17:45", f) + " " + LocalDate.parse("07/03/24", DateTimeFormatter.ofPattern("dd/MM/yy")) + " "
                + LocalDate.parse("2024-060", DateTimeFormatter.ofPattern("yyyy-DDD")) + " " + LocalTime.parse("5:7", DateTimeFormatter.ofPattern("H:m")) + " "
                + LocalDate.parse("20240229", DateTimeFormatter.BASIC_ISO_DATE) + " " + LocalDate.parse("2024-W10-4", DateTimeFormatter.ISO_WEEK_DATE) + " "
                + LocalDate.parse("2024-01-15", DateTimeFormatter.ofPattern("yyyy-MM-dd[ HH:mm]")));
        TemporalAccessor parsed = DateTimeFormatter.ofPattern("yyyy-MM").parse("2024-07");
        System.out.println("partial " + YearMonth.from(parsed) + " year=" + parsed.get(ChronoField.YEAR) + " hasDay=" + parsed.isSupported(ChronoField.DAY_OF_MONTH));
        DateTimeFormatter strict = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
        DateTimeFormatter lenient = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.LENIENT);
        DateTimeFormatter smart = DateTimeFormatter.ofPattern("uuuu-MM-dd");
        System.out.println("smart 02-31 " + LocalDate.parse("2023-02-31", smart) + " lenient 02-31 " + LocalDate.parse("2023-02-31", lenient) + " lenient 13-01 " + LocalDate.parse("2023-13-01", lenient));
        String[][] bad = {{"2023-02-31", "strict"}, {"2023-13-01", "smart"}, {"2023-1-01", "smart"}, {"2023-01-01x", "smart"}, {"abc", "smart"}};
        for (String[] b : bad) {
            try {
                System.out.println(LocalDate.parse(b[0], b[1].equals("strict") ? strict : smart));
            } catch (DateTimeParseException e) {
                System.out.println(b[0] + " " + b[1] + " -> " + e.getMessage() + " at " + e.getErrorIndex());
            }
        }
        DateTimeFormatter built = new DateTimeFormatterBuilder().appendValue(ChronoField.YEAR, 4).appendLiteral('/').appendValue(ChronoField.MONTH_OF_YEAR, 2).optionalStart()
                .appendLiteral('/').appendValue(ChronoField.DAY_OF_MONTH, 2).optionalEnd().appendLiteral(" #").appendValue(ChronoField.DAY_OF_YEAR).toFormatter();
        System.out.println("builder " + built.format(dt) + " padNext " + new DateTimeFormatterBuilder().padNext(6, '*').appendValue(ChronoField.HOUR_OF_DAY).toFormatter().format(dt)
                + " fraction " + new DateTimeFormatterBuilder().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).toFormatter().format(dt)
                + " signed " + DateTimeFormatter.ofPattern("uuuu").format(LocalDate.of(-5, 1, 1)) + " big " + DateTimeFormatter.ISO_LOCAL_DATE.format(LocalDate.of(12345, 1, 1)));
        try {
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH").format(LocalDate.of(2024, 1, 1));
        } catch (DateTimeException e) {
            System.out.println("format missing field: " + e.getMessage());
        }
        try {
            DateTimeFormatter.ofPattern("yyyy-bb");
        } catch (IllegalArgumentException e) {
            System.out.println("bad pattern: " + e.getMessage());
        }
    }
}
