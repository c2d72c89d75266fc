package dev.workshopbot.search;

import dev.workshopbot.content.Library;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Builds a library's {@link SemanticIndex}, embedding only the passages the cache does not know: a restart or a
 * reload with nothing changed embeds nothing, an edit embeds the edited passages. Counts what it embedded. Every
 * index it builds shares one cache of question vectors.
 */
public final class SemanticBuilder {

    /** Passages embedded per call to the model: big enough to batch, small enough to stay responsive. */
    private static final int BATCH = 32;

    private final Embedder embedder;
    private final EmbeddingCache cache;
    private final QuestionVectors questions;
    private final AtomicLong embedded = new AtomicLong();
    private final AtomicLong reused = new AtomicLong();

    public SemanticBuilder(Embedder embedder, EmbeddingCache cache) {
        this.embedder = embedder;
        this.cache = cache;
        this.questions = new QuestionVectors(embedder);
    }

    public SemanticIndex build(Library library) {
        List<Passage> passages = Passages.of(library);
        Set<String> hashes = new LinkedHashSet<>();
        passages.forEach(passage -> hashes.add(passage.hash()));
        Map<String, float[]> vectors = new LinkedHashMap<>(cache.find(embedder.model(), hashes));
        reused.addAndGet(vectors.size());
        List<Passage> missing = new ArrayList<>();
        Set<String> queued = new LinkedHashSet<>();
        for (Passage passage : passages) {
            if (!vectors.containsKey(passage.hash()) && queued.add(passage.hash())) {
                missing.add(passage);
            }
        }
        for (int from = 0; from < missing.size(); from += BATCH) {
            List<Passage> batch = missing.subList(from, Math.min(missing.size(), from + BATCH));
            List<float[]> made =
                    embedder.embed(batch.stream().map(Passage::text).toList());
            Map<String, float[]> fresh = new LinkedHashMap<>();
            for (int i = 0; i < batch.size(); i++) {
                fresh.put(batch.get(i).hash(), made.get(i));
            }
            cache.store(embedder.model(), fresh);
            vectors.putAll(fresh);
            embedded.addAndGet(batch.size());
        }
        List<float[]> ordered =
                passages.stream().map(p -> vectors.get(p.hash())).toList();
        return new SemanticIndex(passages, ordered, questions);
    }

    /** Passages embedded by the model since start. */
    public long embedded() {
        return embedded.get();
    }

    /** Passages whose vector came from the cache since start. */
    public long reused() {
        return reused.get();
    }
}
