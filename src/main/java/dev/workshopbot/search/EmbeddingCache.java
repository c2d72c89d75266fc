package dev.workshopbot.search;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Vectors of passages already embedded, by the model's name and the passage's hash. */
public interface EmbeddingCache {

    /** The vectors known for {@code hashes}; hashes without one are absent from the map. */
    Map<String, float[]> find(String model, Collection<String> hashes);

    void store(String model, Map<String, float[]> vectors);

    /** A cache that lives as long as the process: for the console, and when no database is configured. */
    static EmbeddingCache inMemory() {
        Map<String, float[]> vectors = new ConcurrentHashMap<>();
        return new EmbeddingCache() {
            @Override
            public Map<String, float[]> find(String model, Collection<String> hashes) {
                Map<String, float[]> found = new java.util.HashMap<>();
                for (String hash : hashes) {
                    float[] vector = vectors.get(model + "\u0000" + hash);
                    if (vector != null) {
                        found.put(hash, vector);
                    }
                }
                return found;
            }

            @Override
            public void store(String model, Map<String, float[]> stored) {
                stored.forEach((hash, vector) -> vectors.put(model + "\u0000" + hash, vector));
            }
        };
    }
}
