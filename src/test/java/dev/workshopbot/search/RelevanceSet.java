package dev.workshopbot.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.workshopbot.content.ContentLoader;
import dev.workshopbot.content.Library;
import dev.workshopbot.content.Section;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The relevance set of {@code src/test/resources/relevance/questions.yml}: students' questions over the shipped essay
 * and the fixture workshop, each with the sections that answer it, and the ranks three retrievals give those
 * sections. Shared by {@code RelevanceTest} and the benchmarks' recall report, so both count the same way. Plain
 * Java, no JUnit: the benchmarks compile it.
 */
public final class RelevanceSet {

    /** One question, the content set it is asked of and the keys ({@code page.md#section-id}) that answer it. */
    public record Question(String text, String content, Set<String> answers) {}

    /** How one retrieval ranks a question's answers: the 1-based rank of the first right section, 0 if none. */
    public record Ranked(Question question, int rank, List<String> top) {
        public boolean within(int k) {
            return rank > 0 && rank <= k;
        }
    }

    /** The three retrievals compared: keywords alone, vectors alone, and the two fused as the bot serves them. */
    public enum Method {
        BM25,
        VECTORS,
        HYBRID
    }

    /** How deep each ranking is read: enough for recall at 3 and for a report of what came first. */
    private static final int DEPTH = 5;

    private final List<Question> questions;
    private final List<String> unrelated;
    private final Map<String, Library> libraries = new LinkedHashMap<>();
    private final Map<String, Snapshot> snapshots = new LinkedHashMap<>();

    private RelevanceSet(List<Question> questions, List<String> unrelated) {
        this.questions = List.copyOf(questions);
        this.unrelated = List.copyOf(unrelated);
    }

    /**
     * Reads the set under {@code root} (the bot's checkout) and loads both content sets as the bot would, with the
     * site URL each declares (the essay has none: the default).
     */
    public static RelevanceSet load(Path root) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        JsonNode tree;
        try {
            tree = yaml.readTree(
                    root.resolve("src/test/resources/relevance/questions.yml").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Question> questions = new ArrayList<>();
        for (JsonNode node : tree.path("questions")) {
            Set<String> answers = new LinkedHashSet<>();
            node.path("answers").forEach(answer -> answers.add(answer.asText()));
            questions.add(new Question(
                    node.path("question").asText(), node.path("content").asText(), answers));
        }
        List<String> unrelated = new ArrayList<>();
        tree.path("unrelated").forEach(question -> unrelated.add(question.asText()));
        RelevanceSet set = new RelevanceSet(questions, unrelated);
        ContentLoader loader = ContentLoader.forSite(Optional.empty());
        set.libraries.put("essay", loader.load(root.resolve("content")));
        set.libraries.put("workshop", loader.load(root.resolve("src/test/resources/sites/study-workshop")));
        set.libraries.forEach((name, library) -> set.snapshots.put(name, Snapshot.of(library)));
        return set;
    }

    public List<Question> questions() {
        return questions;
    }

    /** Questions about nothing either content set covers, to be asked of both. */
    public List<String> unrelated() {
        return unrelated;
    }

    public Map<String, Library> libraries() {
        return libraries;
    }

    /** The snapshot a content set ("essay", "workshop") is served from, with its vectors once embedded. */
    public Snapshot snapshot(String content) {
        Snapshot snapshot = snapshots.get(content);
        if (snapshot == null) {
            throw new IllegalArgumentException("unknown content set: " + content);
        }
        return snapshot;
    }

    /** Adds each content set's vectors, built by {@code builder}: hybrid and vector rankings need them. */
    public void embed(SemanticBuilder builder) {
        snapshots.replaceAll((name, snapshot) -> snapshot.withSemantic(builder.build(snapshot.library())));
    }

    /** Every question ranked by {@code method}, in the set's order. */
    public List<Ranked> rank(Method method) {
        List<Ranked> out = new ArrayList<>();
        for (Question question : questions) {
            Snapshot snapshot = snapshot(question.content());
            List<Integer> ordinals = ranking(method).apply(snapshot, question.text());
            List<String> top = new ArrayList<>();
            int rank = 0;
            for (int ordinal : ordinals) {
                String key = key(snapshot.library().sections().get(ordinal));
                top.add(key);
                if (rank == 0 && question.answers().contains(key)) {
                    rank = top.size();
                }
            }
            out.add(new Ranked(question, rank, List.copyOf(top)));
        }
        return out;
    }

    /** The share of questions whose first right section is within the first {@code k}. */
    public static double recall(List<Ranked> ranked, int k) {
        return ranked.isEmpty()
                ? 0
                : (double) ranked.stream().filter(r -> r.within(k)).count() / ranked.size();
    }

    /** The answer key of a section, as the set writes it. */
    public static String key(Section section) {
        return section.pagePath() + "#" + section.id();
    }

    /** Answer keys that name no section of their content set: a typo in the set would otherwise read as a miss. */
    public List<String> unknownAnswers() {
        List<String> unknown = new ArrayList<>();
        for (Question question : questions) {
            Library library = libraries.get(question.content());
            for (String answer : question.answers()) {
                boolean known = library != null && library.sections().stream().anyMatch(s -> key(s).equals(answer));
                if (!known) {
                    unknown.add(question.content() + ": " + answer);
                }
            }
        }
        return unknown;
    }

    private static BiFunction<Snapshot, String, List<Integer>> ranking(Method method) {
        return switch (method) {
            case BM25 ->
                (snapshot, question) -> new Retrieval(snapshot.search(), null)
                        .sections(question, DEPTH).stream()
                                .map(Retrieval.Found::section)
                                .toList();
            case HYBRID ->
                (snapshot, question) -> requireVectors(snapshot).retrieval().sections(question, DEPTH).stream()
                        .map(Retrieval.Found::section)
                        .toList();
            case VECTORS ->
                (snapshot, question) -> requireVectors(snapshot).semantic().nearest(question, 30).stream()
                        .map(near -> near.passage().section())
                        .distinct()
                        .limit(DEPTH)
                        .toList();
        };
    }

    private static Snapshot requireVectors(Snapshot snapshot) {
        if (snapshot.semantic() == null) {
            throw new IllegalStateException("embed(...) first: this ranking needs the vectors");
        }
        return snapshot;
    }
}
