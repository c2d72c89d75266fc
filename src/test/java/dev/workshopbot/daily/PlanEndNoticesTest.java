package dev.workshopbot.daily;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.workshopbot.MovableClock;
import dev.workshopbot.content.ContentLoader;
import dev.workshopbot.content.Library;
import dev.workshopbot.store.DailyStore;
import dev.workshopbot.store.Database;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plan running out: one note three days before the last and one on the last, never repeated. */
class PlanEndNoticesTest {

    private static final long GUILD = 1;
    private static final long CHANNEL = 10;
    private static final Library LIBRARY =
            new ContentLoader("https://workshop.example.test").load(Path.of("src/test/resources/sites/study-workshop"));
    private static final LocalDate START = LocalDate.of(2026, 6, 1);

    @TempDir
    Path temp;

    private record Note(long guildId, long channelId, String text) {}

    private final List<Note> notes = new ArrayList<>();
    private final MovableClock clock = new MovableClock("2026-06-01T12:00:00Z");

    private void post(DailyStore store, int planDay) {
        LocalDate date = START.plusDays(planDay);
        store.claim(GUILD, date, planDay, CHANNEL, "n" + planDay, "test", clock.instant());
        store.complete(GUILD, date, 100 + planDay, null, clock.instant());
    }

    private PlanEndNotices notices(DailyStore store, boolean loops) {
        return new PlanEndNotices(
                store,
                () -> LIBRARY,
                (guild, channel, text) -> notes.add(new Note(guild, channel, text)),
                clock,
                loops);
    }

    @Test
    void threeDaysBeforeTheLast_andOnTheLast_oneNoteEach_sayingWhatHappensNext() {
        String url = "jdbc:sqlite:" + temp.resolve("state.db");
        DailyStore store = new DailyStore(Database.open(url));
        store.schedule(GUILD, CHANNEL, LocalTime.of(9, 0), ZoneId.of("UTC"), clock.instant());
        PlanEndNotices notices = notices(store, false);
        int total = LIBRARY.plan().size();
        for (int day = 0; day < total - 4; day++) {
            post(store, day);
            assertEquals(List.of(), notices.tick(), "nothing to say yet on day " + (day + 1));
        }
        post(store, total - 4);
        assertEquals(1, notices.tick().size());
        Note ahead = notes.get(0);
        assertEquals(CHANNEL, ahead.channelId());
        assertTrue(
                ahead.text().startsWith("The reading plan ends in 3 days: day " + total + " of " + total),
                ahead.text());
        assertTrue(ahead.text().contains("daily.onEnd: stop"), ahead.text());
        assertEquals(List.of(), notices.tick(), "once");
        assertEquals(
                List.of(), notices(new DailyStore(Database.open(url)), false).tick(), "once, after a restart too");
        for (int day = total - 3; day < total - 1; day++) {
            post(store, day);
            assertEquals(List.of(), notices.tick());
        }
        post(store, total - 1);
        List<String> last = notices.tick();
        assertEquals(1, last.size());
        assertTrue(last.get(0).contains("is the last day of the reading plan"), last.get(0));
        assertEquals(List.of(), notices.tick());
    }

    @Test
    void aLoopingPlan_saysItStartsAgain() {
        DailyStore store = new DailyStore(Database.open("jdbc:sqlite:" + temp.resolve("loop.db")));
        store.schedule(GUILD, CHANNEL, LocalTime.of(9, 0), ZoneId.of("UTC"), clock.instant());
        post(store, LIBRARY.plan().size() - 1);
        List<String> sent = notices(store, true).tick();
        assertEquals(1, sent.size());
        assertTrue(sent.get(0).contains("start again from day 1"), sent.get(0));
    }
}
