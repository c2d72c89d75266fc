package dev.workshopbot.bench;

import dev.workshopbot.content.Library;
import dev.workshopbot.content.ReadingPlan;
import dev.workshopbot.progress.ProgressSystem;
import dev.workshopbot.store.DailyStore;
import dev.workshopbot.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;

/**
 * A study group's progress written straight into the state database: {@code days} plan days posted one a day, and
 * {@code members} members each reading a day's sections on that day with probability 4/5 (fixed seed), all of them
 * sharing their progress. Batched in one transaction, so that building a big group takes seconds.
 */
final class ProgressData {

    static final long GUILD = 1_700_000_000_000_000_001L;
    static final long FIRST_MEMBER = 1_700_000_000_000_100_000L;
    static final int MEMBERS = 1_000;
    static final int DAYS = 100;
    static final LocalDate START = LocalDate.of(2026, 1, 1);

    private ProgressData() {}

    /** Writes the group; returns the local date of the last plan day (the benchmarks' "today"). */
    static LocalDate fill(Database database, Library library, int members, int days) throws SQLException {
        List<ReadingPlan.Day> plan = library.plan().days();
        if (plan.size() < days) {
            throw new IllegalStateException("the plan has " + plan.size() + " days, fewer than " + days);
        }
        DailyStore daily = new DailyStore(database);
        daily.schedule(GUILD, 10, LocalTime.of(9, 0), ZoneOffset.UTC, START.atStartOfDay(ZoneOffset.UTC).toInstant());
        for (int day = 0; day < days; day++) {
            LocalDate date = START.plusDays(day);
            daily.claim(GUILD, date, day, 10, "n" + day, "bench", date.atTime(9, 0).toInstant(ZoneOffset.UTC));
            daily.complete(GUILD, date, 5_000 + day, 6_000L + day, date.atTime(9, 0).toInstant(ZoneOffset.UTC));
        }
        Random random = new Random(20261204L);
        try (Connection connection = database.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement read = connection.prepareStatement("INSERT INTO progress_reads "
                            + "(guild_id, user_id, section_key, local_date, read_at) VALUES (?, ?, ?, ?, ?)");
                    PreparedStatement member = connection.prepareStatement("INSERT INTO progress_members "
                            + "(guild_id, user_id, public_progress, remind) VALUES (?, ?, ?, ?)")) {
                for (int m = 0; m < members; m++) {
                    long user = FIRST_MEMBER + m;
                    member.setLong(1, GUILD);
                    member.setLong(2, user);
                    member.setBoolean(3, true);
                    member.setBoolean(4, m % 3 == 0);
                    member.addBatch();
                    for (int day = 0; day < days; day++) {
                        if (random.nextInt(5) == 0) {
                            continue;
                        }
                        LocalDate date = START.plusDays(day);
                        for (String key : ProgressSystem.keysOf(plan.get(day), day)) {
                            read.setLong(1, GUILD);
                            read.setLong(2, user);
                            read.setString(3, key);
                            read.setString(4, date.toString());
                            read.setLong(5, date.atTime(19, 0).toInstant(ZoneOffset.UTC).toEpochMilli());
                            read.addBatch();
                        }
                    }
                    read.executeBatch();
                }
                member.executeBatch();
            }
            connection.commit();
        }
        return START.plusDays(days - 1);
    }
}
