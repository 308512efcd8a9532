import java.time.*;
import java.time.temporal.*;

/** DayOfWeek, Month, Year, YearMonth and MonthDay: arithmetic that wraps, lengths, quarters, comparisons, ISO strings, a printed calendar month. */
public class LibTimeEnums {
    public static void main(String[] args) {
        for (DayOfWeek d : DayOfWeek.values()) {
            System.out.print(d + "(" + d.getValue() + ")+3=" + d.plus(3) + " -8=" + d.minus(8) + "; ");
        }
        System.out.println();
        for (Month m : Month.values()) {
            System.out.print(m.getValue() + ":" + m.length(false) + "/" + m.length(true) + " min=" + m.minLength() + " q1st=" + m.firstMonthOfQuarter() + " doy=" + m.firstDayOfYear(true) + " ");
        }
        System.out.println();
        System.out.println(Month.of(12).plus(1) + " " + Month.JANUARY.minus(13) + " " + DayOfWeek.of(7) + " " + Month.valueOf("MARCH").ordinal() + " " + DayOfWeek.from(LocalDate.of(2026, 12, 1))
                + " " + Month.from(LocalDate.of(2026, 12, 1)) + " " + Month.FEBRUARY.get(ChronoField.MONTH_OF_YEAR));
        try {
            DayOfWeek.of(0);
        } catch (DateTimeException e) {
            System.out.println("DayOfWeek.of(0): " + e.getMessage());
        }
        try {
            Month.of(13);
        } catch (DateTimeException e) {
            System.out.println("Month.of(13): " + e.getMessage());
        }
        Year y = Year.of(2024);
        System.out.println(y + " leap=" + y.isLeap() + " length=" + y.length() + " atDay(60)=" + y.atDay(60) + " plusYears=" + y.plusYears(76) + " atMonth=" + y.atMonth(Month.APRIL)
                + " isValidMonthDay(02-29)=" + y.isValidMonthDay(MonthDay.of(2, 29)) + " next isValid=" + y.plusYears(1).isValidMonthDay(MonthDay.of(2, 29)) + " parse=" + Year.parse("1999"));
        YearMonth ym = YearMonth.of(2024, 2);
        System.out.println(ym + " length=" + ym.lengthOfMonth() + " atEndOfMonth=" + ym.atEndOfMonth() + " plusMonths(11)=" + ym.plusMonths(11) + " minusYears=" + ym.minusYears(1).lengthOfMonth()
                + " isValidDay(30)=" + ym.isValidDay(30) + " parse=" + YearMonth.parse("2023-11") + " until=" + ym.until(YearMonth.of(2026, 1), ChronoUnit.MONTHS) + " compare="
                + ym.compareTo(YearMonth.of(2024, 3)) + " isBefore=" + ym.isBefore(YearMonth.of(2025, 1)));
        MonthDay md = MonthDay.of(2, 29);
        System.out.println(md + " atYear(2023)=" + md.atYear(2023) + " atYear(2024)=" + md.atYear(2024) + " isValidYear(2023)=" + md.isValidYear(2023) + " parse=" + MonthDay.parse("--12-25")
                + " with=" + md.with(Month.APRIL) + " isAfter=" + md.isAfter(MonthDay.of(1, 31)));
        YearMonth cal = YearMonth.of(2026, 12);
        System.out.println("   " + cal.getMonth() + " " + cal.getYear());
        System.out.println("Mo Tu We Th Fr Sa Su");
        StringBuilder sb = new StringBuilder();
        int offset = cal.atDay(1).getDayOfWeek().getValue() - 1;
        sb.append("   ".repeat(offset));
        for (int day = 1; day <= cal.lengthOfMonth(); day++) {
            sb.append(String.format("%2d", day));
            sb.append((day + offset) % 7 == 0 ? "\n" : " ");
        }
        System.out.println(sb.toString().stripTrailing());
        int fridays13 = 0;
        StringBuilder which = new StringBuilder();
        for (YearMonth m = YearMonth.of(2020, 1); m.isBefore(YearMonth.of(2027, 1)); m = m.plusMonths(1)) {
            if (m.atDay(13).getDayOfWeek() == DayOfWeek.FRIDAY) {
                fridays13++;
                which.append(m).append(' ');
            }
        }
        System.out.println("Friday 13ths 2020-2026: " + fridays13 + " " + which.toString().trim());
    }
}
