package dev.workshopbot.store;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Who read what, per server: one row per member and section, with the server's local date of the click, and each
 * member's choices (progress public or private, reminders). Only ids, section keys and dates. Every write that must
 * happen once (a mark, a day's reminder) is a single statement the database makes unique, so double clicks and two
 * bot processes on one database still record once.
 */
public final class ProgressStore {

    /** A member's choices in one server; {@link #DEFAULT} for a member who never chose. */
    public record Member(boolean publicProgress, boolean remind, LocalDate remindedOn, Instant dmsClosedAt) {
        public static final Member DEFAULT = new Member(false, false, null, null);
    }

    private final Sql sql;

    public ProgressStore(Database database) {
        this.sql = new Sql(database.dataSource());
    }

    /**
     * Marks sections read on {@code date}; sections already marked keep their first date. Returns how many were new:
     * 0 means every one was marked before.
     */
    public int mark(long guildId, long userId, List<String> keys, LocalDate date, Instant at) {
        return sql.inTransaction("recording what member " + userId + " read", connection -> {
            int added = 0;
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO progress_reads "
                    + "(guild_id, user_id, section_key, local_date, read_at) VALUES (?, ?, ?, ?, ?) "
                    + "ON CONFLICT (guild_id, user_id, section_key) DO NOTHING")) {
                for (String key : keys) {
                    insert.setLong(1, guildId);
                    insert.setLong(2, userId);
                    insert.setString(3, key);
                    insert.setString(4, date.toString());
                    insert.setLong(5, at.toEpochMilli());
                    added += insert.executeUpdate();
                }
            }
            return added;
        });
    }

    /** Takes marks back (the "Undo" button); returns how many there were. */
    public int unmark(long guildId, long userId, List<String> keys) {
        return sql.inTransaction("undoing what member " + userId + " read", connection -> {
            int removed = 0;
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM progress_reads WHERE guild_id = ? AND user_id = ? AND section_key = ?")) {
                for (String key : keys) {
                    delete.setLong(1, guildId);
                    delete.setLong(2, userId);
                    delete.setString(3, key);
                    removed += delete.executeUpdate();
                }
            }
            return removed;
        });
    }

    /** What a member read in a server: section key → the local date it was marked on. */
    public Map<String, LocalDate> reads(long guildId, long userId) {
        Map<String, LocalDate> reads = new LinkedHashMap<>();
        for (Map.Entry<String, LocalDate> read : sql.query(
                "reading what member " + userId + " read",
                // No ORDER BY: ordering by date would lead SQLite to walk the server's date index past every member's
                // rows instead of this member's primary-key range.
                "SELECT section_key, local_date FROM progress_reads WHERE guild_id = ? AND user_id = ?",
                statement -> {
                    statement.setLong(1, guildId);
                    statement.setLong(2, userId);
                },
                row -> Map.entry(row.getString(1), LocalDate.parse(row.getString(2))))) {
            reads.put(read.getKey(), read.getValue());
        }
        return reads;
    }

    /**
     * The members who marked every one of {@code keys} (one plan day's reading), each with the date of their last
     * mark among them: the database counts, so a day of a big group costs one small result, not every read.
     */
    public Map<Long, LocalDate> completions(long guildId, List<String> keys) {
        List<String> distinct = List.copyOf(new LinkedHashSet<>(keys));
        if (distinct.isEmpty()) {
            return Map.of();
        }
        String marks = String.join(", ", Collections.nCopies(distinct.size(), "?"));
        Map<String, LocalDate> dates = new HashMap<>();
        Map<Long, LocalDate> out = new LinkedHashMap<>();
        sql.query(
                        "reading who finished a day in server " + guildId,
                        // Grouped by user_id + 0, not user_id: grouped by the bare column, SQLite walks the primary key
                        // (every
                        // read of the server, in member order) instead of looking the day's sections up in their index.
                        "SELECT user_id + 0, MAX(local_date) FROM progress_reads WHERE guild_id = ? AND section_key IN ("
                                + marks + ") GROUP BY user_id + 0 HAVING COUNT(*) = ?",
                        statement -> {
                            statement.setLong(1, guildId);
                            for (int i = 0; i < distinct.size(); i++) {
                                statement.setString(i + 2, distinct.get(i));
                            }
                            statement.setInt(distinct.size() + 2, distinct.size());
                        },
                        row -> Map.entry(row.getLong(1), row.getString(2)))
                .forEach(row -> out.put(row.getKey(), dates.computeIfAbsent(row.getValue(), LocalDate::parse)));
        return out;
    }

    /** How many members of a server have marked anything. */
    public int readers(long guildId) {
        return sql.query(
                        "counting the readers of server " + guildId,
                        "SELECT COUNT(DISTINCT user_id) FROM progress_reads WHERE guild_id = ?",
                        statement -> statement.setLong(1, guildId),
                        row -> row.getInt(1))
                .get(0);
    }

    /** Members of a server who made their progress public. */
    public List<Long> publicMembers(long guildId) {
        return sql.query(
                "reading who shares progress in server " + guildId,
                "SELECT user_id FROM progress_members WHERE guild_id = ? AND public_progress = ? ORDER BY user_id",
                statement -> {
                    statement.setLong(1, guildId);
                    statement.setBoolean(2, true);
                },
                row -> row.getLong(1));
    }

    /** How many members marked anything on or after {@code from} (the server's local dates). */
    public int activeSince(long guildId, LocalDate from) {
        return sql.query(
                        "counting active members of server " + guildId,
                        "SELECT COUNT(DISTINCT user_id) FROM progress_reads WHERE guild_id = ? AND local_date >= ?",
                        statement -> {
                            statement.setLong(1, guildId);
                            statement.setString(2, from.toString());
                        },
                        row -> row.getInt(1))
                .get(0);
    }

    public Member member(long guildId, long userId) {
        List<Member> found = sql.query(
                "reading the choices of member " + userId,
                "SELECT * FROM progress_members WHERE guild_id = ? AND user_id = ?",
                statement -> {
                    statement.setLong(1, guildId);
                    statement.setLong(2, userId);
                },
                row -> {
                    String reminded = row.getString("reminded_on");
                    long closed = row.getLong("dms_closed_at");
                    boolean neverClosed = row.wasNull();
                    return new Member(
                            row.getBoolean("public_progress"),
                            row.getBoolean("remind"),
                            reminded == null ? null : LocalDate.parse(reminded),
                            neverClosed ? null : Instant.ofEpochMilli(closed));
                });
        return found.isEmpty() ? Member.DEFAULT : found.get(0);
    }

    /** Makes a member's progress visible to the server's members, or private again. */
    public void setPublic(long guildId, long userId, boolean visible) {
        ensureMember(guildId, userId);
        sql.update(
                "changing who sees the progress of member " + userId,
                "UPDATE progress_members SET public_progress = ? WHERE guild_id = ? AND user_id = ?",
                statement -> {
                    statement.setBoolean(1, visible);
                    statement.setLong(2, guildId);
                    statement.setLong(3, userId);
                });
    }

    /** Turns reminders on (clearing a record of closed direct messages: the member asked again) or off. */
    public void setRemind(long guildId, long userId, boolean on) {
        ensureMember(guildId, userId);
        sql.update(
                "changing the reminders of member " + userId,
                "UPDATE progress_members SET remind = ?, dms_closed_at = NULL WHERE guild_id = ? AND user_id = ?",
                statement -> {
                    statement.setBoolean(1, on);
                    statement.setLong(2, guildId);
                    statement.setLong(3, userId);
                });
    }

    /** Members of a server with reminders on whose direct messages were not found closed. */
    public List<Long> remindable(long guildId) {
        return sql.query(
                "reading who wants reminders in server " + guildId,
                "SELECT user_id FROM progress_members WHERE guild_id = ? AND remind = ? AND dms_closed_at IS NULL "
                        + "ORDER BY user_id",
                statement -> {
                    statement.setLong(1, guildId);
                    statement.setBoolean(2, true);
                },
                row -> row.getLong(1));
    }

    /**
     * Claims the day's reminder for a member: true for exactly one caller per member and date, however many
     * processes ask.
     */
    public boolean claimReminder(long guildId, long userId, LocalDate date) {
        return sql.update(
                        "recording the reminder of member " + userId,
                        "UPDATE progress_members SET reminded_on = ? WHERE guild_id = ? AND user_id = ? AND remind = ? "
                                + "AND (reminded_on IS NULL OR reminded_on <> ?)",
                        statement -> {
                            statement.setString(1, date.toString());
                            statement.setLong(2, guildId);
                            statement.setLong(3, userId);
                            statement.setBoolean(4, true);
                            statement.setString(5, date.toString());
                        })
                == 1;
    }

    /** Records that a member's direct messages are closed: no reminder is tried again until they turn them on. */
    public void dmsClosed(long guildId, long userId, Instant at) {
        sql.update(
                "recording closed direct messages of member " + userId,
                "UPDATE progress_members SET dms_closed_at = ? WHERE guild_id = ? AND user_id = ?",
                statement -> {
                    statement.setLong(1, at.toEpochMilli());
                    statement.setLong(2, guildId);
                    statement.setLong(3, userId);
                });
    }

    /** Deletes everything kept about a member in one server; returns the rows deleted. */
    public int forget(long guildId, long userId) {
        return sql.inTransaction("forgetting member " + userId, connection -> {
            int deleted = 0;
            for (String table : List.of("progress_reads", "progress_members")) {
                try (PreparedStatement delete =
                        connection.prepareStatement("DELETE FROM " + table + " WHERE guild_id = ? AND user_id = ?")) {
                    delete.setLong(1, guildId);
                    delete.setLong(2, userId);
                    deleted += delete.executeUpdate();
                }
            }
            return deleted;
        });
    }

    private void ensureMember(long guildId, long userId) {
        sql.update(
                "recording member " + userId,
                "INSERT INTO progress_members (guild_id, user_id, public_progress, remind) VALUES (?, ?, ?, ?) "
                        + "ON CONFLICT (guild_id, user_id) DO NOTHING",
                statement -> {
                    statement.setLong(1, guildId);
                    statement.setLong(2, userId);
                    statement.setBoolean(3, false);
                    statement.setBoolean(4, false);
                });
    }
}
