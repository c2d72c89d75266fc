package dev.workshopbot.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.workshopbot.content.ContentLoader;
import dev.workshopbot.content.Library;
import dev.workshopbot.store.Database;
import dev.workshopbot.store.EmbeddingStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedding cache: what a reload, an edit and a restart embed, counted on the real model. */
class SemanticBuilderTest {

    private static final String SITE = "https://workshop.example.test/prep-workshop";
    private static Embedder model;

    @TempDir
    Path temp;

    @BeforeAll
    static void loadModel() {
        model = new MiniLmEmbedder();
    }

    private Path copyOfFixture() throws IOException {
        Path from = Path.of("src/test/resources/sites/study-workshop");
        Path to = temp.resolve("site");
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.sorted(Comparator.naturalOrder()).toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        return to;
    }

    private static Library load(Path directory) {
        return new ContentLoader(SITE).load(directory);
    }

    private static long distinct(List<Passage> passages) {
        return passages.stream().map(Passage::hash).distinct().count();
    }

    @Test
    void reloadUnchanged_embedsNothing_anEditEmbedsOnlyItsPage_andARestartOnTheSameDatabaseEmbedsNothing()
            throws IOException {
        Path site = copyOfFixture();
        String url = "jdbc:sqlite:" + temp.resolve("state.db");
        SemanticBuilder builder = new SemanticBuilder(model, new EmbeddingStore(Database.open(url), Clock.systemUTC()));

        Library first = load(site);
        SemanticIndex index = builder.build(first);
        assertEquals(distinct(index.passages()), builder.embedded(), "an empty cache embeds every passage once");

        builder.build(load(site));
        assertEquals(distinct(index.passages()), builder.embedded(), "a reload with nothing changed embeds 0");

        Path faq = site.resolve("faq.md");
        Files.writeString(
                faq, Files.readString(faq).replace("## Formatting Help", "Bring a charger.\n\n## Formatting Help"));
        Library edited = load(site);
        List<Passage> after = Passages.of(edited);
        List<Passage> changedPassages = after.stream()
                .filter(p ->
                        index.passages().stream().noneMatch(old -> old.hash().equals(p.hash())))
                .toList();
        long changed = distinct(changedPassages);
        long before = builder.embedded();
        builder.build(edited);
        assertEquals(1, changed, "the edit changes one passage of faq.md");
        assertEquals(changed, builder.embedded() - before, "an edit embeds only the passages it changed");
        assertTrue(
                changedPassages.get(0).chunk().endsWith("Bring a charger."),
                changedPassages.get(0).chunk());
        assertEquals(
                "faq.md",
                edited.sections().get(changedPassages.get(0).section()).pagePath());

        SemanticBuilder restarted =
                new SemanticBuilder(model, new EmbeddingStore(Database.open(url), Clock.systemUTC()));
        restarted.build(edited);
        assertEquals(0, restarted.embedded(), "a restart on the same database embeds 0");
        assertEquals(distinct(after), restarted.reused());
    }

    @Test
    void cachedVectors_answerAsTheFreshOnesDo() throws IOException {
        Library library = load(Path.of("src/test/resources/sites/study-workshop"));
        EmbeddingCache cache = EmbeddingCache.inMemory();
        SemanticIndex fresh = new SemanticBuilder(model, cache).build(library);
        SemanticIndex cached = new SemanticBuilder(model, cache).build(library);
        String question = "which python version should I install";
        assertEquals(
                fresh.nearest(question, 3).stream().map(n -> n.passage().hash()).toList(),
                cached.nearest(question, 3).stream()
                        .map(n -> n.passage().hash())
                        .toList());
    }

    @Test
    void theModelReadsLowerCaseOnly_soTheQuestionCacheMayFoldCase() {
        float[] asTyped =
                model.embed(List.of("When Do We MEET for the Python Session?")).get(0);
        float[] folded = model.embed(List.of(QuestionVectors.key("When Do We MEET for the Python Session?")))
                .get(0);
        double dot = 0;
        for (int i = 0; i < asTyped.length; i++) {
            dot += asTyped[i] * folded[i];
        }
        assertEquals(1.0, dot, 1e-4, "an uncased model gives both spellings the same vector");
    }
}
