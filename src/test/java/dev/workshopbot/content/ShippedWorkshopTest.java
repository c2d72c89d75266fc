package dev.workshopbot.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The shipped essay, indexed as the published site shows it. */
class ShippedWorkshopTest {

    static final String SITE = "https://segunakinyemi.com/ai-interview-workshop";
    private static Library library;
    private static List<String> source;

    @BeforeAll
    static void load() throws Exception {
        library = new ContentLoader(SITE).load(Path.of("content"));
        source = Files.readAllLines(Path.of("content/why-ai-interviews.md"));
    }

    @Test
    @DisplayName("counts: 1 page, 12 sections, 71 links (75 less the byline's 4), 5 quotes, no problems")
    void counts() {
        assertEquals(1, library.pages().size());
        assertEquals(12, library.sections().size());
        assertEquals(71, library.links().size());
        assertEquals(5, library.quotes().size());
        assertEquals(List.of(), library.problems());
    }

    @Test
    void sectionIds_areTheSiteAnchors_inReadingOrder() {
        List<String> ids = library.sections().stream().map(Section::id).toList();
        assertEquals(
                List.of(
                        "why-ai-interviews",
                        "the-game-has-changed",
                        "your-value-lies-beyond-the-code",
                        "software-engineering-has-always-been-more-than-writing-code",
                        "why-llms-cant-replace-you-yet",
                        "vibe-coding-vs-vibe-engineering",
                        "the-illusion-of-vibe-coding",
                        "a-historical-perspective",
                        "the-junior-developer-question",
                        "should-i-still-grind-leetcode",
                        "some-companies-are-letting-candidates-use-ai-in-technical-interviews",
                        "in-conclusion"),
                ids);
    }

    @Test
    void sections_knowTheirHeadingLine_levelParentAndAnchorUrl() {
        Section section = library.section("why-llms-cant-replace-you-yet").orElseThrow();
        // THEN the line is the heading's line in the file, and the URL lands on the published anchor
        assertEquals("## Why LLMs Can't Replace You (Yet)", source.get(section.line() - 1));
        assertEquals(2, section.level());
        assertEquals("why-ai-interviews", section.parent());
        assertEquals(SITE + "/why-ai-interviews/#why-llms-cant-replace-you-yet", section.url());
        assertEquals("Why AI Interviews?", library.pages().get(0).title());
        assertEquals(9L, library.pages().get(0).navOrder());
    }

    @Test
    void links_arePlainText_withTheirSectionAndSourceLine() {
        Link reddit = library.links().stream()
                .filter(link -> link.text().contains("BreakingGood"))
                .findFirst()
                .orElseThrow();
        assertEquals("u/_BreakingGood_ on Reddit", reddit.text());
        assertEquals("the-illusion-of-vibe-coding", reddit.section());
        assertEquals(124, reddit.line());
        for (Link link : library.links()) {
            // every link's text appears on the line it claims, and no Markdown escape survives
            assertTrue(
                    source.get(link.line() - 1)
                            .replace("\\_", "_")
                            .replaceAll("\\s+", " ")
                            .contains(link.text()),
                    () -> "link '" + link.text() + "' is not on line " + link.line());
            assertFalse(link.text().contains("\\"), link.text());
            assertTrue(link.url().matches("(https?|mailto):.+"), link.url());
        }
    }

    @Test
    void quotes_carryTheirAttribution_andNoAttributionLineInTheirText() {
        List<Quote> quotes = library.quotes();
        assertEquals(
                List.of(
                        "Simon Willison",
                        "Simon Willison",
                        "u/Boxy310 on Reddit",
                        "u/ZenDragon on Reddit",
                        "u/_BreakingGood_ on Reddit"),
                quotes.stream().map(Quote::attribution).toList());
        assertEquals(
                List.of(
                        "why-llms-cant-replace-you-yet",
                        "vibe-coding-vs-vibe-engineering",
                        "the-illusion-of-vibe-coding",
                        "the-illusion-of-vibe-coding",
                        "the-illusion-of-vibe-coding"),
                quotes.stream().map(Quote::section).toList());
        assertEquals(
                List.of(84, 96, 110, 116, 122), quotes.stream().map(Quote::line).toList());
        assertEquals(
                "https://simonwillison.net/2025/Oct/7/vibe-engineering/",
                quotes.get(1).attributionUrl());
        assertEquals(
                "https://www.reddit.com/r/programming/comments/1qqxvlw/comment/o2k6pub/",
                quotes.get(4).attributionUrl());
        for (Quote quote : quotes) {
            assertFalse(quote.text().contains("\n—"), quote.text());
            assertFalse(quote.text().contains(quote.attribution()), quote.text());
            assertTrue(quote.text().startsWith(source.get(quote.line() - 1).substring(2, 30)), quote.text());
        }
    }

    @Test
    void readingLists_areTitledByWhatIntroducesThem_andKeptApart() {
        ReadingList thrive = byTitle("The case that juniors can thrive");
        ReadingList harder = byTitle("The case that things are getting harder (or...it's over) for juniors");
        assertEquals(8, thrive.links().size());
        assertEquals(5, harder.links().size());
        assertNotEquals(thrive.id(), harder.id());
        assertEquals("the-junior-developer-question", thrive.section());
        assertEquals(
                "https://tidyfirst.substack.com/p/the-bet-on-juniors-just-got-better",
                thrive.links().get(0));
        long inThrive = library.links().stream()
                .filter(link -> thrive.id().equals(link.list()))
                .count();
        assertEquals(8, inThrive);
    }

    @Test
    void kramdownAttributes_neverLeakIntoText() {
        String everything = library.sections().stream()
                .flatMap(section -> section.blocks().stream().map(Block::plain))
                .collect(Collectors.joining("\n"));
        assertFalse(everything.contains("{:"), "an attribute list leaked into text");
        Block byline = library.sections().get(0).blocks().get(1);
        assertEquals(List.of(".blank-note", Byline.ATTRIBUTE), byline.attributes());
        assertTrue(byline.plain().startsWith("Written by Segun Akinyemi:"), byline.plain());
    }

    @Test
    void theBylinesProfileLinks_areNotReading_butStayInTheFullText() {
        assertTrue(
                library.links().stream().noneMatch(link -> link.line() == 11),
                "a link of the byline (line 11) is listed as reading");
        Block byline = library.sections().get(0).blocks().get(1);
        assertTrue(
                byline.spans().stream().anyMatch(span -> "https://github.com/segunak".equals(span.url())),
                "the byline lost its link in the full text");
        assertFalse(
                library.sections().get(0).summary().contains("LinkedIn"),
                library.sections().get(0).summary());
    }

    @Test
    void summaries_areWholeSentences_ofAtMost300Characters() {
        for (Section section : library.sections()) {
            String summary = section.summary();
            assertFalse(summary.isBlank(), section.id());
            assertTrue(summary.length() <= 300, section.id() + ": " + summary.length());
            assertTrue(summary.matches("(?s).*[.!?\"”]$"), section.id() + " ends mid-sentence: " + summary);
        }
        // Extractive: every sentence of a summary is a sentence of its section as the author wrote it, or a list read
        // as its lead-in and its items ("The common theme … is: They fully expect you to use AI, …").
        for (Section section : library.sections()) {
            String text = section.blocks().stream()
                    .map(Block::plain)
                    .collect(java.util.stream.Collectors.joining(" "))
                    .replaceAll("\\s+", " ");
            for (String sentence : Summarizer.sentences(section.summary())) {
                String whole = sentence.strip();
                String leadIn = whole.contains(": ") ? whole.substring(0, whole.indexOf(": ") + 1) : whole;
                assertTrue(
                        text.contains(whole) || text.contains(leadIn),
                        section.id() + ": '" + sentence + "' is not in the text");
            }
        }
    }

    @Test
    void loadingTwice_givesTheSameVersion_andTheVersionIsSha256() {
        Library again = new ContentLoader(SITE).load(Path.of("content"));
        assertEquals(library.version(), again.version());
        assertTrue(library.version().matches("[0-9a-f]{64}"));
    }

    private static ReadingList byTitle(String title) {
        return library.readingLists().stream()
                .filter(list -> list.title().equals(title))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no reading list titled " + title + " in "
                        + library.readingLists().stream()
                                .map(ReadingList::title)
                                .toList()));
    }
}
