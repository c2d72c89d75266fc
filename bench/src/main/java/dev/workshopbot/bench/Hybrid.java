package dev.workshopbot.bench;

import dev.workshopbot.content.Library;
import dev.workshopbot.search.MiniLmEmbedder;
import dev.workshopbot.search.SemanticBuilder;
import dev.workshopbot.search.Snapshot;
import dev.workshopbot.store.Database;
import dev.workshopbot.store.EmbeddingStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Hybrid snapshots for the issue 11 benchmarks, and the questions they ask. The vectors of a content set are kept in
 * one SQLite embedding cache under {@code bench/target}, so only the first fork that meets a content set embeds it.
 */
final class Hybrid {

    /** The cache every fork shares: the same store the bot uses, on its own file. */
    static final Path CACHE = Path.of("bench/target/embeddings.db");

    /** A question a study group asks, with its words on both content sets. */
    static final String QUESTION = "how should I prepare for a system design interview with AI tools";
    /** A query typed as keywords. */
    static final String QUERY = "code review";

    private static final List<String> TOPICS = List.of(
            "system design", "code review", "debugging", "pair programming", "prompting", "coding agents",
            "leetcode", "take-home projects", "behavioral questions", "observability", "incident response",
            "refactoring", "test strategy", "junior developers", "vibe coding", "technical interviews",
            "AI interviews", "vibe engineering", "algorithms", "hash maps", "recursion", "dynamic programming",
            "python setup", "virtual environments", "git branches", "unit tests", "time complexity",
            "mock interviews", "resume reviews", "salary negotiation");
    private static final List<String> TEMPLATES = List.of(
            "how do I get better at %s before I start on %s",
            "what does the workshop say about %s and %s",
            "is %s still worth learning if AI does %s",
            "where can I read more on %s compared with %s",
            "should I practise %s or %s first",
            "how long does it take to learn %s and %s",
            "what is the difference between %s and %s",
            "any tips for %s during %s",
            "why does %s matter for %s",
            "can AI help me with %s while I learn %s",
            "what mistakes do beginners make with %s and %s",
            "how do interviewers judge %s against %s");

    private Hybrid() {}

    /** The content with its vectors, embedded from the shared cache (the model embeds what it lacks). */
    static Snapshot snapshot(Library library) {
        try {
            Files.createDirectories(CACHE.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SemanticBuilder builder = new SemanticBuilder(
                new MiniLmEmbedder(),
                new EmbeddingStore(Database.open("jdbc:sqlite:" + CACHE), Clock.systemUTC()));
        return Snapshot.of(library).withSemantic(builder.build(library));
    }

    /** Distinct questions, none asked twice, for the path where no question vector is cached. */
    static List<String> unseenQuestions() {
        List<String> out = new ArrayList<>();
        for (String template : TEMPLATES) {
            for (String first : TOPICS) {
                for (String second : TOPICS) {
                    if (!first.equals(second)) {
                        out.add(String.format(template, first, second));
                    }
                }
            }
        }
        return List.copyOf(out);
    }

    /** Distinct two-topic keyword queries for {@code /search}'s cold path. */
    static List<String> unseenQueries() {
        List<String> out = new ArrayList<>();
        for (String first : TOPICS) {
            for (String second : TOPICS) {
                for (String third : List.of("", " tips", " examples", " guide", " interview", " basics", " mistakes",
                        " practice", " questions", " reading", " help", " exercises")) {
                    if (!first.equals(second)) {
                        out.add(first + " " + second + third);
                    }
                }
            }
        }
        return List.copyOf(out);
    }
}
