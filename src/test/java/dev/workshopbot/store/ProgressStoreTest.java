package dev.workshopbot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteDataSource;

/** Reading progress on a real SQLite file and a real PostgreSQL server: once-only writes, forget, the migration. */
class ProgressStoreTest {

    private static final Instant NOW = Instant.parse("2026-03-08T14:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 8);

    private static EmbeddedPostgres postgres;

    @TempDir
    static Path folder;

    private static int counter;

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

    /** A new, empty database of that kind, by the URL the bot would be given. */
    private static String newUrl(String kind) {
        counter++;
        if (kind.equals("sqlite")) {
            return "jdbc:sqlite:" + folder.resolve("progress-" + counter + ".db");
        }
        String schema = "p" + counter;
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
        return postgres.getJdbcUrl("postgres", "postgres") + "&currentSchema=" + schema;
    }

    private static long count(Database database, String sql, Object... args) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aSectionIsMarkedOnce_keepsItsFirstDate_andUndoTakesItBack(String kind) {
        ProgressStore store = new ProgressStore(Database.open(newUrl(kind)));
        assertEquals(2, store.mark(1, 7, List.of("intro", "setup"), TODAY, NOW));
        assertEquals(0, store.mark(1, 7, List.of("intro"), TODAY.plusDays(1), NOW.plusSeconds(86_400)));
        assertEquals(Map.of("intro", TODAY, "setup", TODAY), store.reads(1, 7));
        assertEquals(Map.of(), store.reads(2, 7), "another server knows nothing of it");
        assertEquals(1, store.unmark(1, 7, List.of("intro")));
        assertEquals(0, store.unmark(1, 7, List.of("intro")));
        assertEquals(Map.of("setup", TODAY), store.reads(1, 7));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void completions_nameWhoReadEverySectionOfADay_withTheirLastMarksDate(String kind) {
        ProgressStore store = new ProgressStore(Database.open(newUrl(kind)));
        store.mark(1, 7, List.of("a"), TODAY, NOW);
        store.mark(1, 7, List.of("b"), TODAY.plusDays(1), NOW);
        store.mark(1, 8, List.of("a"), TODAY, NOW);
        store.mark(2, 9, List.of("a", "b"), TODAY, NOW);
        assertEquals(Map.of(7L, TODAY.plusDays(1)), store.completions(1, List.of("a", "b", "a")));
        assertEquals(Map.of(7L, TODAY, 8L, TODAY), store.completions(1, List.of("a")));
        assertEquals(Map.of(), store.completions(1, List.of()));
        assertEquals(2, store.readers(1));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void concurrentClicks_fromTwoBotProcessesOnOneDatabase_recordOnce(String kind) throws Exception {
        String url = newUrl(kind);
        ProgressStore first = new ProgressStore(Database.open(url));
        ProgressStore second = new ProgressStore(Database.open(url));
        int clicks = 16;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < clicks; i++) {
            ProgressStore store = i % 2 == 0 ? first : second;
            Callable<Integer> click = () -> {
                start.await();
                return store.mark(1, 7, List.of("intro"), TODAY, NOW);
            };
            results.add(pool.submit(click));
        }
        start.countDown();
        int added = 0;
        for (Future<Integer> result : results) {
            added += result.get();
        }
        pool.shutdown();
        assertEquals(1, added, "one click of " + clicks + " records the read");
        assertEquals(
                1,
                count(
                        Database.open(url),
                        "SELECT COUNT(*) FROM progress_reads WHERE guild_id = ? AND user_id = ?",
                        1,
                        7));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aDaysReminder_isClaimedOnce_acrossProcesses_andNotWhenRemindersAreOff(String kind) {
        String url = newUrl(kind);
        ProgressStore first = new ProgressStore(Database.open(url));
        ProgressStore second = new ProgressStore(Database.open(url));
        assertFalse(first.claimReminder(1, 7, TODAY), "reminders are off by default");
        first.setRemind(1, 7, true);
        assertEquals(List.of(7L), second.remindable(1));
        assertTrue(first.claimReminder(1, 7, TODAY));
        assertFalse(second.claimReminder(1, 7, TODAY));
        assertTrue(second.claimReminder(1, 7, TODAY.plusDays(1)), "the next day is another reminder");
        first.dmsClosed(1, 7, NOW);
        assertEquals(List.of(), second.remindable(1), "closed direct messages are not tried again");
        first.setRemind(1, 7, true);
        assertEquals(List.of(7L), second.remindable(1), "turning reminders on again tries again");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void forget_deletesExactlyThatMembersRowsInThatServer(String kind) throws SQLException {
        Database database = Database.open(newUrl(kind));
        ProgressStore store = new ProgressStore(database);
        store.mark(1, 7, List.of("a", "b", "c"), TODAY, NOW);
        store.setPublic(1, 7, true);
        store.mark(1, 8, List.of("a"), TODAY, NOW);
        store.setRemind(1, 8, true);
        store.mark(2, 7, List.of("a"), TODAY, NOW);
        store.setPublic(2, 7, true);

        assertEquals(4, store.forget(1, 7), "three reads and one row of choices");

        String reads = "SELECT COUNT(*) FROM progress_reads WHERE guild_id = ? AND user_id = ?";
        String members = "SELECT COUNT(*) FROM progress_members WHERE guild_id = ? AND user_id = ?";
        assertEquals(0, count(database, reads, 1, 7));
        assertEquals(0, count(database, members, 1, 7));
        assertEquals(1, count(database, reads, 1, 8), "another member keeps theirs");
        assertEquals(1, count(database, members, 1, 8));
        assertEquals(1, count(database, reads, 2, 7), "the same member in another server keeps theirs");
        assertEquals(1, count(database, members, 2, 7));
        assertEquals(ProgressStore.Member.DEFAULT, store.member(1, 7));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aDatabaseOfTheReleaseBefore_upgrades_keepingEveryGuildSettingAndPostRecord(String kind) throws SQLException {
        String url = newUrl(kind);
        DataSource before = dataSource(url);
        Flyway.configure()
                .dataSource(before)
                .locations("classpath:db/migration")
                .target("4")
                .load()
                .migrate();
        try (Connection connection = before.getConnection();
                Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO guild_settings (guild_id, channel_id, post_time, timezone, paused, "
                    + "pause_reason, plan_cursor, updated_at, active_from) VALUES "
                    + "(1, 10, '09:00', 'Europe/Berlin', FALSE, NULL, 3, 1, 5), "
                    + "(2, 20, '18:30', 'America/New_York', TRUE, 'missing permission', 0, 1, 0)");
            statement.executeUpdate("INSERT INTO daily_posts (guild_id, local_date, plan_day, channel_id, nonce, "
                    + "claimed_by, claimed_at, message_id, thread_id, posted_at) VALUES "
                    + "(1, '2026-03-06', 0, 10, 'n0', 'i', 1, 100, 101, 2), "
                    + "(1, '2026-03-07', 1, 10, 'n1', 'i', 1, 102, NULL, 2), "
                    + "(1, '2026-03-08', 2, 10, 'n2', 'i', 1, NULL, NULL, NULL)");
        }

        Database upgraded = Database.open(url);
        DailyStore daily = new DailyStore(upgraded);
        assertEquals(
                new GuildSettings(
                        1, 10, LocalTime.of(9, 0), ZoneId.of("Europe/Berlin"), false, null, 3, Instant.ofEpochMilli(5)),
                daily.settings(1).orElseThrow());
        assertEquals(
                new GuildSettings(
                        2,
                        20,
                        LocalTime.of(18, 30),
                        ZoneId.of("America/New_York"),
                        true,
                        "missing permission",
                        0,
                        Instant.EPOCH),
                daily.settings(2).orElseThrow());
        List<PostRecord> posts = daily.posts(1);
        assertEquals(3, posts.size());
        assertEquals(101L, posts.get(0).threadId());
        assertEquals(102L, posts.get(1).messageId());
        assertFalse(posts.get(2).isDone(), "an intent stays an intent");
        ProgressStore progress = new ProgressStore(upgraded);
        assertEquals(1, progress.mark(1, 7, List.of("intro"), TODAY, NOW), "the new tables are there");
    }

    private static DataSource dataSource(String url) {
        if (url.startsWith("jdbc:sqlite:")) {
            SQLiteDataSource sqlite = new SQLiteDataSource();
            sqlite.setUrl(url);
            return sqlite;
        }
        PGSimpleDataSource pg = new PGSimpleDataSource();
        pg.setURL(url);
        return pg;
    }
}
