package dev.workshopbot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.workshopbot.search.Suggester;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checker behind {@link DiscordLimitsTest} reports every kind of breach, so its silence means something. */
class DiscordLimitsCheckTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROSE = "Interviews reward engineers who verify what the model wrote.";

    private DiscordLimits limits;

    @BeforeEach
    void workshopOfOneSentence(@TempDir Path content) throws IOException {
        Files.writeString(content.resolve("page.md"), "# Page\n\n" + PROSE + "\n");
        limits = DiscordLimits.forWorkshop(content, List.of());
    }

    @Test
    void replyWithinEveryLimit_hasNoProblems() {
        // GIVEN a reply with an embed cut after a whole word, and a row of buttons
        JsonNode callback = callback(data -> {
            embed(data).put("title", "Page").put("description", PROSE.substring(0, PROSE.indexOf(" who")) + "…");
            row(data).add(button("section|v|full|page|1", "Next ▶")).add(link("https://example.com/page"));
        });

        // WHEN it is checked, THEN nothing is reported
        assertEquals(List.of(), check(callback));
    }

    @Test
    void mentionsThatDiscordWouldParse_areReported() {
        // GIVEN replies that let @everyone through, list a user, or say nothing about mentions
        JsonNode everyone = callback(data -> data.withObjectProperty("allowed_mentions")
                .set("parse", JSON.createArrayNode().add("everyone")));
        JsonNode user = callback(data -> data.withObjectProperty("allowed_mentions")
                .set("users", JSON.createArrayNode().add("1")));
        JsonNode silent = callback(data -> data.remove("allowed_mentions"));

        // WHEN they are checked, THEN each is reported
        assertReported(check(everyone), "allowed_mentions.parse");
        assertReported(check(user), "allowed_mentions.users");
        assertReported(check(silent), "no allowed_mentions");
    }

    @Test
    void everyPartOverItsLimit_isReportedByName() {
        // GIVEN a reply with each part one character over Discord's limit
        JsonNode callback = callback(data -> {
            data.put("content", "x".repeat(DiscordLimits.CONTENT + 1));
            ObjectNode embed = embed(data)
                    .put("title", "x".repeat(DiscordLimits.EMBED_TITLE + 1))
                    .put("description", "x".repeat(DiscordLimits.EMBED_DESCRIPTION + 1));
            embed.putObject("footer")
                    .put("text", "x".repeat(DiscordLimits.EMBED_TOTAL - DiscordLimits.EMBED_DESCRIPTION));
            embed.withArrayProperty("fields")
                    .add(JSON.createObjectNode()
                            .put("name", "Reading")
                            .put("value", "x".repeat(DiscordLimits.FIELD_VALUE + 1)));
            ArrayNode row = row(data);
            for (int i = 0; i <= DiscordLimits.BUTTONS_PER_ROW; i++) {
                row.add(button("same-id", "x".repeat(DiscordLimits.BUTTON_LABEL + 1)));
            }
            row.add(link("https://example.com/" + "x".repeat(DiscordLimits.LINK_BUTTON_URL)));
        });

        // WHEN it is checked
        List<String> problems = check(callback);

        // THEN every breach is named
        for (String part : List.of(
                "content is",
                "title is",
                "description is",
                "value is",
                "add up to",
                "buttons, over",
                "used twice",
                "label",
                "url is")) {
            assertReported(problems, part);
        }
    }

    @Test
    void selectMenus_withinTheirLimitsPass_andEachBreachIsReported() {
        // GIVEN a menu within every limit, one over each of them, and one sharing a row with a button
        JsonNode fine = callback(data -> row(data).add(menu("plan|v|day|-", "Pick a day", 3)));
        JsonNode over = callback(data -> {
            ObjectNode menu = menu("x".repeat(DiscordLimits.CUSTOM_ID + 1), "x".repeat(151), 26);
            ((ObjectNode) menu.path("options").get(0))
                    .put("label", "x".repeat(DiscordLimits.SELECT_OPTION_TEXT + 1))
                    .put("description", "x".repeat(DiscordLimits.SELECT_OPTION_TEXT + 1));
            ((ObjectNode) menu.path("options").get(2)).put("value", "1");
            row(data).add(menu);
        });
        JsonNode empty = callback(data -> row(data).add(menu("plan|v|day|-", "Pick a day", 0)));
        JsonNode crowded = callback(
                data -> row(data).add(menu("plan|v|day|-", "Pick a day", 2)).add(button("plan|v|x|-", "Next")));

        // WHEN they are checked, THEN only the breaches are reported, each by name
        assertEquals(List.of(), check(fine));
        List<String> problems = check(over);
        for (String part : List.of(
                "custom_id is", "placeholder is", "26 options", "label is", "description is", "repeats the value")) {
            assertReported(problems, part);
        }
        assertReported(check(empty), "0 options");
        assertReported(check(crowded), "where only buttons may be");
    }

    @Test
    void cutsMidWordOrThroughMarkdown_areReported_butCutsAfterAWholeWordAreNot() {
        // GIVEN cuts inside a word, through a masked link and through a code block, and one after a whole word
        JsonNode midWord = description("Interviews reward engin…");
        JsonNode openLink = description("Read [the page](https://example.com/pa…");
        JsonNode openFence = description("```\ncode…");
        JsonNode wholeWord = description("Interviews reward engineers…");

        // WHEN they are checked, THEN only the whole-word cut passes
        assertReported(check(midWord), "cut mid-word");
        assertReported(check(openLink), "masked link cut open");
        assertReported(check(openFence), "code block");
        assertEquals(List.of(), check(wholeWord));
    }

    @Test
    void autocompleteOverItsLimits_isReported() {
        // GIVEN 26 choices, one with an empty value and one with a 101-character name
        List<Suggester.Entry> choices = new ArrayList<>();
        choices.add(new Suggester.Entry("x".repeat(DiscordLimits.CHOICE_TEXT + 1), "long"));
        choices.add(new Suggester.Entry("Empty", ""));
        while (choices.size() <= DiscordLimits.CHOICES) {
            choices.add(new Suggester.Entry("Page " + choices.size(), "page-" + choices.size()));
        }

        // WHEN they are checked
        List<String> problems = new ArrayList<>();
        limits.checkChoices("autocomplete", choices, problems);

        // THEN the count, the long name and the empty value are each reported
        assertReported(problems, "choices, over");
        assertReported(problems, "choice 0");
        assertReported(problems, "choice 1 ('Empty') value");
    }

    private List<String> check(JsonNode callback) {
        List<String> problems = new ArrayList<>();
        limits.checkCallback("reply", callback, problems);
        return problems;
    }

    private static void assertReported(List<String> problems, String fragment) {
        assertTrue(
                problems.stream().anyMatch(problem -> problem.contains(fragment)),
                () -> "nothing mentions '" + fragment + "' in " + problems);
    }

    /** A callback as the bot sends it (type 4, mentions parsed for nobody), changed by {@code edit}. */
    private static JsonNode callback(Consumer<ObjectNode> edit) {
        ObjectNode callback = JSON.createObjectNode().put("type", 4);
        ObjectNode data = callback.putObject("data").put("content", "");
        data.putObject("allowed_mentions").putArray("parse");
        data.putArray("embeds");
        data.putArray("components");
        edit.accept(data);
        return callback;
    }

    private static JsonNode description(String text) {
        return callback(data -> embed(data).put("description", text));
    }

    private static ObjectNode embed(ObjectNode data) {
        return data.withArrayProperty("embeds").addObject();
    }

    private static ArrayNode row(ObjectNode data) {
        return data.withArrayProperty("components").addObject().put("type", 1).putArray("components");
    }

    private static ObjectNode button(String customId, String label) {
        return JSON.createObjectNode()
                .put("type", 2)
                .put("style", 2)
                .put("custom_id", customId)
                .put("label", label);
    }

    /** A string select menu of {@code options} options labelled "Day n" with the values 0, 1, 2… */
    private static ObjectNode menu(String customId, String placeholder, int options) {
        ObjectNode menu = JSON.createObjectNode()
                .put("type", 3)
                .put("custom_id", customId)
                .put("placeholder", placeholder);
        ArrayNode list = menu.putArray("options");
        for (int i = 0; i < options; i++) {
            list.addObject().put("label", "Day " + (i + 1)).put("value", String.valueOf(i));
        }
        return menu;
    }

    private static ObjectNode link(String url) {
        return JSON.createObjectNode()
                .put("type", 2)
                .put("style", 5)
                .put("url", url)
                .put("label", "Open");
    }
}
