package dev.workshopbot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.workshopbot.content.ContentLoader;
import dev.workshopbot.content.Library;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkshopGeneratorTest {

    private static final int PAGES = 50;

    @TempDir
    Path temp;

    @Test
    void write_sameSeedTwice_writesByteIdenticalFiles() throws IOException {
        // GIVEN two empty directories
        Path first = temp.resolve("first");
        Path second = temp.resolve("second");

        // WHEN the same workshop is generated into each
        WorkshopGenerator.write(first, PAGES, WorkshopGenerator.SEED);
        WorkshopGenerator.write(second, PAGES, WorkshopGenerator.SEED);

        // THEN both hold the same file names with the same bytes
        List<String> names = names(first);
        assertEquals(PAGES, names.size());
        assertEquals(names, names(second));
        for (String name : names) {
            assertArrayEquals(Files.readAllBytes(first.resolve(name)), Files.readAllBytes(second.resolve(name)), name);
        }
    }

    @Test
    void write_generatedWorkshop_loadsWithoutErrors() throws IOException {
        // GIVEN a generated workshop
        WorkshopGenerator.write(temp, PAGES, WorkshopGenerator.SEED);

        // WHEN the content loader reads it
        Library library = new ContentLoader("https://example.org/workshop").load(temp);

        // THEN every page is served, nothing is an error, and the pages carry what the bot serves
        assertEquals(PAGES, library.pages().size());
        assertEquals(0, library.errorCount(), () -> library.problems().toString());
        assertTrue(
                library.sections().size() > PAGES,
                "sections: " + library.sections().size());
        assertTrue(
                !library.quotes().isEmpty()
                        && !library.readingLists().isEmpty()
                        && !library.links().isEmpty(),
                "quotes, reading lists and links are all present");
    }

    @Test
    void write_nonEmptyDirectory_isRefused() throws IOException {
        // GIVEN a directory that already holds a file
        Files.writeString(temp.resolve("stale.md"), "# Stale\n");

        // WHEN / THEN generating into it fails instead of mixing old and new pages
        assertThrows(
                IllegalArgumentException.class, () -> WorkshopGenerator.write(temp, PAGES, WorkshopGenerator.SEED));
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }
}
