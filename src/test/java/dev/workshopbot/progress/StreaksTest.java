package dev.workshopbot.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Streak arithmetic on plain dates: what keeps, breaks and merely waits. */
class StreaksTest {

    private static final LocalDate MON = LocalDate.of(2026, 3, 2);

    /** Plan days on the given offsets from {@link #MON}, day i asking to read "s" + i. */
    private static List<Streaks.PlanDate> days(int... offsets) {
        List<Streaks.PlanDate> days = new ArrayList<>();
        for (int i = 0; i < offsets.length; i++) {
            days.add(new Streaks.PlanDate(MON.plusDays(offsets[i]), List.of("s" + i)));
        }
        return days;
    }

    /** Marks: day index → offset from {@link #MON} it was marked on. */
    private static Map<String, LocalDate> marks(int... dayAndOffset) {
        Map<String, LocalDate> marks = new HashMap<>();
        for (int i = 0; i < dayAndOffset.length; i += 2) {
            marks.put("s" + dayAndOffset[i], MON.plusDays(dayAndOffset[i + 1]));
        }
        return marks;
    }

    @Test
    void everyDayReadOnItsDay_countsEachDay() {
        assertEquals(
                new Streaks.Result(4, 4), Streaks.of(days(0, 1, 2, 3), marks(0, 0, 1, 1, 2, 2, 3, 3), MON.plusDays(3)));
    }

    @Test
    void todaysReadingNotYetMarked_waits_andBreaksNothing() {
        Streaks.Result result = Streaks.of(days(0, 1, 2, 3), marks(0, 0, 1, 1, 2, 2), MON.plusDays(3));
        assertEquals(new Streaks.Result(3, 3), result);
    }

    @Test
    void yesterdaysReading_mayBeCaughtUpToday_butNotTheDayAfter() {
        assertEquals(
                new Streaks.Result(3, 3),
                Streaks.of(days(0, 1, 2), marks(0, 0, 1, 2, 2, 2), MON.plusDays(2)),
                "day 1 read on day 2: in time");
        assertEquals(
                new Streaks.Result(1, 1),
                Streaks.of(days(0, 1, 2, 3), marks(0, 0, 1, 3, 3, 3), MON.plusDays(3)),
                "day 1 read on day 3: too late, the streak restarts");
    }

    @Test
    void aMissedDay_breaksTheCurrentStreak_andTheLongestRemembersTheBest() {
        Streaks.Result result =
                Streaks.of(days(0, 1, 2, 3, 4, 5), marks(0, 0, 1, 1, 2, 2, 4, 4, 5, 5), MON.plusDays(5));
        assertEquals(new Streaks.Result(2, 3), result);
    }

    @Test
    void yesterdayUnreadOnceTodayIsOver_isAMiss() {
        // Day 1 (Tuesday) unread; on Thursday its deadline (Wednesday, the next plan day) has passed.
        assertEquals(new Streaks.Result(0, 1), Streaks.of(days(0, 1, 2), marks(0, 0), MON.plusDays(3)));
    }

    @Test
    void aDayThePlanSkips_orAPausedWeek_isNoPlanDay_andBreaksNothing() {
        // Posted Monday, Wednesday (Tuesday skipped), then nothing for a paused week, then the Thursday after.
        List<Streaks.PlanDate> days = days(0, 2, 10);
        assertEquals(new Streaks.Result(3, 3), Streaks.of(days, marks(0, 0, 1, 2, 2, 10), MON.plusDays(10)));
        // Monday's reading caught up on Wednesday, the next plan day, two dates later: still in time.
        assertEquals(new Streaks.Result(2, 2), Streaks.of(days(0, 2), marks(0, 2, 1, 2), MON.plusDays(2)));
    }

    @Test
    void aDayIsReadOnlyWhenAllItsSectionsAre() {
        List<Streaks.PlanDate> days = List.of(
                new Streaks.PlanDate(MON, List.of("a", "b")), new Streaks.PlanDate(MON.plusDays(1), List.of("c")));
        Map<String, LocalDate> marks = new HashMap<>(Map.of("a", MON, "c", MON.plusDays(1)));
        assertEquals(new Streaks.Result(1, 1), Streaks.of(days, marks, MON.plusDays(1)));
        marks.put("b", MON.plusDays(1));
        assertEquals(new Streaks.Result(2, 2), Streaks.of(days, marks, MON.plusDays(1)));
    }

    @Test
    void noPlanDays_noStreak() {
        assertEquals(new Streaks.Result(0, 0), Streaks.of(List.of(), Map.of("x", MON), MON));
    }

    @Test
    void aReminderIsDue_onlyWhenYesterdayIsOpen_todayIsItsLastDay_andThereIsAStreakToLose() {
        List<Streaks.PlanDate> days = days(0, 1, 2);
        LocalDate wednesday = MON.plusDays(2);
        assertTrue(Streaks.breaksTonight(days, marks(0, 0), wednesday), "Monday read, Tuesday open, Wednesday");
        assertFalse(Streaks.breaksTonight(days, marks(0, 0, 1, 2), wednesday), "Tuesday caught up already");
        assertFalse(Streaks.breaksTonight(days, marks(), wednesday), "no streak to lose");
        assertFalse(Streaks.breaksTonight(days, marks(0, 0), MON.plusDays(3)), "too late: Tuesday is missed");
    }
}
