package dev.workshopbot.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.List;
import java.util.Locale;

/**
 * The vectors of recently asked questions: a study group asks the same few things ("when do we meet?") again and
 * again, and a question's vector does not change when the content does, so one cache serves every snapshot built by
 * the same model. The model reads lower case only (all-MiniLM-L6-v2 is uncased), so questions that differ only in
 * case or spacing share an entry.
 */
final class QuestionVectors {

    /** About 1.6 KB a question (384 floats): a few MB at most. */
    static final int CAPACITY = 2_000;

    private final Embedder embedder;
    private final Cache<String, float[]> cache =
            Caffeine.newBuilder().maximumSize(CAPACITY).recordStats().build();

    QuestionVectors(Embedder embedder) {
        this.embedder = embedder;
    }

    String model() {
        return embedder.model();
    }

    /** The question's unit vector, embedded at most once while it stays among the recent questions. */
    float[] of(String question) {
        return cache.get(key(question), key -> embedder.embed(List.of(key)).get(0));
    }

    /** Questions embedded by the model (the rest came from the cache). */
    long embedded() {
        return cache.stats().missCount();
    }

    static String key(String question) {
        return question.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
