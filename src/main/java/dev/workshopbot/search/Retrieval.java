package dev.workshopbot.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hybrid retrieval over one snapshot: BM25 hits and the nearest passages by embedding, fused by reciprocal rank
 * (each list adds its weight / (60 + rank) to a hit). Without a semantic index (the model still loading, or switched off)
 * it is BM25 alone, and says so.
 */
public final class Retrieval {

    /** Reciprocal rank fusion's constant, as in Cormack et al.: damps the difference between the first few ranks. */
    static final int RRF_K = 60;
    /**
     * What a keyword rank counts for in {@code /ask}, against 1 for a vector rank. Questions are asked in students'
     * words, which the vectors meet better than the keywords do: on the committed relevance set vectors alone have the
     * right section in their top 3 for 87 % of the questions, keywords alone for 80 %; fused at equal weights 90 %
     * (top 1: 73 %), with the keywords at half weight 91.5 % (top 1: 76 %), the same at every fusion constant and
     * depth tried (RelevanceTest, issue 11's note). {@code /search} is typed as keywords and fuses at equal weights.
     */
    static final double QUESTION_KEYWORD_WEIGHT = 0.5;
    /** Passages read from the vector index per question: enough to reach a dozen distinct sections. */
    private static final int NEAREST = 30;

    /** A section found for a question: its fused score, its best passage (null without vectors) and that cosine. */
    public record Found(int section, double fused, Passage passage, double cosine, int keywordRank) {}

    private final SearchIndex keywords;
    private final SemanticIndex semantic;

    public Retrieval(SearchIndex keywords, SemanticIndex semantic) {
        this.keywords = keywords;
        this.semantic = semantic;
    }

    /** Whether vectors take part; false means keyword search only. */
    public boolean isHybrid() {
        return semantic != null;
    }

    /** The best {@code limit} sections for a question, best first. */
    public List<Found> sections(String question, int limit) {
        List<Integer> byKeywords = keywords.ordinals(SearchIndex.Kind.SECTION, question, NEAREST);
        Map<Integer, Double> fused = new LinkedHashMap<>();
        Map<Integer, Integer> keywordRank = new HashMap<>();
        for (int rank = 0; rank < byKeywords.size(); rank++) {
            fused.merge(byKeywords.get(rank), QUESTION_KEYWORD_WEIGHT * rrf(rank), Double::sum);
            keywordRank.put(byKeywords.get(rank), rank);
        }
        Map<Integer, SemanticIndex.Near> best = new LinkedHashMap<>();
        if (semantic != null) {
            for (SemanticIndex.Near near : semantic.nearest(question, NEAREST)) {
                best.putIfAbsent(near.passage().section(), near);
            }
            int rank = 0;
            for (int section : best.keySet()) {
                fused.merge(section, rrf(rank++), Double::sum);
            }
        }
        List<Found> out = new ArrayList<>();
        fused.forEach((section, score) -> {
            SemanticIndex.Near near = best.get(section);
            out.add(new Found(
                    section,
                    score,
                    near == null ? null : near.passage(),
                    near == null ? Double.NaN : near.cosine(),
                    keywordRank.getOrDefault(section, -1)));
        });
        out.sort((a, b) -> a.fused() != b.fused()
                ? Double.compare(b.fused(), a.fused())
                : Integer.compare(a.section(), b.section()));
        return List.copyOf(out.subList(0, Math.min(limit, out.size())));
    }

    /**
     * {@code /search}'s hits: the keyword hits of every kind fused with the sections the vectors find, a section the
     * keywords missed shown with its best passage as the snippet.
     */
    public List<SearchIndex.Hit> search(String query, int limit) {
        List<SearchIndex.Hit> byKeywords = keywords.search(query, limit * 2);
        if (semantic == null || SearchIndex.analyze(query).isEmpty()) {
            return byKeywords.subList(0, Math.min(limit, byKeywords.size()));
        }
        Map<String, Double> fused = new LinkedHashMap<>();
        Map<String, SearchIndex.Hit> hits = new HashMap<>();
        for (int rank = 0; rank < byKeywords.size(); rank++) {
            SearchIndex.Hit hit = byKeywords.get(rank);
            String key = hit.kind() + ":" + hit.ordinal();
            fused.merge(key, rrf(rank), Double::sum);
            hits.put(key, hit);
        }
        Map<Integer, SemanticIndex.Near> best = new LinkedHashMap<>();
        for (SemanticIndex.Near near : semantic.nearest(query, NEAREST)) {
            best.putIfAbsent(near.passage().section(), near);
        }
        int rank = 0;
        for (Map.Entry<Integer, SemanticIndex.Near> entry : best.entrySet()) {
            String key = SearchIndex.Kind.SECTION + ":" + entry.getKey();
            fused.merge(key, rrf(rank++), Double::sum);
            hits.computeIfAbsent(
                    key,
                    k -> keywords.hit(
                            SearchIndex.Kind.SECTION,
                            entry.getKey(),
                            SearchIndex.clip(entry.getValue().passage().chunk())));
        }
        return fused.entrySet().stream()
                .sorted((a, b) -> Double.compare(b.getValue(), a.getValue()))
                .limit(limit)
                .map(entry -> hits.get(entry.getKey()))
                .toList();
    }

    private static double rrf(int rank) {
        return 1.0 / (RRF_K + rank + 1);
    }
}
