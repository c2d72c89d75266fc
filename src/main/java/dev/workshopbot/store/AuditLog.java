package dev.workshopbot.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** Who did what to the bot, when, and how it went: reloads and refused moderator commands. */
public final class AuditLog {

    /** One audit row. */
    public record Entry(
            Instant at, long guildId, long userId, String action, String door, String result, String detail) {}

    private final DataSource db;

    public AuditLog(Database database) {
        this.db = database.dataSource();
    }

    public void record(Entry entry) {
        try (Connection connection = db.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO audit_log "
                                + "(id, at, guild_id, user_id, action, door, result, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setLong(2, entry.at().toEpochMilli());
            insert.setLong(3, entry.guildId());
            insert.setLong(4, entry.userId());
            insert.setString(5, entry.action());
            insert.setString(6, entry.door());
            insert.setString(7, entry.result());
            insert.setString(8, entry.detail());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("writing the audit log", e);
        }
    }

    /** The newest entries first. */
    public List<Entry> recent(int limit) {
        return select("SELECT * FROM audit_log ORDER BY at DESC LIMIT ?", limit, null);
    }

    /** The newest entry of an action ({@code reload}), if any. */
    public Optional<Entry> last(String action) {
        List<Entry> found = select("SELECT * FROM audit_log WHERE action = ? ORDER BY at DESC LIMIT ?", 1, action);
        return found.stream().findFirst();
    }

    private List<Entry> select(String sql, int limit, String action) {
        try (Connection connection = db.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            int at = 1;
            if (action != null) {
                select.setString(at++, action);
            }
            select.setInt(at, limit);
            List<Entry> entries = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    entries.add(new Entry(
                            Instant.ofEpochMilli(rows.getLong("at")),
                            rows.getLong("guild_id"),
                            rows.getLong("user_id"),
                            rows.getString("action"),
                            rows.getString("door"),
                            rows.getString("result"),
                            rows.getString("detail")));
                }
            }
            return entries;
        } catch (SQLException e) {
            throw new StoreException("reading the audit log", e);
        }
    }
}
