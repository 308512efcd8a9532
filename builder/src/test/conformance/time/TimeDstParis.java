import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/** Europe/Paris around its 2024 DST changes: the spring gap, the autumn overlap, the transitions. */
public class TimeDstParis {
    public static void main(String[] args) {
        ZoneId paris = ZoneId.of("Europe/Paris");
        ZoneRules rules = paris.getRules();
        System.out.println(paris + " " + rules + " fixed=" + rules.isFixedOffset());
        // Spring forward: 02:30 on 31 March 2024 does not exist, it is moved forward by the gap.
        LocalDateTime gap = LocalDateTime.of(2024, 3, 31, 2, 30);
        System.out.println("gap valid offsets " + rules.getValidOffsets(gap) + " -> " + ZonedDateTime.of(gap, paris));
        ZoneOffsetTransition spring = rules.getTransition(gap);
        System.out.println(spring + " gap=" + spring.isGap() + " duration=" + spring.getDuration());
        // Fall back: 02:30 on 27 October 2024 happens twice.
        LocalDateTime overlap = LocalDateTime.of(2024, 10, 27, 2, 30);
        ZonedDateTime earlier = ZonedDateTime.of(overlap, paris);
        System.out.println("overlap " + rules.getValidOffsets(overlap) + " earlier " + earlier + " later "
                + earlier.withLaterOffsetAtOverlap() + " back " + earlier.withLaterOffsetAtOverlap().withEarlierOffsetAtOverlap());
        ZoneOffsetTransition autumn = rules.getTransition(overlap);
        System.out.println(autumn + " overlap=" + autumn.isOverlap() + " instant=" + autumn.getInstant());
        // Adding hours across a transition is exact time, adding days keeps the local time.
        ZonedDateTime before = ZonedDateTime.of(2024, 3, 30, 12, 0, 0, 0, paris);
        System.out.println(before.plusHours(24) + " " + before.plusDays(1) + " "
                + Duration.between(before, before.plusDays(1)));
        for (int year : new int[] {1976, 1996, 2024, 2037, 2100}) {
            ZonedDateTime jan = ZonedDateTime.of(year, 1, 15, 12, 0, 0, 0, paris);
            ZoneOffsetTransition next = rules.nextTransition(jan.toInstant());
            System.out.println(year + ": " + jan.getOffset() + " dst=" + rules.isDaylightSavings(jan.toInstant())
                    + " next " + next + " then " + rules.nextTransition(next.getInstant()));
        }
        System.out.println("transitions " + rules.getTransitions().size() + " rules " + rules.getTransitionRules());
    }
}
