import java.time.*;
import java.time.temporal.*;

/** LocalDate arithmetic: month ends, leap years, day-of-week and -year, adjusters, until/between, ISO week fields, ranges and errors. */
public class LibTimeLocalDate {
    public static void main(String[] args) {
        LocalDate d = LocalDate.of(2024, 1, 31);
        System.out.println(d + " plusMonths(1)=" + d.plusMonths(1) + " plusMonths(13)=" + d.plusMonths(13) + " minusMonths(2)=" + d.minusMonths(2) + " plusYears(1)=" + d.plusYears(1)
                + " plusWeeks(5)=" + d.plusWeeks(5) + " plusDays(400)=" + d.plusDays(400) + " minusDays(31)=" + d.minusDays(31));
        LocalDate leap = LocalDate.of(2024, 2, 29);
        System.out.println(leap + " plusYears(1)=" + leap.plusYears(1) + " plusYears(4)=" + leap.plusYears(4) + " isLeapYear=" + leap.isLeapYear() + " 1900 leap="
                + Year.isLeap(1900) + " 2000 leap=" + Year.isLeap(2000) + " lengthOfMonth=" + leap.lengthOfMonth() + " lengthOfYear=" + leap.lengthOfYear());
        for (LocalDate x : new LocalDate[] {LocalDate.of(1970, 1, 1), LocalDate.of(2000, 2, 29), LocalDate.of(2023, 12, 31), LocalDate.of(2024, 12, 30), LocalDate.of(1, 1, 1), LocalDate.of(-44, 3, 15)}) {
            System.out.println(x + " dow=" + x.getDayOfWeek() + " doy=" + x.getDayOfYear() + " epochDay=" + x.toEpochDay() + " isoWeek=" + x.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)
                    + " weekYear=" + x.get(IsoFields.WEEK_BASED_YEAR) + " quarter=" + x.get(IsoFields.QUARTER_OF_YEAR) + " alignedWeekOfMonth=" + x.get(ChronoField.ALIGNED_WEEK_OF_MONTH));
        }
        LocalDate today = LocalDate.of(2026, 12, 1);
        System.out.println("firstDayOfMonth=" + today.with(TemporalAdjusters.firstDayOfMonth()) + " lastDayOfMonth=" + today.with(TemporalAdjusters.lastDayOfMonth())
                + " next(FRIDAY)=" + today.with(TemporalAdjusters.next(DayOfWeek.FRIDAY)) + " nextOrSame(TUESDAY)=" + today.with(TemporalAdjusters.nextOrSame(DayOfWeek.TUESDAY))
                + " previous(MONDAY)=" + today.with(TemporalAdjusters.previous(DayOfWeek.MONDAY)) + " firstInMonth(SUNDAY)=" + today.with(TemporalAdjusters.firstInMonth(DayOfWeek.SUNDAY))
                + " lastInMonth(FRIDAY)=" + today.with(TemporalAdjusters.lastInMonth(DayOfWeek.FRIDAY)) + " dayOfWeekInMonth(3, WEDNESDAY)="
                + today.with(TemporalAdjusters.dayOfWeekInMonth(3, DayOfWeek.WEDNESDAY)) + " firstDayOfNextYear=" + today.with(TemporalAdjusters.firstDayOfNextYear()));
        System.out.println("withDayOfMonth(31)=" + LocalDate.of(2026, 3, 15).withDayOfMonth(31) + " withMonth(2)=" + LocalDate.of(2026, 3, 31).withMonth(2) + " withDayOfYear(256)="
                + today.withDayOfYear(256) + " with(DAY_OF_WEEK,7)=" + today.with(ChronoField.DAY_OF_WEEK, 7));
        LocalDate birth = LocalDate.of(1987, 6, 15);
        Period age = Period.between(birth, today);
        System.out.println("age " + age + " years=" + age.getYears() + " until=" + birth.until(today) + " days=" + ChronoUnit.DAYS.between(birth, today) + " weeks=" + ChronoUnit.WEEKS.between(birth, today)
                + " months=" + birth.until(today, ChronoUnit.MONTHS) + " decades=" + ChronoUnit.DECADES.between(birth, today) + " negative=" + Period.between(today, birth)
                + " days back=" + today.until(birth, ChronoUnit.DAYS));
        System.out.println("compare " + birth.isBefore(today) + " " + today.isAfter(birth) + " " + birth.isEqual(LocalDate.parse("1987-06-15")) + " " + birth.compareTo(today) + " "
                + LocalDate.ofEpochDay(20000) + " " + LocalDate.ofYearDay(2024, 366) + " " + LocalDate.MIN + " " + LocalDate.MAX);
        System.out.println("range " + today.range(ChronoField.DAY_OF_MONTH) + " " + LocalDate.of(2023, 2, 1).range(ChronoField.DAY_OF_MONTH) + " " + today.range(ChronoField.DAY_OF_YEAR)
                + " supported " + today.isSupported(ChronoUnit.HOURS) + " " + today.isSupported(ChronoField.EPOCH_DAY));
        StringBuilder sb = new StringBuilder();
        for (LocalDate x = LocalDate.of(2026, 2, 25); x.isBefore(LocalDate.of(2026, 3, 4)); x = x.plusDays(1)) {
            sb.append(x.getDayOfMonth()).append(x.getDayOfWeek().toString(), 0, 2).append(' ');
        }
        System.out.println(sb.toString().trim());
        String[] bad = {"2023-02-29", "2024-13-01", "2024-1-1", "20240101", ""};
        for (String s : bad) {
            try {
                System.out.println(LocalDate.parse(s));
            } catch (DateTimeException e) {
                System.out.println(s + " -> " + e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
        try {
            LocalDate.of(2023, 2, 29);
        } catch (DateTimeException e) {
            System.out.println("of(2023,2,29): " + e.getMessage());
        }
        try {
            LocalDate.of(2023, 4, 31);
        } catch (DateTimeException e) {
            System.out.println("of(2023,4,31): " + e.getMessage());
        }
        try {
            today.plus(1, ChronoUnit.HOURS);
        } catch (DateTimeException e) {
            System.out.println("plus hours: " + e.getMessage());
        }
    }
}
