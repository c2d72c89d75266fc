package dev.workshopbot.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadingPlanTest {

    @TempDir
    Path dir;

    @Test
    void shippedPlan_coversEverySectionOnce_withAPromptEachDay() {
        Library library = new ContentLoader("https://x.example").load(Path.of("content"));
        ReadingPlan plan = library.plan();
        assertTrue(plan.authored());
        assertEquals(9, plan.size());
        assertEquals(
                library.sections().stream().map(Section::key).toList(),
                plan.days().stream().flatMap(day -> day.sections().stream()).toList());
        plan.days()
                .forEach(day -> assertFalse(day.prompt() == null || day.prompt().isBlank()));
        assertEquals(List.of(), library.problems());
    }

    @Test
    void withoutAPlanFile_itIsAPageADay_inReadingOrder() throws IOException {
        Files.writeString(dir.resolve("a.md"), "---\nnav_order: 1\n---\n# One\n\nx\n\n## Two\n\ny\n");
        Files.writeString(dir.resolve("b.md"), "---\nnav_order: 2\n---\n# Three\n\nz\n");
        ReadingPlan plan = new ContentLoader("https://x.example").load(dir).plan();
        assertFalse(plan.authored());
        assertEquals(
                List.of(List.of("one", "two"), List.of("three")),
                plan.days().stream().map(ReadingPlan.Day::sections).toList());
    }

    @Test
    void unknownSection_isAnErrorOnItsLine_andTheDefaultPlanIsServed() throws IOException {
        Files.writeString(dir.resolve("a.md"), "# One\n\nx\n");
        Files.writeString(
                dir.resolve("reading-plan.yml"), "- sections: [one]\n- sections:\n    - one\n    - missing\n");
        Library library = new ContentLoader("https://x.example").load(dir);
        assertEquals(
                "reading-plan.yml:4: error: no section 'missing' in the workshop; use a section id as `validate` "
                        + "or /sections show it",
                library.problems().get(0).toString());
        assertFalse(library.plan().authored());
    }

    @Test
    void titlesWork_asWellAsIds() throws IOException {
        Files.writeString(dir.resolve("a.md"), "# One Thing\n\nx\n");
        Files.writeString(dir.resolve("reading-plan.yml"), "- sections: [\"One Thing\"]\n  prompt: Why?\n");
        ReadingPlan plan = new ContentLoader("https://x.example").load(dir).plan();
        assertEquals(List.of("one-thing"), plan.days().get(0).sections());
        assertEquals("Why?", plan.days().get(0).prompt());
    }

    @Test
    void badShapes_areErrorsWithLines() throws IOException {
        Files.writeString(dir.resolve("a.md"), "# One\n\nx\n");
        Files.writeString(
                dir.resolve("reading-plan.yml"),
                "- sections: [one]\n  links: [ftp://x]\n  colour: red\n- prompt: no sections\n");
        List<Problem> problems =
                new ContentLoader("https://x.example").load(dir).problems();
        assertEquals(List.of(2, 3, 4), problems.stream().map(Problem::line).toList());
        assertTrue(problems.get(1).message().startsWith("unknown key 'colour'"));
    }
}
