package dev.workshopbot.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.workshopbot.MovableClock;
import dev.workshopbot.commands.Caller;
import dev.workshopbot.commands.GroupProgressCommand;
import dev.workshopbot.commands.Invocation;
import dev.workshopbot.commands.ModeratorGate;
import dev.workshopbot.commands.Reply;
import dev.workshopbot.content.ContentLoader;
import dev.workshopbot.content.Library;
import dev.workshopbot.store.AuditLog;
import dev.workshopbot.store.DailyStore;
import dev.workshopbot.store.Database;
import dev.workshopbot.store.ProgressStore;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /group-progress: readers per plan day, thread activity, the week's active members, the opt-in leaderboard. */
class GroupProgressTest {

    private static final long GUILD = 1;
    private static final Library LIBRARY =
            new ContentLoader("https://workshop.example.test").load(Path.of("src/test/resources/sites/study-workshop"));
    private static final LocalDate FIRST = LocalDate.of(2026, 2, 1);
    private static final int POSTED = 16;

    @TempDir
    Path temp;

    private final MovableClock clock = new MovableClock("2026-02-16T20:00:00Z");
    private Database database;
    private DailyStore daily;
    private ProgressStore store;

    @BeforeEach
    void open() {
        database = Database.open("jdbc:sqlite:" + temp.resolve("state.db"));
        daily = new DailyStore(database);
        store = new ProgressStore(database);
        daily.schedule(GUILD, 10, LocalTime.of(9, 0), ZoneId.of("UTC"), clock.instant());
        int plan = LIBRARY.plan().size();
        for (int i = 0; i < POSTED; i++) {
            LocalDate date = FIRST.plusDays(i);
            daily.claim(GUILD, date, i % plan, 10, "n" + i, "test", clock.instant());
            daily.complete(GUILD, date, 500 + i, 700L + i, clock.instant());
        }
    }

    private List<String> keys(int postIndex) {
        int planDay = postIndex % LIBRARY.plan().size();
        return ProgressSystem.keysOf(LIBRARY.plan().days().get(planDay), planDay);
    }

    private GroupProgress group(boolean leaderboard) {
        ProgressSystem progress = new ProgressSystem(store, daily, () -> LIBRARY, clock, ZoneId.of("UTC"));
        ThreadActivity threads = id -> id == 715 ? OptionalInt.empty() : OptionalInt.of((int) (id - 700));
        return new GroupProgress(store, progress, () -> LIBRARY, () -> threads, leaderboard);
    }

    @Test
    void theLast14PlanDays_countMembersWhoReadAllOfEach_andTheirThreads() {
        // Member 7 reads every day on its day; member 8 the first day only, all but one section of the last day's,
        // and something else today.
        for (int i = 0; i < POSTED; i++) {
            store.mark(GUILD, 7, keys(i), FIRST.plusDays(i), clock.instant());
        }
        // The plan has fewer days than were posted, so it looped: a section read on the first round stays read.
        store.mark(GUILD, 7, List.of("an-extra-section"), FIRST.plusDays(11), clock.instant());
        store.mark(GUILD, 8, keys(0), FIRST, clock.instant());
        List<String> last = keys(POSTED - 1);
        store.mark(GUILD, 8, last.subList(0, Math.max(0, last.size() - 1)), FIRST.plusDays(15), clock.instant());
        store.mark(GUILD, 8, List.of("a-section-of-another-day"), FIRST.plusDays(15), clock.instant());

        GroupProgress.Report report = group(false).report(GUILD);
        assertEquals(GroupProgress.DAYS, report.days().size());
        assertEquals(FIRST.plusDays(2), report.days().get(0).date(), "the two oldest posts are left out");
        GroupProgress.Day lastDay = report.days().get(GroupProgress.DAYS - 1);
        assertEquals(last.size() > 1 ? 1 : 2, lastDay.readers(), "a day counts only when all of it is read");
        assertEquals(OptionalInt.empty(), lastDay.messages(), "an unknown thread");
        assertEquals(
                OptionalInt.of(14), report.days().get(GroupProgress.DAYS - 2).messages());
        assertEquals(2, report.readers());
        assertEquals(2, report.activeThisWeek(), "both marked something since February 10");
        assertEquals(List.of(), report.leaders(), "no leaderboard unless the server turns it on");
    }

    @Test
    void theLeaderboard_isOptIn_andShowsOnlyMembersWhoShareTheirProgress() {
        for (int i = 0; i < POSTED; i++) {
            store.mark(GUILD, 7, keys(i), FIRST.plusDays(i), clock.instant());
            if (i >= 10) {
                store.mark(GUILD, 8, keys(i), FIRST.plusDays(i), clock.instant());
                store.mark(GUILD, 9, keys(i), FIRST.plusDays(i), clock.instant());
            }
        }
        store.setPublic(GUILD, 8, true);
        store.setPublic(GUILD, 9, true);
        List<GroupProgress.Leader> leaders = group(true).report(GUILD).leaders();
        assertEquals(
                List.of(8L, 9L),
                leaders.stream().map(GroupProgress.Leader::userId).toList(),
                "7 is private");
        assertEquals(new GroupProgress.Leader(8, 6, 6), leaders.get(0));
    }

    @Test
    void groupProgress_isRefusedToMembers_onTheCommandAndOnItsRefreshButton() throws Exception {
        GroupProgressCommand command =
                new GroupProgressCommand(group(false), new ModeratorGate(new AuditLog(database), clock));
        Caller member = new Caller(7, GUILD, false);
        Caller moderator = new Caller(9, GUILD, true);
        Reply refused = command.handle(new Invocation("group-progress", null, Map.of(), member));
        assertTrue(refused.ephemeral());
        assertTrue(refused.toCallback().toString().contains("Only moderators can use /group-progress"));

        Reply shown = command.handle(new Invocation("group-progress", null, Map.of(), moderator));
        assertTrue(shown.ephemeral());
        String body = shown.toCallback().toString();
        int planDay = (POSTED - 1) % LIBRARY.plan().size() + 1;
        assertTrue(body.contains("Day " + planDay + " · 2026-02-16 · 0 members read it · thread —"), body);
        String refresh = shown.message()
                .getComponents()
                .get(0)
                .asActionRow()
                .getButtons()
                .get(0)
                .getCustomId();
        assertTrue(command.press(refresh, member).toCallback().toString().contains("Only moderators"));
        assertFalse(command.press(refresh, moderator).toCallback().toString().contains("Only moderators"));
    }
}
