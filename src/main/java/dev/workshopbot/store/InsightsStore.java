package dev.workshopbot.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Insights} in the state database, kept {@code retention} and purged after: each record first purges what
 * has aged out, so nothing older survives however the bot is run. Failing storage never fails a command: the
 * question is answered and a warning logged.
 */
public final class InsightsStore implements Insights {

    private static final Logger LOG = LoggerFactory.getLogger(InsightsStore.class);
    /** Purge at most this often: a purge per question would be one more statement per answer. */
    private static final Duration PURGE_EVERY = Duration.ofMinutes(10);

    private final DataSource db;
    private final Clock clock;
    private final Duration retention;
    private volatile long lastPurge = Long.MIN_VALUE;

    public InsightsStore(Database database, Clock clock, Duration retention) {
        this.db = database.dataSource();
        this.clock = clock;
        this.retention = retention;
    }

    @Override
    public Optional<String> asked(String command, Set<String> terms, int hits, double best, boolean answered) {
        String id = UUID.randomUUID().toString();
        try (Connection connection = db.getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO asked "
                        + "(id, at, command, terms, hits, best, answered, helpful) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, id);
            insert.setLong(2, clock.millis());
            insert.setString(3, command);
            insert.setString(4, String.join(" ", new TreeSet<>(terms)));
            insert.setInt(5, hits);
            if (Double.isNaN(best)) {
                insert.setNull(6, Types.REAL);
            } else {
                insert.setDouble(6, best);
            }
            insert.setBoolean(7, answered);
            insert.setNull(8, Types.BOOLEAN);
            insert.executeUpdate();
            purgeIfDue(connection);
            return Optional.of(id);
        } catch (SQLException e) {
            LOG.warn("could not record a question for insights: {}", e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public void feedback(String id, boolean helpful) {
        update("UPDATE asked SET helpful = ? WHERE id = ?", statement -> {
            statement.setBoolean(1, helpful);
            statement.setString(2, id);
        });
    }

    @Override
    public void opened(String section) {
        update("INSERT INTO opened (at, section) VALUES (?, ?)", statement -> {
            statement.setLong(1, clock.millis());
            statement.setString(2, section);
        });
    }

    /** Deletes every row older than the retention; returns how many went. */
    public int purge() {
        try (Connection connection = db.getConnection()) {
            return deleteOld(connection);
        } catch (SQLException e) {
            throw new StoreException("purging insights", e);
        }
    }

    @Override
    public Report report(Duration last, int top) {
        long since = clock.millis() - last.toMillis();
        try (Connection connection = db.getConnection()) {
            purgeIfDue(connection);
            long questions;
            try (PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM asked WHERE at >= ?")) {
                count.setLong(1, since);
                try (ResultSet rows = count.executeQuery()) {
                    rows.next();
                    questions = rows.getLong(1);
                }
            }
            return new Report(
                    questions,
                    counts(
                            connection,
                            "SELECT terms, COUNT(*) AS n FROM asked WHERE at >= ? AND terms <> '' "
                                    + "GROUP BY terms ORDER BY n DESC, terms LIMIT ?",
                            since,
                            top,
                            false),
                    counts(
                            connection,
                            "SELECT terms, COUNT(*) AS n FROM asked WHERE at >= ? AND terms <> '' "
                                    + "AND (answered = ? OR helpful = ?) GROUP BY terms ORDER BY n DESC, terms LIMIT ?",
                            since,
                            top,
                            true),
                    counts(
                            connection,
                            "SELECT section, COUNT(*) AS n FROM opened WHERE at >= ? "
                                    + "GROUP BY section ORDER BY n DESC, section LIMIT ?",
                            since,
                            top,
                            false));
        } catch (SQLException e) {
            throw new StoreException("reading insights", e);
        }
    }

    /** Rows of (what, times); {@code failedOnly} binds the two "not answered, not helpful" parameters. */
    private static List<Count> counts(Connection connection, String sql, long since, int top, boolean failedOnly)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            int at = 1;
            select.setLong(at++, since);
            if (failedOnly) {
                select.setBoolean(at++, false);
                select.setBoolean(at++, false);
            }
            select.setInt(at, top);
            List<Count> out = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    out.add(new Count(rows.getString(1), rows.getLong(2)));
                }
            }
            return out;
        }
    }

    private void purgeIfDue(Connection connection) throws SQLException {
        if (lastPurge == Long.MIN_VALUE || clock.millis() - lastPurge >= PURGE_EVERY.toMillis()) {
            deleteOld(connection);
        }
    }

    private int deleteOld(Connection connection) throws SQLException {
        long before = clock.millis() - retention.toMillis();
        try (PreparedStatement asked = connection.prepareStatement("DELETE FROM asked WHERE at < ?");
                PreparedStatement opened = connection.prepareStatement("DELETE FROM opened WHERE at < ?")) {
            asked.setLong(1, before);
            opened.setLong(1, before);
            int deleted = asked.executeUpdate() + opened.executeUpdate();
            lastPurge = clock.millis();
            return deleted;
        }
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private void update(String sql, Binder binder) {
        try (Connection connection = db.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            statement.executeUpdate();
        } catch (SQLException e) {
            LOG.warn("could not record insights: {}", e.getMessage());
        }
    }
}
