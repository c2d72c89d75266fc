package dev.workshopbot.store;

import dev.workshopbot.search.EmbeddingCache;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/** The embedding cache in the state database: one row per model and passage hash, the vector as little-endian floats. */
public final class EmbeddingStore implements EmbeddingCache {

    /** Hashes looked up per query, well under every driver's limit on parameters. */
    private static final int LOOKUP = 200;

    private final DataSource db;
    private final Clock clock;

    public EmbeddingStore(Database database, Clock clock) {
        this.db = database.dataSource();
        this.clock = clock;
    }

    @Override
    public Map<String, float[]> find(String model, Collection<String> hashes) {
        Map<String, float[]> found = new HashMap<>();
        List<String> all = new ArrayList<>(hashes);
        try (Connection connection = db.getConnection()) {
            for (int from = 0; from < all.size(); from += LOOKUP) {
                List<String> some = all.subList(from, Math.min(all.size(), from + LOOKUP));
                String marks = String.join(", ", Collections.nCopies(some.size(), "?"));
                try (PreparedStatement select = connection.prepareStatement(
                        "SELECT hash, vector FROM embeddings WHERE model = ? AND hash IN (" + marks + ")")) {
                    select.setString(1, model);
                    for (int i = 0; i < some.size(); i++) {
                        select.setString(i + 2, some.get(i));
                    }
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            found.put(rows.getString(1), floats(rows.getBytes(2)));
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new StoreException("reading cached embeddings", e);
        }
        return found;
    }

    @Override
    public void store(String model, Map<String, float[]> vectors) {
        if (vectors.isEmpty()) {
            return;
        }
        try (Connection connection = db.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement delete =
                            connection.prepareStatement("DELETE FROM embeddings WHERE model = ? AND hash = ?");
                    PreparedStatement insert = connection.prepareStatement("INSERT INTO embeddings "
                            + "(model, hash, dimensions, vector, created_at) VALUES (?, ?, ?, ?, ?)")) {
                long now = clock.millis();
                for (Map.Entry<String, float[]> entry : vectors.entrySet()) {
                    delete.setString(1, model);
                    delete.setString(2, entry.getKey());
                    delete.addBatch();
                    insert.setString(1, model);
                    insert.setString(2, entry.getKey());
                    insert.setInt(3, entry.getValue().length);
                    insert.setBytes(4, bytes(entry.getValue()));
                    insert.setLong(5, now);
                    insert.addBatch();
                }
                delete.executeBatch();
                insert.executeBatch();
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("caching embeddings", e);
        }
    }

    private static byte[] bytes(float[] vector) {
        ByteBuffer buffer = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(vector);
        return buffer.array();
    }

    private static float[] floats(byte[] bytes) {
        float[] vector = new float[bytes.length / Float.BYTES];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
        return vector;
    }
}
