package dev.workshopbot.daily;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.workshopbot.content.ContentLoader;
import dev.workshopbot.content.Library;
import dev.workshopbot.store.DailyStore;
import dev.workshopbot.store.Database;
import dev.workshopbot.store.GuildSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Exactly once per server per local date, across crashes, restarts and two instances, on a real SQLite file. */
@Timeout(30)
class DailyRoutineTest {

    private static final Library LIBRARY = new ContentLoader("https://x.example").load(Path.of("content"));
    private static final Instant NINE_UTC = Instant.parse("2026-06-01T09:00:00Z");
    private static final DailyRoutine.Settings SETTINGS =
            new DailyRoutine.Settings(Duration.ofHours(6), true, false, Duration.ofMinutes(2));

    @TempDir
    Path dir;

    private DailyStore store;
    private FakeChannel channel;

    /** A simulated crash of the whole routine: it escapes the routine like a killed process would. */
    static final class Crash extends RuntimeException {
        Crash(String where) {
            super(where);
        }
    }

    /** Discord as far as posts go: messages by nonce, with faults to inject. */
    static final class FakeChannel implements ReadingPublisher {
        final Map<String, Long> messagesByNonce = new ConcurrentHashMap<>();
        final List<DailyPost> sent = new java.util.concurrent.CopyOnWriteArrayList<>();
        final AtomicLong ids = new AtomicLong(1000);
        volatile String fault = "none";

        @Override
        public CompletableFuture<Published> publish(DailyPost post) {
            if (fault.equals("before-send")) {
                throw new Crash("between intent and send");
            }
            if (fault.equals("channel-gone")) {
                return CompletableFuture.failedFuture(
                        new PublishException(PublishException.Kind.CHANNEL_GONE, "channel was deleted", null));
            }
            long id = messagesByNonce.computeIfAbsent(post.nonce(), nonce -> ids.incrementAndGet());
            sent.add(post);
            if (fault.equals("after-send")) {
                throw new Crash("between send and record");
            }
            return CompletableFuture.completedFuture(new Published(id, id + 1));
        }

        @Override
        public CompletableFuture<Optional<Published>> findEarlier(DailyPost post) {
            if (fault.equals("channel-gone")) {
                return CompletableFuture.failedFuture(
                        new PublishException(PublishException.Kind.CHANNEL_GONE, "channel was deleted", null));
            }
            Long id = messagesByNonce.get(post.nonce());
            return CompletableFuture.completedFuture(Optional.ofNullable(id).map(found -> new Published(found, null)));
        }
    }

    @BeforeEach
    void setUp() {
        store = new DailyStore(Database.open("jdbc:sqlite:" + dir.resolve("bot.db")));
        channel = new FakeChannel();
    }

    private DailyRoutine routine(Instant now, String instance) {
        return new DailyRoutine(store, () -> LIBRARY, channel, Clock.fixed(now, ZoneOffset.UTC), SETTINGS, instance);
    }

    private void guild(long id, int cursor) {
        store.save(new GuildSettings(id, id * 10, LocalTime.of(9, 0), ZoneId.of("UTC"), false, null, cursor), NINE_UTC);
    }

    private static List<DailyRoutine.Outcome> run(DailyRoutine routine) {
        return routine.tick().stream().map(CompletableFuture::join).toList();
    }

    @Test
    void dueServer_isPostedOnce_andARestartPostsNothingNew() {
        guild(1, 0);
        assertEquals(List.of(DailyRoutine.Outcome.POSTED), run(routine(NINE_UTC.plusSeconds(120), "a")));
        assertEquals(List.of(DailyRoutine.Outcome.SKIPPED), run(routine(NINE_UTC.plusSeconds(180), "b")));
        assertEquals(1, channel.sent.size());
        assertEquals(1, store.settings(1).orElseThrow().cursor());
        assertEquals(
                1001L, store.post(1, LocalDate.of(2026, 6, 1)).orElseThrow().messageId());
    }

    @Test
    void crashBetweenIntentAndSend_restartSendsItOnce_noDaySkipped() {
        guild(1, 3);
        channel.fault = "before-send";
        assertThrows(Crash.class, () -> run(routine(NINE_UTC, "a")));
        channel.fault = "none";
        // within the lease the claim is still the crashed instance's
        assertEquals(List.of(DailyRoutine.Outcome.SKIPPED), run(routine(NINE_UTC.plusSeconds(60), "b")));
        assertEquals(List.of(DailyRoutine.Outcome.POSTED), run(routine(NINE_UTC.plusSeconds(300), "b")));
        assertEquals(1, channel.sent.size());
        assertEquals(3, channel.sent.get(0).index(), "the plan day of the intent, not the next one");
    }

    @Test
    void crashBetweenSendAndRecord_restartFindsTheMessage_andDoesNotSendAgain() {
        guild(1, 0);
        channel.fault = "after-send";
        assertThrows(Crash.class, () -> run(routine(NINE_UTC, "a")));
        channel.fault = "none";
        assertEquals(List.of(DailyRoutine.Outcome.RECOVERED), run(routine(NINE_UTC.plusSeconds(300), "b")));
        assertEquals(1, channel.sent.size());
        assertTrue(store.post(1, LocalDate.of(2026, 6, 1)).orElseThrow().isDone());
    }

    @Test
    void twoInstancesOnOneDatabase_postEachServerOnce() throws Exception {
        for (long id = 1; id <= 20; id++) {
            guild(id, 0);
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<List<DailyRoutine.Outcome>>> runs = new ArrayList<>();
        for (String instance : List.of("a", "b")) {
            runs.add(pool.submit(() -> {
                go.await();
                return run(routine(NINE_UTC.plusSeconds(10), instance));
            }));
        }
        go.countDown();
        long posted = 0;
        for (Future<List<DailyRoutine.Outcome>> result : runs) {
            posted += result.get(20, TimeUnit.SECONDS).stream()
                    .filter(o -> o == DailyRoutine.Outcome.POSTED)
                    .count();
        }
        pool.shutdown();
        assertEquals(20, posted);
        assertEquals(20, channel.sent.size());
    }

    @Test
    void downLongerThanTheCatchUpWindow_postsNothing_neverABacklog() {
        guild(1, 0);
        assertEquals(List.of(), run(routine(NINE_UTC.plus(Duration.ofHours(7)), "a")));
        assertEquals(List.of(DailyRoutine.Outcome.POSTED), run(routine(NINE_UTC.plus(Duration.ofDays(1)), "a")));
        assertEquals(1, channel.sent.size());
        assertEquals(LocalDate.of(2026, 6, 2), channel.sent.get(0).date());
    }

    @Test
    void pausedServers_areSkipped() {
        store.save(new GuildSettings(1, 10, LocalTime.of(9, 0), ZoneId.of("UTC"), true, null, 0), NINE_UTC);
        assertEquals(List.of(), run(routine(NINE_UTC, "a")));
    }

    @Test
    void deletedChannel_pausesTheServerWithTheReason_noRetryStorm() {
        guild(1, 0);
        channel.fault = "channel-gone";
        assertEquals(List.of(DailyRoutine.Outcome.PAUSED), run(routine(NINE_UTC, "a")));
        GuildSettings paused = store.settings(1).orElseThrow();
        assertTrue(paused.paused());
        assertEquals("channel was deleted", paused.pauseReason());
        assertEquals(List.of(), run(routine(NINE_UTC.plusSeconds(600), "a")));
    }

    @Test
    void planEnd_stopsWithStop_andStartsOverWithLoop() {
        int days = LIBRARY.plan().size();
        guild(1, days);
        assertEquals(List.of(DailyRoutine.Outcome.PLAN_FINISHED), run(routine(NINE_UTC, "a")));
        DailyRoutine looping = new DailyRoutine(
                store,
                () -> LIBRARY,
                channel,
                Clock.fixed(NINE_UTC, ZoneOffset.UTC),
                new DailyRoutine.Settings(Duration.ofHours(6), true, true, Duration.ofMinutes(2)),
                "a");
        assertEquals(List.of(DailyRoutine.Outcome.POSTED), run(looping));
        assertEquals(0, channel.sent.get(0).index());
        assertEquals(1, store.settings(1).orElseThrow().cursor());
    }

    private DailySystem system(Instant now) {
        return new DailySystem(
                store, () -> LIBRARY, Clock.fixed(now, ZoneOffset.UTC), LocalTime.of(9, 0), ZoneId.of("UTC"), SETTINGS);
    }

    @Test
    void set_afterTodaysTime_startsAtTheNextOccurrence_notAtOnce() throws Exception {
        // GIVEN a moderator who sets a 09:00 post at 11:14
        Instant elevenFourteen = NINE_UTC.plus(Duration.ofMinutes(134));
        system(elevenFourteen).set(1, "<#10>", "09:00", "UTC", ChannelAccess.OFFLINE);
        // WHEN the routine runs right after
        List<DailyRoutine.Outcome> now = run(routine(elevenFourteen.plusSeconds(30), "a"));
        // THEN nothing is posted today; status and the routine agree on tomorrow 09:00
        assertEquals(List.of(), now);
        assertEquals(
                NINE_UTC.plus(Duration.ofDays(1)),
                system(elevenFourteen).status(1).nextPost());
        assertEquals(List.of(DailyRoutine.Outcome.POSTED), run(routine(NINE_UTC.plus(Duration.ofDays(1)), "a")));
        assertEquals(
                List.of(LocalDate.of(2026, 6, 2)),
                channel.sent.stream().map(DailyPost::date).toList());
    }

    @Test
    void set_beforeTodaysTime_postsToday() throws Exception {
        // GIVEN a 09:00 post set at 08:00
        system(NINE_UTC.minus(Duration.ofHours(1))).set(1, "<#10>", "09:00", "UTC", ChannelAccess.OFFLINE);
        // WHEN 09:00 comes
        List<DailyRoutine.Outcome> outcomes = run(routine(NINE_UTC, "a"));
        // THEN today's post goes out
        assertEquals(List.of(DailyRoutine.Outcome.POSTED), outcomes);
        assertEquals(LocalDate.of(2026, 6, 1), channel.sent.get(0).date());
    }

    @Test
    void botDownAtThePostTime_catchesUpOnceWithinTheWindow() throws Exception {
        // GIVEN a schedule set the day before, and a bot that was down at 09:00
        system(NINE_UTC.minus(Duration.ofDays(1))).set(1, "<#10>", "09:00", "UTC", ChannelAccess.OFFLINE);
        // WHEN it comes back at 11:14
        List<DailyRoutine.Outcome> outcomes = run(routine(NINE_UTC.plus(Duration.ofMinutes(134)), "a"));
        // THEN the missed post goes out late
        assertEquals(List.of(DailyRoutine.Outcome.POSTED), outcomes);
    }

    @Test
    void resume_afterTodaysTime_startsAtTheNextOccurrence() throws Exception {
        // GIVEN a schedule paused since before today's 09:00
        system(NINE_UTC.minus(Duration.ofDays(1))).set(1, "<#10>", "09:00", "UTC", ChannelAccess.OFFLINE);
        system(NINE_UTC.minus(Duration.ofHours(2))).pause(1);
        // WHEN a moderator resumes it at 11:14
        Instant elevenFourteen = NINE_UTC.plus(Duration.ofMinutes(134));
        system(elevenFourteen).resume(1);
        // THEN the day missed while paused is not posted; tomorrow's is
        assertEquals(List.of(), run(routine(elevenFourteen.plusSeconds(30), "a")));
        assertEquals(List.of(DailyRoutine.Outcome.POSTED), run(routine(NINE_UTC.plus(Duration.ofDays(1)), "a")));
        assertEquals(1, channel.sent.size());
    }

    @Test
    void failedPost_pausesWithoutRewindingTheCursor_soNoPlanDayIsPostedTwice() throws Exception {
        // GIVEN a server whose channel refuses today's post (day 1), which pauses it
        guild(1, 0);
        channel.fault = "channel-gone";
        assertEquals(List.of(DailyRoutine.Outcome.PAUSED), run(routine(NINE_UTC, "a")));
        assertEquals(List.of(), store.posts(1), "the unsent day is given back to the plan...");
        assertEquals(0, store.settings(1).orElseThrow().cursor(), "...with the cursor, in the same transaction");
        // WHEN the channel is fixed and a moderator resumes at 09:30, and the routine runs over the next days
        channel.fault = "none";
        system(NINE_UTC.plus(Duration.ofMinutes(30))).resume(1);
        run(routine(NINE_UTC.plus(Duration.ofMinutes(31)), "a"));
        run(routine(NINE_UTC.plus(Duration.ofDays(1)), "a"));
        run(routine(NINE_UTC.plus(Duration.ofDays(2)), "a"));
        // THEN each plan day goes out once, in order, one per date
        assertEquals(List.of(0, 1), channel.sent.stream().map(DailyPost::index).toList());
        assertEquals(
                List.of(LocalDate.of(2026, 6, 2), LocalDate.of(2026, 6, 3)),
                channel.sent.stream().map(DailyPost::date).toList());
        assertEquals(2, store.settings(1).orElseThrow().cursor());
    }

    @Test
    void crashAfterSend_thenTheChannelIsDeleted_pausesAndKeepsTheDayThatMayHaveGoneOut() {
        // GIVEN a post sent by an instance that crashed before recording it, and then its channel deleted
        guild(1, 0);
        channel.fault = "after-send";
        assertThrows(Crash.class, () -> run(routine(NINE_UTC, "a")));
        channel.fault = "channel-gone";
        // WHEN another instance takes the post over
        List<DailyRoutine.Outcome> outcomes = run(routine(NINE_UTC.plusSeconds(300), "b"));
        // THEN the server is paused with the reason, and the day stays claimed rather than being posted again later
        assertEquals(List.of(DailyRoutine.Outcome.PAUSED), outcomes);
        assertEquals("channel was deleted", store.settings(1).orElseThrow().pauseReason());
        assertEquals(1, store.settings(1).orElseThrow().cursor());
        assertEquals(1, store.posts(1).size());
    }
}
