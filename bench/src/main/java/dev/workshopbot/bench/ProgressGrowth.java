package dev.workshopbot.bench;

import dev.workshopbot.content.Library;
import dev.workshopbot.content.ReadingPlan;
import dev.workshopbot.progress.ProgressSystem;
import dev.workshopbot.store.Database;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * How much the state database grows per member and year of reading (issue 12): the generated workshop's first 365
 * plan days posted, and 200 members reading every day; the SQLite file is measured after a WAL checkpoint, before
 * and after, and the difference divided by the members. A plain program, run by {@code bench/progress}.
 */
public final class ProgressGrowth {

    private static final int MEMBERS = 200;
    private static final int DAYS = 365;

    private ProgressGrowth() {}

    public static void main(String[] args) throws IOException, SQLException {
        Path dir = Workshops.prepare(Workshops.GENERATED);
        Path state = TempDirs.create("progress-growth-");
        try {
            Library library = Workshops.load(dir);
            Path file = state.resolve("state.db");
            Database database = Database.open("jdbc:sqlite:" + file);
            long empty = size(database, file);
            ProgressData.fill(database, library, 0, DAYS);
            long posted = size(database, file);
            fillEveryDay(database, library);
            long after = size(database, file);
            long before = posted;
            double sections = 0;
            for (int day = 0; day < DAYS; day++) {
                ReadingPlan.Day planDay = library.plan().days().get(day);
                sections += Math.max(1, planDay.sections().size());
            }
            System.out.printf(
                    Locale.ROOT,
                    "growth: empty schema %d KiB; %d posted days %d KiB; %d members reading every one of them"
                            + " (%.1f sections a day) +%d KiB = %.1f KiB per member-year (%.0f bytes a section"
                            + " read)%n",
                    empty / 1024,
                    DAYS,
                    (posted - empty) / 1024,
                    MEMBERS,
                    sections / DAYS,
                    (after - before) / 1024,
                    (after - before) / 1024.0 / MEMBERS,
                    (double) (after - before) / MEMBERS / sections);
        } finally {
            Workshops.release(Workshops.GENERATED, dir);
            TempDirs.delete(state);
        }
    }

    private static void fillEveryDay(Database database, Library library) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement read = connection.prepareStatement("INSERT INTO progress_reads "
                        + "(guild_id, user_id, section_key, local_date, read_at) VALUES (?, ?, ?, ?, ?)")) {
            connection.setAutoCommit(false);
            for (int m = 0; m < MEMBERS; m++) {
                for (int day = 0; day < DAYS; day++) {
                    ReadingPlan.Day planDay = library.plan().days().get(day);
                    for (String key : ProgressSystem.keysOf(planDay, day)) {
                        read.setLong(1, ProgressData.GUILD);
                        read.setLong(2, ProgressData.FIRST_MEMBER + m);
                        read.setString(3, key);
                        read.setString(4, ProgressData.START.plusDays(day).toString());
                        read.setLong(5, 1_767_000_000_000L + day * 86_400_000L);
                        read.addBatch();
                    }
                }
                read.executeBatch();
            }
            connection.commit();
        }
    }

    /** The database file's size once the write-ahead log is folded into it. */
    private static long size(Database database, Path file) throws SQLException, IOException {
        try (Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
        return Files.size(file);
    }
}
