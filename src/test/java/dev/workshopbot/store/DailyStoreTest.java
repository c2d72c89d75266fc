package dev.workshopbot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The same store, migrations and claims on a real SQLite file and a real PostgreSQL server. */
class DailyStoreTest {

    private static EmbeddedPostgres postgres;

    @TempDir
    static Path folder;

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        postgres.close();
    }

    static Stream<String> databases() {
        return Stream.of("sqlite", "postgresql");
    }

    private static int counter;

    private static Database open(String kind) {
        counter++;
        if (kind.equals("sqlite")) {
            return Database.open("jdbc:sqlite:" + folder.resolve("nested/dir/bot-" + counter + ".db"));
        }
        String schema = "s" + counter;
        try (var connection = postgres.getPostgresDatabase().getConnection();
                var statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
        return Database.open(postgres.getJdbcUrl("postgres", "postgres") + "&currentSchema=" + schema);
    }

    private static final Instant NOW = Instant.parse("2026-03-08T14:00:00Z");
    private static final GuildSettings SETTINGS =
            new GuildSettings(1, 10, LocalTime.of(9, 0), ZoneId.of("Europe/Berlin"), false, null, 0);

    @ParameterizedTest
    @MethodSource("databases")
    void settings_roundTrip_andReplace(String kind) {
        DailyStore store = new DailyStore(open(kind));
        store.save(SETTINGS, NOW);
        store.save(SETTINGS.withPaused(true, "channel deleted"), NOW);
        assertEquals(List.of(SETTINGS.withPaused(true, "channel deleted")), store.allSettings());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aDateCanBeClaimedOnce_andTheClaimMovesTheCursor(String kind) {
        DailyStore store = new DailyStore(open(kind));
        store.save(SETTINGS, NOW);
        LocalDate day = LocalDate.of(2026, 3, 8);
        assertTrue(store.claim(1, day, 0, 10, "n1", "a", NOW));
        assertFalse(store.claim(1, day, 0, 10, "n2", "b", NOW), "a second claim of the same date");
        assertEquals(1, store.settings(1).orElseThrow().cursor());
        PostRecord intent = store.post(1, day).orElseThrow();
        assertFalse(intent.isDone());
        assertEquals("n1", intent.nonce());
        store.complete(1, day, 555L, 556L, NOW.plusSeconds(1));
        PostRecord done = store.post(1, day).orElseThrow();
        assertEquals(555L, done.messageId());
        assertEquals(556L, done.threadId());
        assertEquals(NOW.plusSeconds(1), done.postedAt());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aStaleIntent_canBeTakenOverByOneInstanceOnly(String kind) {
        DailyStore store = new DailyStore(open(kind));
        store.save(SETTINGS, NOW);
        LocalDate day = LocalDate.of(2026, 3, 8);
        store.claim(1, day, 0, 10, "n1", "crashed", NOW);
        PostRecord intent = store.post(1, day).orElseThrow();
        assertFalse(store.takeOver(intent, "b", NOW.plusSeconds(10), NOW.minusSeconds(1)), "claim still fresh");
        assertTrue(store.takeOver(intent, "b", NOW.plusSeconds(300), NOW.plusSeconds(60)));
        assertFalse(store.takeOver(intent, "c", NOW.plusSeconds(301), NOW.plusSeconds(60)), "b already took it");
        assertEquals("b", store.post(1, day).orElseThrow().claimedBy());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void pauseAndSchedule_neverRewindTheCursorAClaimMoved(String kind) {
        // GIVEN settings read before a claim moved the cursor past day 1
        DailyStore store = new DailyStore(open(kind));
        store.save(SETTINGS, NOW);
        GuildSettings readBefore = store.settings(1).orElseThrow();
        assertTrue(store.claim(1, LocalDate.of(2026, 3, 8), readBefore.cursor(), 10, "n1", "a", NOW));
        // WHEN the server is paused, then scheduled again elsewhere
        store.pause(1, "the bot lacks Send Messages in <#10>", NOW.plusSeconds(1));
        GuildSettings paused = store.settings(1).orElseThrow();
        store.schedule(1, 20, LocalTime.of(7, 30), ZoneId.of("Asia/Tokyo"), NOW.plusSeconds(2));
        // THEN the cursor stays where the claim put it, and only the columns each one owns change
        assertTrue(paused.paused());
        assertEquals("the bot lacks Send Messages in <#10>", paused.pauseReason());
        assertEquals(1, paused.cursor());
        assertEquals(
                new GuildSettings(
                        1, 20, LocalTime.of(7, 30), ZoneId.of("Asia/Tokyo"), false, null, 1, NOW.plusSeconds(2)),
                store.settings(1).orElseThrow());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void release_deletesTheUnsentIntentAndReturnsTheCursor_together(String kind) {
        // GIVEN a claimed day 3 that Discord refused, and a posted day 2 the day before
        DailyStore store = new DailyStore(open(kind));
        store.save(new GuildSettings(1, 10, LocalTime.of(9, 0), ZoneId.of("Europe/Berlin"), false, null, 1), NOW);
        LocalDate yesterday = LocalDate.of(2026, 3, 7);
        LocalDate today = LocalDate.of(2026, 3, 8);
        store.claim(1, yesterday, 1, 10, "n1", "a", NOW);
        store.complete(1, yesterday, 77L, null, NOW);
        store.claim(1, today, 2, 10, "n2", "a", NOW);
        // WHEN the refused one is released, and then the posted one by mistake
        store.release(1, today, 2);
        store.release(1, yesterday, 1);
        // THEN only the unsent day went back to the plan
        assertEquals(
                List.of(yesterday),
                store.posts(1).stream().map(PostRecord::localDate).toList());
        assertEquals(2, store.settings(1).orElseThrow().cursor());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void auditLog_keepsEntriesNewestFirst(String kind) {
        AuditLog audit = new AuditLog(open(kind));
        audit.record(new AuditLog.Entry(NOW, 1, 2, "reload", "slash", "ok", "v1→v2"));
        audit.record(new AuditLog.Entry(NOW.plusSeconds(5), 1, 3, "refused", "slash", "denied", "/reload"));
        assertEquals(
                List.of("refused", "reload"),
                audit.recent(10).stream().map(AuditLog.Entry::action).toList());
        assertEquals(2L, audit.last("reload").orElseThrow().userId());
    }

    @org.junit.jupiter.api.Test
    void sqliteFile_isCreatedWithItsFolder() {
        Database.open("jdbc:sqlite:" + folder.resolve("deep/er/state.db"));
        assertTrue(Files.exists(folder.resolve("deep/er/state.db")));
    }
}
