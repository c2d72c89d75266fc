package dev.workshopbot.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.workshopbot.content.ContentLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotTest {

    @Test
    void cachedAnswers_belongToTheirSnapshot_soANewVersionNeverServesOldOnes(@TempDir Path dir) throws IOException {
        // GIVEN a snapshot that has answered (and cached) a search and an autocomplete
        Files.writeString(dir.resolve("a.md"), "# Alpha Basics\n\nGradient descent explained.\n");
        Snapshot old = Snapshot.of(new ContentLoader("https://x.example").load(dir));
        assertEquals("Alpha Basics", old.sections().suggest("al", 25).get(0).label());
        assertEquals(1, old.search().search("gradient", 5).size());
        // WHEN the content changes and a new snapshot is built
        Files.writeString(dir.resolve("a.md"), "# Algebra Primer\n\nMatrices explained.\n");
        Snapshot fresh = Snapshot.of(new ContentLoader("https://x.example").load(dir));
        // THEN the same questions get the new content's answers
        assertEquals("Algebra Primer", fresh.sections().suggest("al", 25).get(0).label());
        assertTrue(fresh.search().search("gradient", 5).isEmpty());
    }

    @Test
    void search_isStemmedAndTypoTolerant_withMarkedSnippets() {
        Snapshot shipped = Snapshot.of(new ContentLoader("https://x.example").load(Path.of("content")));
        SearchIndex.Hit hit = shipped.search().search("intervew", 5).get(0);
        assertTrue(hit.snippet().contains(SearchIndex.MATCH_START + "Interview"), hit.snippet());
        assertTrue(shipped.search().search("debugging skills", 5).stream()
                .anyMatch(h -> h.title().equals("The Illusion of Vibe Coding")));
    }
}
