package dev.workshopbot.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How pages written the way the shipped workshop is become sections, links, quotes and lists. */
class PageParserTest {

    private static final String SITE = "https://example.org/ws";

    @TempDir
    Path dir;

    @Test
    void pageUrls_followPermalinkElsePrettyJekyllPaths() throws IOException {
        write("setup.md", "# Setup\n\nText.\n");
        write("index.md", "# Home\n\nText.\n");
        write("docs/guide.md", "---\npermalink: /the-guide/\n---\n\n# Guide\n\nText.\n");
        Library library = load();
        assertEquals(SITE + "/setup/", library.page("setup.md").orElseThrow().url());
        assertEquals(SITE + "/", library.page("index.md").orElseThrow().url());
        assertEquals(
                SITE + "/the-guide/",
                library.page("docs/guide.md").orElseThrow().url());
    }

    @Test
    void relativeLinks_resolveAgainstThePage_areNavigationNotReading_andImagesAreNotLinks() throws IOException {
        write(
                "setup.md",
                "# Setup\n\nSee [the tools](tools), [below](#next), [a guide](https://guide.example/x) "
                        + "and ![a diagram](img.png).\n");
        Library library = load();
        assertEquals(
                List.of("https://guide.example/x"),
                library.links().stream().map(Link::url).toList());
        // "tools" resolved against the page's URL (/setup/), where the site has no page
        assertTrue(
                library.problems().stream()
                        .anyMatch(problem -> problem.toString()
                                .startsWith("setup.md:3: warning: link 'the tools' goes to /setup/tools/ on the site")),
                library.problems().toString());
    }

    @Test
    void aBylineUnderTheTitle_isNoReading_whileTheSameLineFurtherDownIs() throws IOException {
        write(
                "p.md",
                "# Page\n\nIntro sentence here.\n\n{: .blank-note }\n**By Ada:** [GitHub](https://gh.test/ada) •"
                        + " [Site](https://ada.test)\n\n## Later\n\n**Maintained by Bo:** [GitHub](https://gh.test/bo)\n");
        Library library = load();
        assertEquals(
                List.of("https://gh.test/bo"),
                library.links().stream().map(Link::url).toList());
        assertEquals(
                "Intro sentence here.", library.section("page").orElseThrow().summary());
    }

    @Test
    void navOrder_numbersThenStringsThenTitles_childrenUnderParents() throws IOException {
        write("c.md", "---\ntitle: Charlie\n---\n# C\n\nx\n");
        write("a.md", "---\ntitle: Alpha\nnav_order: 2\n---\n# A\n\nx\n");
        write("b.md", "---\ntitle: Bravo\nnav_order: 1\n---\n# B\n\nx\n");
        write("s.md", "---\ntitle: Sierra\nnav_order: \"x\"\n---\n# S\n\nx\n");
        write("a1.md", "---\ntitle: Alpha child\nparent: Alpha\nnav_order: 1\n---\n# A1\n\nx\n");
        Library library = load();
        assertEquals(
                List.of("Bravo", "Alpha", "Alpha child", "Sierra", "Charlie"),
                library.pages().stream().map(Page::title).toList());
    }

    @Test
    void authoredSummaries_winOverExtractiveOnes() throws IOException {
        write("p.md", "---\ntitle: P\nsummaries:\n  intro: \"Written by hand.\"\n---\n\n# Intro\n\nLong text here.\n");
        assertEquals("Written by hand.", load().section("intro").orElseThrow().summary());
    }

    @Test
    void extractiveSummary_stopsAtTheLastWholeSentenceWithin300Characters() throws IOException {
        String sentence = "This sentence is exactly long enough to matter for the summary length. ";
        write("p.md", "# Long\n\n" + sentence.repeat(10) + "\n");
        String summary = load().section("long").orElseThrow().summary();
        assertEquals(sentence.strip().repeat(1).length() * 4 + 3, summary.length());
        assertTrue(summary.endsWith("length."));
    }

    @Test
    void quoteAttribution_fromAClosingDashLineInTheSameParagraph() throws IOException {
        write("q.md", "# Q\n\n> Be kind.\n> — [Ada](https://ada.example)\n");
        Quote quote = load().quotes().get(0);
        assertEquals("Be kind.", quote.text());
        assertEquals("Ada", quote.attribution());
        assertEquals("https://ada.example", quote.attributionUrl());
    }

    @Test
    void quoteWithoutAnyAttribution_hasNone() throws IOException {
        write("q.md", "# Q\n\nPlain intro.\n\n> Anonymous wisdom.\n");
        Quote quote = load().quotes().get(0);
        assertNull(quote.attribution());
        assertNull(quote.attributionUrl());
    }

    @Test
    void calloutAttributes_styleTheirBlock_andNeverShow() throws IOException {
        write("c.md", "# C\n\n{: .warning }\nMind the gap.\n\nLink [x](https://x.example){:target=\"_blank\"} ok.\n");
        List<Block> blocks = load().section("c").orElseThrow().blocks();
        assertEquals("Mind the gap.", blocks.get(0).plain());
        assertEquals(List.of(".warning"), blocks.get(0).attributes());
        assertEquals("Link x ok.", blocks.get(1).plain());
    }

    @Test
    void explicitHeadingIds_areUsedAsWritten() throws IOException {
        write("e.md", "# Intro {#start}\n\nText.\n");
        Section section = load().sections().get(0);
        assertEquals("start", section.id());
        assertEquals("Intro", section.title());
    }

    @Test
    void codeAndTables_stayInFullText_butNeverInSummaries() throws IOException {
        write("k.md", "# K\n\n```java\nint x = 1;\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nProse sentence.\n");
        Section section = load().section("k").orElseThrow();
        assertEquals("Prose sentence.", section.summary());
        assertEquals(
                List.of(Block.Kind.CODE, Block.Kind.TABLE, Block.Kind.PARAGRAPH),
                section.blocks().stream().map(Block::kind).toList());
        assertEquals("int x = 1;", section.blocks().get(0).plain());
    }

    private Library load() {
        return new ContentLoader(SITE).load(dir);
    }

    private void write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
