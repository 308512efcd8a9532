import java.time.*;
import java.time.temporal.*;

/** LocalTime, LocalDateTime, Duration and Period: arithmetic across midnight and month ends, truncation, toString forms, parsing, Instant from epoch values in UTC. */
public class LibTimeDateTime {
    public static void main(String[] args) {
        LocalTime t = LocalTime.of(23, 45, 30, 123_000_000);
        System.out.println(t + " plusMinutes(30)=" + t.plusMinutes(30) + " minusHours(25)=" + t.minusHours(25) + " plusNanos(1)=" + t.plusNanos(1) + " truncated(MINUTES)="
                + t.truncatedTo(ChronoUnit.MINUTES) + " toSecondOfDay=" + t.toSecondOfDay() + " " + LocalTime.of(7, 0) + " " + LocalTime.of(7, 0, 5) + " " + LocalTime.of(0, 0, 0, 1000)
                + " " + LocalTime.MIDNIGHT + " " + LocalTime.NOON + " " + LocalTime.MAX + " " + LocalTime.ofSecondOfDay(45296));
        LocalDateTime dt = LocalDateTime.of(2024, 2, 28, 22, 30);
        System.out.println(dt + " plusHours(3)=" + dt.plusHours(3) + " plusDays(366)=" + dt.plusDays(366) + " minusSeconds(1)=" + dt.withHour(0).withMinute(0).minusSeconds(1)
                + " withDayOfMonth(1)=" + dt.withDayOfMonth(1) + " toLocalDate=" + dt.toLocalDate() + " toLocalTime=" + dt.toLocalTime() + " atTime=" + LocalDate.of(2025, 5, 5).atTime(9, 15, 1)
                + " atStartOfDay=" + LocalDate.of(2025, 5, 5).atStartOfDay());
        LocalDateTime later = LocalDateTime.of(2024, 3, 2, 1, 15, 45);
        System.out.println("between: hours=" + ChronoUnit.HOURS.between(dt, later) + " minutes=" + ChronoUnit.MINUTES.between(dt, later) + " days=" + ChronoUnit.DAYS.between(dt, later)
                + " duration=" + Duration.between(dt, later) + " negative=" + Duration.between(later, dt));
        Duration[] ds = {Duration.ZERO, Duration.ofSeconds(59), Duration.ofMinutes(90), Duration.ofHours(49), Duration.ofMillis(1500), Duration.ofNanos(1), Duration.ofSeconds(-1, 1),
            Duration.ofSeconds(-90), Duration.ofDays(2).plusMinutes(3).plusMillis(4), Duration.parse("PT1H30M")};
        for (Duration d : ds) {
            System.out.println(d + " s=" + d.getSeconds() + " n=" + d.getNano() + " ms=" + d.toMillis() + " toMinutes=" + d.toMinutes()
                    + " negated=" + d.negated() + " abs=" + d.abs() + " x3=" + d.multipliedBy(3)
                    + " /2=" + d.dividedBy(2) + " isNegative=" + d.isNegative());
        }
        System.out.println("compare " + Duration.ofMinutes(60).equals(Duration.ofHours(1)) + " " + Duration.ofSeconds(61).compareTo(Duration.ofMinutes(1)));
        Period[] ps = {Period.ZERO, Period.ofDays(45), Period.ofMonths(14), Period.of(1, -2, 3), Period.parse("P1Y2M3W4D"), Period.ofWeeks(3), Period.parse("-P2Y")};
        for (Period p : ps) {
            System.out.println(p + " normalized=" + p.normalized() + " totalMonths=" + p.toTotalMonths() + " plus=" + p.plusDays(1) + " x2=" + p.multipliedBy(2) + " applied="
                    + LocalDate.of(2024, 1, 31).plus(p) + " negated=" + p.negated());
        }
        System.out.println("epoch " + Instant.ofEpochSecond(0) + " " + Instant.ofEpochMilli(1_700_000_000_123L) + " " + Instant.ofEpochSecond(-1, 500) + " "
                + LocalDateTime.ofEpochSecond(1_000_000_000, 0, ZoneOffset.UTC) + " " + LocalDateTime.of(2038, 1, 19, 3, 14, 8).toEpochSecond(ZoneOffset.UTC) + " "
                + Instant.parse("2024-05-06T07:08:09.5Z").toEpochMilli() + " " + Instant.EPOCH.plus(Duration.ofDays(365)) + " " + ZoneOffset.ofHoursMinutes(5, 30)
                + " " + LocalDateTime.of(2024, 1, 1, 0, 0).atOffset(ZoneOffset.ofHours(-8)) + " " + OffsetDateTime.of(2024, 1, 1, 12, 0, 0, 0, ZoneOffset.UTC).plusHours(13));
        System.out.println("parse " + LocalDateTime.parse("2024-12-31T23:59:59.999") + " " + LocalTime.parse("10:15") + " " + LocalDateTime.parse("2024-02-29T12:00").plusYears(1)
                + " " + LocalTime.parse("23:59:59.000001"));
        for (String bad : new String[] {"24:00", "2024-02-29 12:00", "PT", "P1H"}) {
            try {
                if (bad.startsWith("P")) {
                    System.out.println(bad.contains("H") ? Period.parse(bad) : Duration.parse(bad));
                } else if (bad.length() > 5) {
                    System.out.println(LocalDateTime.parse(bad));
                } else {
                    System.out.println(LocalTime.parse(bad));
                }
            } catch (DateTimeException e) {
                System.out.println(bad + " -> " + e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
    }
}
