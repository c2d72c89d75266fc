package dev.workshopbot.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Per-server daily settings and the post log, with the claim that makes each day's post happen once. */
public final class DailyStore {

    private final DataSource db;
    private final Sql sql;

    public DailyStore(Database database) {
        this.db = database.dataSource();
        this.sql = new Sql(db);
    }

    public Optional<GuildSettings> settings(long guildId) {
        List<GuildSettings> found = query("SELECT * FROM guild_settings WHERE guild_id = ?", guildId);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    public List<GuildSettings> allSettings() {
        return query("SELECT * FROM guild_settings ORDER BY guild_id");
    }

    /**
     * Inserts or replaces a server's whole settings row, as when seeding or restoring state; the routine and
     * {@code /daily} change only the columns they own.
     */
    public void save(GuildSettings settings, Instant now) {
        sql.inTransaction("saving the daily settings of server " + settings.guildId(), connection -> {
            try (PreparedStatement delete =
                            connection.prepareStatement("DELETE FROM guild_settings WHERE guild_id = ?");
                    PreparedStatement insert = connection.prepareStatement("INSERT INTO guild_settings "
                            + "(guild_id, channel_id, post_time, timezone, paused, pause_reason, plan_cursor, updated_at, "
                            + "active_from) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                delete.setLong(1, settings.guildId());
                delete.executeUpdate();
                insert.setLong(1, settings.guildId());
                insert.setLong(2, settings.channelId());
                insert.setString(3, settings.time().toString());
                insert.setString(4, settings.zone().getId());
                insert.setBoolean(5, settings.paused());
                insert.setString(6, settings.pauseReason());
                insert.setInt(7, settings.cursor());
                insert.setLong(8, now.toEpochMilli());
                insert.setLong(9, settings.activeFrom().toEpochMilli());
                return insert.executeUpdate();
            }
        });
    }

    /**
     * Sets where and when a server posts, unpaused and active from {@code now}, keeping its plan cursor: a claim
     * may have moved the cursor since the caller read the settings, and writing an older value back would post a
     * day twice.
     */
    public void schedule(long guildId, long channelId, LocalTime time, ZoneId zone, Instant now) {
        Sql.Binder columns = statement -> {
            statement.setLong(1, channelId);
            statement.setString(2, time.toString());
            statement.setString(3, zone.getId());
            statement.setLong(4, now.toEpochMilli());
            statement.setLong(5, now.toEpochMilli());
            statement.setLong(6, guildId);
        };
        if (sql.update(
                        "saving the daily settings of server " + guildId,
                        "UPDATE guild_settings SET channel_id = ?, post_time = ?, timezone = ?, paused = FALSE, "
                                + "pause_reason = NULL, updated_at = ?, active_from = ? WHERE guild_id = ?",
                        columns)
                == 0) {
            sql.update(
                    "saving the daily settings of server " + guildId,
                    "INSERT INTO guild_settings (channel_id, post_time, timezone, updated_at, active_from, "
                            + "guild_id, paused, plan_cursor) VALUES (?, ?, ?, ?, ?, ?, FALSE, 0)",
                    columns);
        }
    }

    /** Pauses a server with a reason (null when a moderator asked); the cursor and schedule stay as they are. */
    public void pause(long guildId, String reason, Instant now) {
        sql.update(
                "saving the daily settings of server " + guildId,
                "UPDATE guild_settings SET paused = TRUE, pause_reason = ?, updated_at = ? WHERE guild_id = ?",
                statement -> {
                    statement.setString(1, reason);
                    statement.setLong(2, now.toEpochMilli());
                    statement.setLong(3, guildId);
                });
    }

    /** Unpauses a server; like a new schedule, it starts at the next post time after {@code now}. */
    public void resume(long guildId, Instant now) {
        sql.update(
                "saving the daily settings of server " + guildId,
                "UPDATE guild_settings SET paused = FALSE, pause_reason = NULL, updated_at = ?, active_from = ? "
                        + "WHERE guild_id = ?",
                statement -> {
                    statement.setLong(1, now.toEpochMilli());
                    statement.setLong(2, now.toEpochMilli());
                    statement.setLong(3, guildId);
                });
    }

    /** Moves the cursor from {@code from} to {@code to}; false when it is no longer at {@code from}. */
    public boolean moveCursor(long guildId, int from, int to, Instant now) {
        return sql.update(
                        "saving the daily settings of server " + guildId,
                        "UPDATE guild_settings SET plan_cursor = ?, updated_at = ? WHERE guild_id = ? "
                                + "AND plan_cursor = ?",
                        statement -> {
                            statement.setInt(1, to);
                            statement.setLong(2, now.toEpochMilli());
                            statement.setLong(3, guildId);
                            statement.setInt(4, from);
                        })
                == 1;
    }

    /**
     * Gives back a claim whose post Discord refused, so it was never sent: the intent is deleted and the cursor
     * returns to its plan day, in one transaction, so the log and the cursor never disagree about that day.
     */
    public void release(long guildId, LocalDate date, int planDay) {
        sql.inTransaction("releasing the daily post intent of server " + guildId, connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM daily_posts WHERE guild_id = ? "
                            + "AND local_date = ? AND message_id IS NULL");
                    PreparedStatement cursor = connection.prepareStatement(
                            "UPDATE guild_settings SET plan_cursor = ? WHERE guild_id = ? AND plan_cursor = ?")) {
                delete.setLong(1, guildId);
                delete.setString(2, date.toString());
                if (delete.executeUpdate() == 1) {
                    cursor.setInt(1, planDay);
                    cursor.setLong(2, guildId);
                    cursor.setInt(3, planDay + 1);
                    return cursor.executeUpdate();
                }
                return 0;
            }
        });
    }

    public Optional<PostRecord> post(long guildId, LocalDate date) {
        try (Connection connection = db.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT * FROM daily_posts WHERE guild_id = ? AND local_date = ?")) {
            select.setLong(1, guildId);
            select.setString(2, date.toString());
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(post(rows)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("reading the post log of server " + guildId, e);
        }
    }

    /** The most recent post of a server, done or not. */
    public Optional<PostRecord> lastPost(long guildId) {
        try (Connection connection = db.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT * FROM daily_posts WHERE guild_id = ? ORDER BY local_date DESC LIMIT 1")) {
            select.setLong(1, guildId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(post(rows)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("reading the post log of server " + guildId, e);
        }
    }

    /**
     * Records the intent to post {@code planDay} for a server's local date and moves the server's cursor past it,
     * in one transaction. Returns false when the date is already claimed (by anyone) — the unique key on
     * (server, date) is what makes a day's post happen once across restarts and instances.
     */
    public boolean claim(
            long guildId, LocalDate date, int planDay, long channelId, String nonce, String instance, Instant now) {
        try {
            return sql.inTransaction("recording the daily post intent of server " + guildId, connection -> {
                try (PreparedStatement insert = connection.prepareStatement(
                                "INSERT INTO daily_posts (guild_id, "
                                        + "local_date, plan_day, channel_id, nonce, claimed_by, claimed_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
                        PreparedStatement cursor = connection.prepareStatement(
                                "UPDATE guild_settings SET plan_cursor = ? WHERE guild_id = ?")) {
                    insert.setLong(1, guildId);
                    insert.setString(2, date.toString());
                    insert.setInt(3, planDay);
                    insert.setLong(4, channelId);
                    insert.setString(5, nonce);
                    insert.setString(6, instance);
                    insert.setLong(7, now.toEpochMilli());
                    insert.executeUpdate();
                    cursor.setInt(1, planDay + 1);
                    cursor.setLong(2, guildId);
                    cursor.executeUpdate();
                    return true;
                }
            });
        } catch (StoreException e) {
            // A unique-key violation means another claim of that date won; anything else is a real failure.
            if (post(guildId, date).isPresent()) {
                return false;
            }
            throw e;
        }
    }

    /** Takes over an unfinished intent whose claim is older than {@code staleBefore}; false if someone else did. */
    public boolean takeOver(PostRecord intent, String instance, Instant now, Instant staleBefore) {
        if (intent.isDone() || intent.claimedAt().isAfter(staleBefore)) {
            return false;
        }
        return sql.update(
                        "updating the post log of server " + intent.guildId(),
                        "UPDATE daily_posts SET claimed_by = ?, claimed_at = ? WHERE guild_id = ? AND local_date = ? "
                                + "AND claimed_by = ? AND claimed_at = ? AND message_id IS NULL",
                        statement -> {
                            statement.setString(1, instance);
                            statement.setLong(2, now.toEpochMilli());
                            statement.setLong(3, intent.guildId());
                            statement.setString(4, intent.localDate().toString());
                            statement.setString(5, intent.claimedBy());
                            statement.setLong(6, intent.claimedAt().toEpochMilli());
                        })
                == 1;
    }

    /** Completes an intent with the Discord message (and thread) it produced. */
    public void complete(long guildId, LocalDate date, long messageId, Long threadId, Instant now) {
        sql.update(
                "updating the post log of server " + guildId,
                "UPDATE daily_posts SET message_id = ?, thread_id = ?, posted_at = ? WHERE guild_id = ? "
                        + "AND local_date = ?",
                statement -> {
                    statement.setLong(1, messageId);
                    if (threadId == null) {
                        statement.setNull(2, Types.BIGINT);
                    } else {
                        statement.setLong(2, threadId);
                    }
                    statement.setLong(3, now.toEpochMilli());
                    statement.setLong(4, guildId);
                    statement.setString(5, date.toString());
                });
    }

    /**
     * Records a note about the plan running out ({@code kind}) for a plan of {@code planDays}; false when it was
     * already sent, by this process or another.
     */
    public boolean claimPlanNotice(long guildId, int planDays, String kind, Instant now) {
        return sql.update(
                        "recording a plan notice of server " + guildId,
                        "INSERT INTO plan_notices (guild_id, plan_days, kind, sent_at) VALUES (?, ?, ?, ?) "
                                + "ON CONFLICT (guild_id, plan_days, kind) DO NOTHING",
                        statement -> {
                            statement.setLong(1, guildId);
                            statement.setInt(2, planDays);
                            statement.setString(3, kind);
                            statement.setLong(4, now.toEpochMilli());
                        })
                == 1;
    }

    /** Every post of a server, oldest first. */
    public List<PostRecord> posts(long guildId) {
        try (Connection connection = db.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT * FROM daily_posts WHERE guild_id = ? ORDER BY local_date")) {
            select.setLong(1, guildId);
            List<PostRecord> posts = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    posts.add(post(rows));
                }
            }
            return posts;
        } catch (SQLException e) {
            throw new StoreException("reading the post log of server " + guildId, e);
        }
    }

    private List<GuildSettings> query(String sql, Object... args) {
        try (Connection connection = db.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            List<GuildSettings> found = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.add(new GuildSettings(
                            rows.getLong("guild_id"),
                            rows.getLong("channel_id"),
                            LocalTime.parse(rows.getString("post_time")),
                            ZoneId.of(rows.getString("timezone")),
                            rows.getBoolean("paused"),
                            rows.getString("pause_reason"),
                            rows.getInt("plan_cursor"),
                            Instant.ofEpochMilli(rows.getLong("active_from"))));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new StoreException("reading the daily settings", e);
        }
    }

    private static PostRecord post(ResultSet rows) throws SQLException {
        long messageId = rows.getLong("message_id");
        Long message = rows.wasNull() ? null : messageId;
        long threadId = rows.getLong("thread_id");
        Long thread = rows.wasNull() ? null : threadId;
        long postedAt = rows.getLong("posted_at");
        Instant posted = rows.wasNull() ? null : Instant.ofEpochMilli(postedAt);
        return new PostRecord(
                rows.getLong("guild_id"),
                LocalDate.parse(rows.getString("local_date")),
                rows.getInt("plan_day"),
                rows.getLong("channel_id"),
                rows.getString("nonce"),
                rows.getString("claimed_by"),
                Instant.ofEpochMilli(rows.getLong("claimed_at")),
                message,
                thread,
                posted);
    }
}
