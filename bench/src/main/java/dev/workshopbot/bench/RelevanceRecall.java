package dev.workshopbot.bench;

import dev.workshopbot.search.EmbeddingCache;
import dev.workshopbot.search.MiniLmEmbedder;
import dev.workshopbot.search.RelevanceSet;
import dev.workshopbot.search.SemanticBuilder;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Recall at 1 and at 3 of keyword search alone, vectors alone and the hybrid the bot serves, on the relevance set
 * committed under {@code src/test/resources/relevance} (issue 11), per content set and over both. Deterministic, so a
 * plain program: {@code bench/semantic} runs it.
 */
public final class RelevanceRecall {

    private RelevanceRecall() {}

    public static void main(String[] args) {
        RelevanceSet set = RelevanceSet.load(Path.of(args.length > 0 ? args[0] : "."));
        set.embed(new SemanticBuilder(new MiniLmEmbedder(), EmbeddingCache.inMemory()));
        for (RelevanceSet.Method method : RelevanceSet.Method.values()) {
            List<RelevanceSet.Ranked> ranked = set.rank(method);
            StringBuilder line = new StringBuilder(String.format(
                    Locale.ROOT,
                    "recall: %-7s all %d questions @1 %5.1f %% @3 %5.1f %%",
                    method,
                    ranked.size(),
                    100 * RelevanceSet.recall(ranked, 1),
                    100 * RelevanceSet.recall(ranked, 3)));
            for (String content : set.libraries().keySet()) {
                List<RelevanceSet.Ranked> of = ranked.stream()
                        .filter(r -> r.question().content().equals(content))
                        .toList();
                line.append(String.format(
                        Locale.ROOT,
                        " | %s (%d) @1 %5.1f %% @3 %5.1f %%",
                        content,
                        of.size(),
                        100 * RelevanceSet.recall(of, 1),
                        100 * RelevanceSet.recall(of, 3)));
            }
            System.out.println(line);
        }
    }
}
