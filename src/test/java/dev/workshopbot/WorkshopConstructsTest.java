package dev.workshopbot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.workshopbot.commands.ButtonId;
import dev.workshopbot.commands.Caller;
import dev.workshopbot.commands.Invocation;
import dev.workshopbot.commands.ReadingListCommand;
import dev.workshopbot.commands.Reply;
import dev.workshopbot.commands.SectionCommand;
import dev.workshopbot.console.ExportJson;
import dev.workshopbot.content.ContentLoader;
import dev.workshopbot.content.Library;
import dev.workshopbot.content.Section;
import dev.workshopbot.search.Snapshot;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Each construct of the Jekyll fixture workshop, checked where a reader meets it: in {@code export} and in the exact
 * JSON Discord would receive for {@code /section}, its Full text pages and {@code /reading-list} (issue 10).
 */
class WorkshopConstructsTest {

    private static final String SITE = "https://workshop.example.test/prep-workshop";
    private static final Library LIBRARY =
            ContentLoader.forSite(Optional.empty()).load(Path.of("src/test/resources/sites/study-workshop"));
    private static final Snapshot SNAPSHOT = Snapshot.of(LIBRARY);
    private static final SectionCommand SECTION = new SectionCommand(() -> SNAPSHOT);
    private static final ReadingListCommand READING = new ReadingListCommand(() -> SNAPSHOT);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode export() throws Exception {
        return JSON.readTree(ExportJson.of(LIBRARY));
    }

    private static JsonNode callback(Reply reply) throws Exception {
        return JSON.readTree(reply.toCallback().toString());
    }

    /** The description of every Full text page of a section, as Discord would receive them, joined. */
    private static String fullText(String page, String id) throws Exception {
        Section section = LIBRARY.section(page, id).orElseThrow();
        StringBuilder all = new StringBuilder();
        for (int n = 0; n < 20; n++) {
            String button = ButtonId.of(
                            "section", LIBRARY.version(), "full", LIBRARY.handle(section), String.valueOf(n))
                    .encode();
            JsonNode embed = callback(SECTION.press(button, Caller.CONSOLE_MEMBER))
                    .path("data")
                    .path("embeds")
                    .get(0);
            String description = embed.path("description").asText();
            if (all.indexOf(description) >= 0) {
                break;
            }
            all.append(description).append('\n');
        }
        return all.toString();
    }

    private static JsonNode card(String name) throws Exception {
        return callback(SECTION.handle(new Invocation("section", null, Map.of("name", name), Caller.CONSOLE_MEMBER)));
    }

    @Test
    void aCodeBlockInANumberedStep_staysACodeBlockInItsLanguage_andNeverReachesTheSummary() throws Exception {
        String text = fullText("setup.md", "install-the-tools");
        assertTrue(
                text.contains("2\\. Clone the workshop repository. On Windows:\n```powershell\n"
                        + "git clone https://github.example.test/prep-club/prep-workshop.git\ncd prep-workshop\n"
                        + "py -m venv .venv\n```\n"),
                text);
        assertTrue(text.contains("```bash\npython3 -m venv .venv\n"), text);
        assertTrue(text.contains("4\\. Run the checks with `pytest -q` and make sure they all pass."), text);
        String summary = summary(export(), "setup.md", "install-the-tools");
        assertFalse(summary.contains("```") || summary.contains("git clone") || summary.contains("venv"), summary);
    }

    @Test
    void inlineFormattingAndHtml_keepTheirMeaning_inFullText() throws Exception {
        String faq = fullText("faq.md", "formatting-help");
        assertTrue(
                faq.contains(
                        "Type `pytest -q` to run the checks. Results are **green** when they pass, _never_ ~~red~~."
                                + "\nOn Windows use `py -m pytest` instead."),
                faq);
        assertTrue(
                faq.contains("• Editors we like:\n  • VS Code with the Python extension\n  • PyCharm Community"), faq);
        assertFalse(faq.contains("iframe") || faq.contains("video.example.test"), faq);
        assertTrue(
                LIBRARY.problems().stream()
                        .anyMatch(p -> p.toString().startsWith("faq.md:54: warning: HTML <iframe> cannot be shown")),
                LIBRARY.problems().toString());
    }

    @Test
    void aCalloutIsALabelledQuote_titledAsTheSitesConfigSays() throws Exception {
        assertTrue(fullText("setup.md", "install-the-tools")
                .contains("> **Warning:** Do not install packages globally. A **virtual environment** keeps"));
        // _config.yml titles the note callout "Good to know": the site's own words, not the kind's name
        String index =
                fullText("index.md", LIBRARY.pages().get(0).sections().get(0).id());
        assertTrue(index.contains("> **Good to know:** "), index);
    }

    @Test
    void aTable_isAnAlignedMonospaceBlock() throws Exception {
        String text = fullText("setup.md", "versions-we-test");
        assertTrue(
                text.contains("```\n"
                        + "Tool   | Version | Why\n"
                        + "-------+---------+-------------------------\n"
                        + "Python | 3.12    | the language we use\n"
                        + "pytest | 8.x     | runs the exercise checks\n"
                        + "Git    | 2.40+   | fetches the exercises\n"
                        + "```"),
                text);
        assertEquals("A table of Tool, Version and Why (3 rows).", summary(export(), "setup.md", "versions-we-test"));
        assertEquals("A table of Week and Topic (3 rows).", summary(export(), "faq.md", "session-schedule"));
    }

    @Test
    void imagesAreTheirAltTextLinked_badgesTheirLinkText_andAnImageWithoutAltIsReported() throws Exception {
        String check = fullText("setup.md", "check-your-terminal");
        assertTrue(
                check.contains(
                        "[🖼 Terminal after a passing test run](" + SITE + "/setup/assets/images/terminal-check.svg)"),
                check);
        String setup = fullText("setup.md", "setup");
        assertTrue(setup.contains("[Build](https://github.example.test/prep-club/prep-workshop/actions)"), setup);
        assertFalse(setup.contains("img.shields.io"), setup);
        assertTrue(
                LIBRARY.problems().stream()
                        .anyMatch(p -> p.toString().startsWith("setup.md:50: warning: image ")
                                && p.toString().contains("no alt text")),
                LIBRARY.problems().toString());
    }

    @Test
    void aLinkToAPageOfTheWorkshop_isShownAsACrossReference_toThatPagesUrl() throws Exception {
        String text = fullText("faq.md", "do-i-need-to-know-python-already");
        // written as setup.md, served at /setup/
        assertTrue(text.contains("→ [Setup](" + SITE + "/setup/)"), text);
    }

    @Test
    void noSummaryIsEmptyOrALeadIn_andAHeadingWithoutTextSummarisesItsSubsections() throws Exception {
        for (JsonNode page : export().get("pages")) {
            for (JsonNode section : page.get("sections")) {
                String summary = section.get("summary").asText();
                String where =
                        page.get("path").asText() + "#" + section.get("id").asText();
                assertFalse(summary.isBlank(), where);
                assertFalse(summary.strip().endsWith(":"), where + ": " + summary);
                assertTrue(summary.length() <= 300, where);
            }
        }
        assertEquals(
                "Every problem follows three steps: Plan the approach in words, Prove it on a small example, Explain"
                        + " the cost in time and memory.",
                summary(export(), "faq.md", "approach"));
        assertTrue(summary(export(), "faq.md", "interview-day").startsWith("Bring water, a pen"));
    }

    @Test
    void readingLists_haveUniqueTitlesThatAreNotInstructions_andEachLinkKeepsItsDescription() throws Exception {
        JsonNode export = export();
        List<String> titles = new ArrayList<>();
        export.get("readingLists").forEach(list -> titles.add(list.get("title").asText()));
        assertEquals(
                List.of(
                        "Problem sets we use",
                        "Practice Sites",
                        "Further Reading · Resources",
                        "Further Reading · About"),
                titles);
        Set<String> unique = new HashSet<>(titles);
        assertEquals(titles.size(), unique.size());
        JsonNode grind = null;
        for (JsonNode link : export.get("links")) {
            if (link.get("text").asText().equals("Grind 75")) {
                grind = link;
                break;
            }
        }
        assertEquals(
                "a curated list of seventy-five problems ordered by week.",
                grind.get("description").asText());
        // AND /reading-list shows it, reached by its qualified title
        JsonNode reply = callback(READING.handle(
                new Invocation("reading-list", null, Map.of("list", "Problem sets we use"), Caller.CONSOLE_MEMBER)));
        String description =
                reply.path("data").path("embeds").get(0).path("description").asText();
        assertTrue(
                description.contains("[Grind 75](https://www.techinterviewhandbook.org/grind75/) — a curated list of"
                        + " seventy-five problems ordered by week. (techinterviewhandbook.org)"),
                description);
        JsonNode about = callback(READING.handle(new Invocation(
                "reading-list", null, Map.of("list", "Further Reading · About"), Caller.CONSOLE_MEMBER)));
        assertEquals(
                "Further Reading · About",
                about.path("data").path("embeds").get(0).path("title").asText());
    }

    @Test
    void anAuthorByline_isNoReading_inExportOrCard_butKeepsItsLinksInFullText() throws Exception {
        for (JsonNode link : export().get("links")) {
            assertFalse(link.get("url").asText().contains("adaokafor"), "a byline link is listed as reading: " + link);
        }
        String card = card("about/about-this-workshop").toString();
        assertFalse(card.contains("adaokafor"), card);
        String text = fullText("about.md", "about-this-workshop");
        assertTrue(text.contains("[GitHub](https://github.example.test/adaokafor)"), text);
        // The link under the next heading is no byline: it stays reading.
        assertTrue(export().get("links").toString().contains("prep-workshop-announcement"));
    }

    @Test
    void aRepeatedHeading_carriesItsPageInTheCardTitle_andAUniqueOneDoesNot() throws Exception {
        assertEquals(
                "Hints · Exercise 1: Two Sum",
                card("exercises/exercise-1/hints")
                        .path("data")
                        .path("embeds")
                        .get(0)
                        .path("title")
                        .asText());
        assertEquals(
                "Versions We Test",
                card("setup/versions-we-test")
                        .path("data")
                        .path("embeds")
                        .get(0)
                        .path("title")
                        .asText());
    }

    private static String summary(JsonNode export, String page, String id) {
        for (JsonNode p : export.get("pages")) {
            if (p.get("path").asText().equals(page)) {
                for (JsonNode section : p.get("sections")) {
                    if (section.get("id").asText().equals(id)) {
                        return section.get("summary").asText();
                    }
                }
            }
        }
        throw new AssertionError("no section " + page + "#" + id);
    }
}
