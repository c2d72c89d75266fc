package dev.workshopbot.search;

import dev.workshopbot.content.Block;
import dev.workshopbot.content.Library;
import dev.workshopbot.content.Section;
import dev.workshopbot.content.Summarizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code /ask}'s retrieval: the one to three sections that answer a question, each with the sentences of its best
 * passage that meet the question, or, when nothing is close enough, the three nearest sections.
 */
public final class AnswerFinder {

    /**
     * The cosine a passage needs to count as an answer on its own. Measured with all-MiniLM-L6-v2 on the relevance
     * set ({@code RelevanceTest}): the right section's passage sits at 0.4 to 0.8 for most questions, and down to 0.2
     * for short or oddly worded ones; questions about nothing in the workshop (the set's {@code unrelated} list) stay
     * under 0.2, except the odd one that sounds like a part of it ("what time does the gym open" against the
     * session schedule: 0.31).
     */
    public static final double CONFIDENT = 0.35;
    /**
     * Between this and {@link #CONFIDENT} a passage counts when keyword search agrees: its section is among the
     * first {@value #MAX_ANSWERS} keyword hits too.
     */
    static final double CORROBORATED = 0.25;
    /** A second or third answer must be nearly as close as the first, or it only adds noise. */
    private static final double RUNNER_UP = 0.85;

    private static final int EXTRACT_MAX = 350;
    private static final int MAX_ANSWERS = 3;

    /** One cited answer: the section, its extract (matched words between the search markers) and how close. */
    public record Answer(Section section, String extract, double cosine) {}

    /** What a question found; {@code answers} empty means nothing close, and {@code nearest} says what was near. */
    public record Result(List<Answer> answers, List<Section> nearest, boolean hybrid, double best) {}

    private AnswerFinder() {}

    public static Result ask(Snapshot snapshot, String question) {
        Library library = snapshot.library();
        Retrieval retrieval = snapshot.retrieval();
        List<Retrieval.Found> found = retrieval.sections(question, 10);
        Set<String> terms = SearchIndex.analyze(question);
        List<Answer> answers = new ArrayList<>();
        List<Section> nearest = new ArrayList<>();
        double best = found.isEmpty() || !retrieval.isHybrid()
                ? Double.NaN
                : found.stream()
                        .mapToDouble(Retrieval.Found::cosine)
                        .filter(c -> !Double.isNaN(c))
                        .max()
                        .orElse(0);
        for (Retrieval.Found one : found) {
            Section section = library.sections().get(one.section());
            if (nearest.size() < MAX_ANSWERS) {
                nearest.add(section);
            }
            if (answers.size() >= MAX_ANSWERS || !answers(one, retrieval.isHybrid(), best)) {
                continue;
            }
            String text = one.passage() != null ? one.passage().chunk() : prose(section);
            answers.add(new Answer(section, extract(text, terms), one.cosine()));
        }
        return new Result(List.copyOf(answers), List.copyOf(nearest), retrieval.isHybrid(), best);
    }

    private static boolean answers(Retrieval.Found found, boolean hybrid, double best) {
        if (!hybrid) {
            // Keyword search alone: a section that matches the question's words at all is the best there is.
            return found.keywordRank() >= 0 && found.keywordRank() < MAX_ANSWERS;
        }
        if (Double.isNaN(found.cosine()) || found.cosine() < best * RUNNER_UP) {
            return false;
        }
        boolean keywordsAgree = found.keywordRank() >= 0 && found.keywordRank() < MAX_ANSWERS;
        return found.cosine() >= CONFIDENT || (found.cosine() >= CORROBORATED && keywordsAgree);
    }

    private static String prose(Section section) {
        StringBuilder text = new StringBuilder();
        for (Block block : section.blocks()) {
            if (block.kind() == Block.Kind.PARAGRAPH
                    || block.kind() == Block.Kind.LIST
                    || block.kind() == Block.Kind.QUOTE) {
                text.append(block.plain()).append(' ');
            }
        }
        return text.length() == 0 ? section.summary() : text.toString();
    }

    /**
     * The sentence that shares most of the question's words (the first on a tie), with the next one when it fits,
     * at most {@value #EXTRACT_MAX} characters, the shared words marked.
     */
    static String extract(String text, Set<String> terms) {
        List<String> sentences = Summarizer.sentences(text.strip().replaceAll("\\s+", " "));
        if (sentences.isEmpty()) {
            return "";
        }
        int bestAt = 0;
        long bestCount = -1;
        for (int i = 0; i < sentences.size(); i++) {
            long count = SearchIndex.analyzeAll(sentences.get(i)).stream()
                    .filter(terms::contains)
                    .count();
            if (count > bestCount) {
                bestCount = count;
                bestAt = i;
            }
        }
        String extract = sentences.get(bestAt).strip();
        if (bestAt + 1 < sentences.size()
                && extract.length() + 1 + sentences.get(bestAt + 1).strip().length() <= EXTRACT_MAX) {
            extract = extract + " " + sentences.get(bestAt + 1).strip();
        }
        return SearchIndex.marked(Summarizer.cutAtWord(extract, EXTRACT_MAX), terms);
    }
}
