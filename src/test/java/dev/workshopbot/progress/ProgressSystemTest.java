package dev.workshopbot.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.workshopbot.MovableClock;
import dev.workshopbot.content.ContentLoader;
import dev.workshopbot.content.Library;
import dev.workshopbot.store.DailyStore;
import dev.workshopbot.store.Database;
import dev.workshopbot.store.ProgressStore;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Streaks as a server sees them: marks dated in the server's own zone by an injected clock, plan days from its post
 * log, across DST changes in two hemispheres, skipped days, a pause and a change of time zone.
 */
class ProgressSystemTest {

    private static final long GUILD = 1;
    private static final long MEMBER = 7;
    private static final Library LIBRARY =
            new ContentLoader("https://workshop.example.test").load(Path.of("src/test/resources/sites/study-workshop"));

    @TempDir
    Path temp;

    private final MovableClock clock = new MovableClock("2026-01-01T00:00:00Z");
    private DailyStore daily;
    private ProgressStore store;
    private ProgressSystem progress;

    @BeforeEach
    void open() {
        Database database = Database.open("jdbc:sqlite:" + temp.resolve("state.db"));
        daily = new DailyStore(database);
        store = new ProgressStore(database);
        progress = new ProgressSystem(store, daily, () -> LIBRARY, clock, ZoneId.of("UTC"));
    }

    private void schedule(String zone) {
        daily.schedule(GUILD, 10, LocalTime.of(9, 0), ZoneId.of(zone), clock.instant());
    }

    /** The server posted plan day {@code planDay} on its local date {@code date}. */
    private void posted(String date, int planDay) {
        LocalDate day = LocalDate.parse(date);
        daily.claim(GUILD, day, planDay, 10, "n" + date, "test", clock.instant());
        daily.complete(GUILD, day, 1000 + planDay, null, clock.instant());
    }

    /** The member clicks "Mark as read" on plan day {@code planDay}'s post at {@code instant}. */
    private void readAt(String instant, int planDay) {
        clock.set(instant);
        progress.mark(GUILD, MEMBER, ProgressSystem.keysOf(LIBRARY.plan().days().get(planDay), planDay));
    }

    private Streaks.Result streaks() {
        return progress.report(GUILD, MEMBER).streaks();
    }

    private LocalDate markedOn(int planDay) {
        Map<String, LocalDate> reads = store.reads(GUILD, MEMBER);
        return reads.get(ProgressSystem.keysOf(LIBRARY.plan().days().get(planDay), planDay)
                .get(0));
    }

    @Test
    void theFixtureHasAPlanLongEnough() {
        assertTrue(LIBRARY.plan().size() >= 4, "plan days: " + LIBRARY.plan().size());
    }

    @Test
    void newYork_springForward_aLateEveningReadCountsForThatEveningsDate() {
        schedule("America/New_York");
        posted("2026-03-07", 0);
        posted("2026-03-08", 1); // clocks go forward at 02:00 this day
        posted("2026-03-09", 2);
        readAt("2026-03-08T04:30:00Z", 0); // 23:30 EST on March 7
        readAt("2026-03-10T03:30:00Z", 1); // 23:30 EDT on March 9: day 1 caught up on its last day
        readAt("2026-03-10T03:40:00Z", 2);
        assertEquals(LocalDate.parse("2026-03-07"), markedOn(0));
        assertEquals(LocalDate.parse("2026-03-09"), markedOn(1), "in UTC it would be March 10, a day too late");
        assertEquals(new Streaks.Result(3, 3), streaks());
    }

    @Test
    void sydney_autumnBack_aReadAfterLocalMidnightIsTheNextDay() {
        schedule("Australia/Sydney");
        posted("2026-04-04", 0);
        posted("2026-04-05", 1); // clocks go back at 03:00 this day
        posted("2026-04-06", 2);
        readAt("2026-04-04T13:30:00Z", 0); // 00:30 AEDT on April 5: day 0 on its last day
        readAt("2026-04-06T14:30:00Z", 1); // 00:30 AEST on April 7: day 1's last day was April 6
        readAt("2026-04-06T14:40:00Z", 2);
        assertEquals(LocalDate.parse("2026-04-05"), markedOn(0));
        assertEquals(LocalDate.parse("2026-04-07"), markedOn(1), "in UTC it would be April 6, still in time");
        assertEquals(new Streaks.Result(1, 1), streaks(), "day 1 was read too late: only day 2 counts now");
    }

    @Test
    void aMissedDay_breaks_butASkippedDayAndAPausedWeekDoNot() {
        schedule("Europe/Berlin");
        posted("2026-05-04", 0);
        readAt("2026-05-04T18:00:00Z", 0);
        posted("2026-05-06", 1); // nothing posted on the 5th
        readAt("2026-05-06T18:00:00Z", 1);
        daily.pause(GUILD, "paused by a moderator", clock.instant());
        daily.resume(
                GUILD,
                LocalDate.parse("2026-05-14")
                        .atStartOfDay(ZoneId.of("Europe/Berlin"))
                        .toInstant());
        posted("2026-05-14", 2);
        readAt("2026-05-14T18:00:00Z", 2);
        assertEquals(new Streaks.Result(3, 3), streaks());
        posted("2026-05-15", 3);
        posted("2026-05-16", 4);
        clock.set("2026-05-17T10:00:00Z");
        assertEquals(new Streaks.Result(0, 3), streaks(), "day 3 went unread past day 4: missed");
    }

    @Test
    void aServerThatChangesItsTimeZone_keepsTheStreakItHad() {
        schedule("Pacific/Auckland");
        posted("2026-01-01", 0);
        readAt("2026-01-01T02:00:00Z", 0); // 15:00 on January 1 in Auckland
        posted("2026-01-02", 1);
        readAt("2026-01-02T02:00:00Z", 1);
        posted("2026-01-03", 2);
        readAt("2026-01-03T02:00:00Z", 2);
        assertEquals(new Streaks.Result(3, 3), streaks());
        // Moved to Los Angeles at the same instant: there it is still January 2; no past day moves.
        schedule("America/Los_Angeles");
        assertEquals(LocalDate.parse("2026-01-02"), progress.today(GUILD));
        assertEquals(new Streaks.Result(3, 3), streaks());
        posted("2026-01-04", 3);
        readAt("2026-01-04T20:00:00Z", 3); // 12:00 on January 4 in Los Angeles
        assertEquals(LocalDate.parse("2026-01-04"), markedOn(3));
        assertEquals(new Streaks.Result(4, 4), streaks());
    }

    @Test
    void aReport_countsSectionsPerPage_andNamesTheFirstUnread() {
        schedule("UTC");
        readAt("2026-01-01T10:00:00Z", 0);
        ProgressSystem.Report report = progress.report(GUILD, MEMBER);
        int firstDay = LIBRARY.plan().days().get(0).sections().size();
        assertEquals(firstDay, report.read());
        assertEquals(LIBRARY.sections().size(), report.total());
        assertEquals(
                report.read(),
                report.pages().stream()
                        .mapToInt(ProgressSystem.PageProgress::read)
                        .sum());
        String next = report.next().orElseThrow().key();
        assertTrue(!store.reads(GUILD, MEMBER).containsKey(next), "the next section is unread: " + next);
        assertEquals(
                List.of(),
                report.pages().stream().filter(p -> p.read() > p.total()).toList());
    }
}
