package dev.workshopbot.commands;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.workshopbot.content.ContentLoader;
import dev.workshopbot.content.Library;
import dev.workshopbot.search.Snapshot;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hints never appear in a public reply; they are shown behind spoilers in full text and privately on request. */
class HintRepliesTest {

    private static final Library SITE = new ContentLoader("https://workshop.example.test/prep-workshop")
            .load(Path.of("src/test/resources/sites/study-workshop"));
    private static final Snapshot SNAPSHOT = Snapshot.of(SITE);
    private static final SectionCommand SECTION = new SectionCommand(() -> SNAPSHOT);
    private static final List<String> HINT_WORDS = List.of(
            "which other number",
            "seen[x] = i",
            "Keep a dictionary from value",
            "grow it one character",
            "move the left edge just past");

    private static String json(Reply reply) {
        return reply.toCallback().toString();
    }

    private static Reply card(String name) {
        return SECTION.handle(new Invocation("section", null, Map.of("name", name), Caller.CONSOLE_MEMBER));
    }

    @Test
    void theCardOfAHintsSection_showsNoHintText_andOffersAButtonPerHint() {
        // WHEN a member opens exercise 1's Hints section in public
        Reply reply = card("Hints · Exercise 1: Two Sum");
        String body = json(reply);
        // THEN no word of any hint is in the callback Discord would receive
        assertFalse(reply.ephemeral());
        HINT_WORDS.forEach(word -> assertFalse(body.contains(word), word + " leaked: " + body));
        // AND the card offers "Show Hint 1" and "Show Hint 2"
        assertTrue(body.contains("\"label\":\"Show Hint 1\"") && body.contains("\"label\":\"Show Hint 2\""), body);
    }

    @Test
    void showHint_answersOnlyTheMemberWhoAsked_withTheHintsCode() {
        String id = ButtonId.of(
                        "section",
                        SITE.version(),
                        "hint",
                        SITE.handle(
                                SITE.section("exercises/exercise-1.md", "hints").orElseThrow()),
                        "1")
                .encode();
        Reply reply = SECTION.press(id, Caller.CONSOLE_MEMBER);
        assertTrue(reply.ephemeral());
        String description = reply.message().getEmbeds().get(0).getDescription();
        assertTrue(description.contains("```python\nseen = {}"), description);
    }

    @Test
    void fullText_showsEachHintBehindSpoilerBars() {
        String id = ButtonId.of(
                        "section",
                        SITE.version(),
                        "full",
                        SITE.handle(
                                SITE.section("exercises/exercise-3.md", "hints").orElseThrow()),
                        "open")
                .encode();
        Reply reply = SECTION.press(id, Caller.CONSOLE_MEMBER);
        String description = reply.message().getEmbeds().get(0).getDescription();
        assertTrue(reply.ephemeral());
        assertTrue(description.contains("**Hint 1**\n||Keep a window of characters"), description);
        assertFalse(Fit.opensSpoiler(description), "every spoiler is closed: " + description);
    }

    @Test
    void searchForAHintsWords_findsNothingInAHint() {
        Reply reply = new SearchCommand(() -> SNAPSHOT)
                .handle(new Invocation(
                        "search", null, Map.of("query", "grow the window one character"), Caller.CONSOLE_MEMBER));
        String body = json(reply);
        HINT_WORDS.forEach(word -> assertFalse(body.contains(word), word + " leaked: " + body));
    }

    @Test
    void aHintSplitAcrossFullTextPages_staysHiddenOnBothPages() {
        String page = "Intro.\n\n**Hint 1**\n||" + "A long hint sentence. ".repeat(300) + "||";
        List<String> pages = Fit.split(page, 2000);
        assertTrue(pages.size() > 1);
        pages.forEach(chunk -> assertFalse(Fit.opensSpoiler(chunk), "a page leaves its spoiler open"));
        assertTrue(
                pages.subList(1, pages.size()).stream().allMatch(chunk -> chunk.startsWith("||")),
                "every later page reopens the spoiler");
    }
}
