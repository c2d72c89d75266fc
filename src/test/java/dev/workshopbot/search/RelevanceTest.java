package dev.workshopbot.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 11's relevance bar: over the committed questions in students' words, hybrid retrieval has a right section in
 * its top three for at least 90 % of them. Keywords alone and vectors alone are reported beside it, and every miss is printed, so
 * a change that trades one question for another shows in the log.
 */
class RelevanceTest {

    private static RelevanceSet set;

    @BeforeAll
    static void embed() {
        set = RelevanceSet.load(Path.of("."));
        set.embed(new SemanticBuilder(new MiniLmEmbedder(), EmbeddingCache.inMemory()));
    }

    @Test
    void theSetIsBigEnough_coversBothContentSets_andNamesOnlySectionsThatExist() {
        assertTrue(
                set.questions().size() >= 40,
                "at least 40 questions: " + set.questions().size());
        assertTrue(set.questions().stream().anyMatch(q -> q.content().equals("essay")), "the shipped essay");
        assertTrue(set.questions().stream().anyMatch(q -> q.content().equals("workshop")), "the fixture workshop");
        assertEquals(List.of(), set.unknownAnswers(), "answers that name no section");
    }

    @Test
    void hybridRetrievalHasARightSectionInItsTopThree_forAtLeastNinetyPercent() {
        List<RelevanceSet.Ranked> hybrid = set.rank(RelevanceSet.Method.HYBRID);
        List<RelevanceSet.Ranked> keywords = set.rank(RelevanceSet.Method.BM25);
        List<RelevanceSet.Ranked> vectors = set.rank(RelevanceSet.Method.VECTORS);
        double hybridAt3 = RelevanceSet.recall(hybrid, 3);
        System.out.printf(
                Locale.ROOT,
                "relevance over %d questions, top 3 (top 1): hybrid %.1f %% (%.1f %%), BM25 alone %.1f %% (%.1f %%),"
                        + " vectors alone %.1f %% (%.1f %%)%n",
                hybrid.size(),
                100 * hybridAt3,
                100 * RelevanceSet.recall(hybrid, 1),
                100 * RelevanceSet.recall(keywords, 3),
                100 * RelevanceSet.recall(keywords, 1),
                100 * RelevanceSet.recall(vectors, 3),
                100 * RelevanceSet.recall(vectors, 1));
        String misses = IntStream.range(0, hybrid.size())
                .filter(i -> !hybrid.get(i).within(3))
                .mapToObj(i -> "  " + hybrid.get(i).question().text() + " -> "
                        + hybrid.get(i).top() + " (BM25 rank " + keywords.get(i).rank() + ", vectors rank "
                        + vectors.get(i).rank() + ")")
                .collect(Collectors.joining("\n"));
        System.out.println("hybrid misses (rank 0: not in the first five):\n" + misses);
        assertTrue(
                hybridAt3 >= 0.90,
                String.format(Locale.ROOT, "hybrid top-3 %.3f < 0.90; misses:%n%s", hybridAt3, misses));
    }

    @Test
    void theFusionFindsMoreInItsTopThree_thanEitherRetrievalAlone() {
        double hybrid = RelevanceSet.recall(set.rank(RelevanceSet.Method.HYBRID), 3);
        double keywords = RelevanceSet.recall(set.rank(RelevanceSet.Method.BM25), 3);
        double vectors = RelevanceSet.recall(set.rank(RelevanceSet.Method.VECTORS), 3);
        assertTrue(hybrid > keywords, "hybrid " + hybrid + " against BM25 alone " + keywords);
        assertTrue(hybrid > vectors, "hybrid " + hybrid + " against vectors alone " + vectors);
    }

    @Test
    void aQuestionAboutNothingInTheWorkshop_findsNothingClose_whileMostOfTheSetIsAnsweredRight() {
        for (String content : set.libraries().keySet()) {
            for (String question : set.unrelated()) {
                AnswerFinder.Result result = AnswerFinder.ask(set.snapshot(content), question);
                assertEquals(
                        List.of(),
                        result.answers(),
                        content + ": \"" + question + "\" is answered (best cosine " + result.best() + ")");
                assertEquals(3, result.nearest().size(), "the three nearest sections are still shown");
            }
        }
        long right = set.questions().stream()
                .filter(q -> AnswerFinder.ask(set.snapshot(q.content()), q.text()).answers().stream()
                        .anyMatch(answer -> q.answers().contains(RelevanceSet.key(answer.section()))))
                .count();
        System.out.printf(
                Locale.ROOT,
                "/ask cites a right section for %d of %d questions; none of %d unrelated ones is answered%n",
                right,
                set.questions().size(),
                set.unrelated().size());
        assertTrue(right >= 0.70 * set.questions().size(), "right answers cited: " + right);
    }
}
