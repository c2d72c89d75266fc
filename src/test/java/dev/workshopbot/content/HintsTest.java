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

/** {@code <details>} blocks are hints: their summary is shown, their content kept apart from every public text. */
class HintsTest {

    private static final Library SITE = new ContentLoader("https://workshop.example.test/prep-workshop")
            .load(Path.of("src/test/resources/sites/study-workshop"));

    private static Section hintsOf(Library library, String page) {
        return library.section(page, "hints").orElseThrow();
    }

    @Test
    void aHintWithCodeBetweenTwoHtmlBlocks_isOneHint_withTheCodeInside() {
        // GIVEN exercise 1, whose second hint holds a Python block between <details><summary> and </details>
        Section hints = hintsOf(SITE, "exercises/exercise-1.md");
        // THEN the section has its two hints, each titled by its summary, and the code is in the second
        List<Block> found = hints.blocks().stream()
                .filter(block -> block.kind() == Block.Kind.HINT)
                .toList();
        assertEquals(
                List.of("Hint 1", "Hint 2"), found.stream().map(Block::plain).toList());
        assertTrue(found.get(0).hidden().get(0).plain().startsWith("For each number, ask which other number"));
        assertTrue(
                found.get(1).hidden().stream()
                        .anyMatch(block ->
                                block.kind() == Block.Kind.CODE && block.plain().contains("seen[x] = i")),
                found.get(1).hidden().toString());
        // AND no public block of the section holds any of it
        assertTrue(hints.blocks().stream()
                .filter(block -> block.kind() != Block.Kind.HINT)
                .noneMatch(
                        block -> block.plain().contains("seen") || block.plain().contains("which other number")));
    }

    @Test
    void hintText_isInNoSummaryOfAnyPage() {
        for (Section section : SITE.sections()) {
            for (Block hint : section.blocks().stream()
                    .filter(b -> b.kind() == Block.Kind.HINT)
                    .toList()) {
                for (Block content : hint.hidden()) {
                    String start = content.plain()
                            .substring(0, Math.min(30, content.plain().length()));
                    SITE.sections()
                            .forEach(any -> assertFalse(
                                    any.summary().contains(start), any.id() + " summary shows hint text: " + start));
                }
            }
        }
    }

    @Test
    void linksQuotesAndListsInsideAHint_areNotPublic_andAnUnclosedHintIsAWarning(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("page.md"), """
                ---
                title: Page
                ---
                # Page

                Public text with a [public link](https://public.example/).

                <details><summary>Spoiler</summary>

                Read [the answer](https://answer.example/) first.

                > The answer is 42.
                > — [Deep Thought](https://deep.example/)

                </details>

                ## Later

                <details>
                <summary>Never closed</summary>
                Still hidden.
                """);
        Library library = new ContentLoader("https://x.example").load(dir);
        assertEquals(
                List.of("https://public.example/"),
                library.links().stream().map(Link::url).toList());
        assertEquals(List.of(), library.quotes());
        Section later = library.section("page.md", "later").orElseThrow();
        Block neverClosed = later.blocks().get(0);
        assertEquals(Block.Kind.HINT, neverClosed.kind());
        assertEquals("Still hidden.", neverClosed.hidden().get(0).plain());
        assertTrue(
                library.problems().stream()
                        .anyMatch(problem ->
                                problem.toString().contains("page.md:19: warning: <details> is never closed")),
                library.problems().toString());
    }

    @Test
    void read_findsTheSummaryAndBody_inOneBlockOrAcrossSeveral() {
        assertEquals(
                new Hints.Html(true, "Hint 1", "Try a map.", true, List.of()),
                Hints.read("<details><summary>Hint <b>1</b></summary>Try a map.</details>"));
        assertEquals(
                new Hints.Html(true, "Hint 2", "Keep a dictionary:", false, List.of()),
                Hints.read("<details>\n<summary>Hint 2</summary>\nKeep a dictionary:"));
        assertEquals(new Hints.Html(false, "", "", true, List.of()), Hints.read("</details>"));
    }

    @Test
    void otherHtml_isShownAsItsText_andWhatDiscordCannotShowIsNamed() {
        // GIVEN a wrapper, an image with and without alt text, and a video frame
        // THEN the wrapper's text and the described image are text; the rest is named for validate
        assertEquals(
                new Hints.Html(false, "", "x & y", false, List.of()),
                Hints.read("<div class=\"note\">x &amp; y</div>"));
        assertEquals(
                new Hints.Html(false, "", "🖼 The workshop logo", false, List.of()),
                Hints.read("<p align=\"center\"><img src=\"logo.png\" alt=\"The workshop logo\"></p>"));
        assertEquals(
                new Hints.Html(false, "", "Watch:", false, List.of("iframe", "img")),
                Hints.read("<p>Watch: <iframe src=\"https://video.test/1\"></iframe><img src=\"x.png\"></p>"));
        assertEquals(new Hints.Html(false, "", "", false, List.of("script")), Hints.read("<script>alert(1)</script>"));
    }
}
