package dev.workshopbot.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.workshopbot.content.ContentLoader;
import dev.workshopbot.content.Library;
import dev.workshopbot.search.EmbeddingCache;
import dev.workshopbot.search.MiniLmEmbedder;
import dev.workshopbot.search.SemanticBuilder;
import dev.workshopbot.search.Snapshot;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AskCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Snapshot keywords;
    private static Snapshot hybrid;

    @BeforeAll
    static void load() {
        Library library = new ContentLoader("https://workshop.example.test/prep-workshop")
                .load(Path.of("src/test/resources/sites/study-workshop"));
        keywords = Snapshot.of(library);
        hybrid = keywords.withSemantic(
                new SemanticBuilder(new MiniLmEmbedder(), EmbeddingCache.inMemory()).build(library));
    }

    private static JsonNode ask(Snapshot snapshot, String question, String... more) throws Exception {
        Map<String, String> options = new HashMap<>();
        if (question != null) {
            options.put("question", question);
        }
        for (int i = 0; i + 1 < more.length; i += 2) {
            options.put(more[i], more[i + 1]);
        }
        Reply reply =
                new AskCommand(() -> snapshot).handle(new Invocation("ask", null, options, Caller.CONSOLE_MEMBER));
        return JSON.readTree(reply.toCallback().toString());
    }

    private static boolean ephemeral(JsonNode callback) {
        return (callback.path("data").path("flags").asInt() & 64) != 0;
    }

    @Test
    void aQuestionWithNothingToLookFor_getsAPrivateMessageNamingTheOption() throws Exception {
        for (String question : new String[] {null, "", "hi", "how do I do it?", "🙂🙂🙂 🎉", "x".repeat(301)}) {
            JsonNode reply = ask(hybrid, question);
            assertTrue(ephemeral(reply), "public refusal for " + question);
            String content = reply.path("data").path("content").asText();
            assertTrue(content.startsWith("question: "), content);
            assertEquals(0, reply.path("data").path("embeds").size());
        }
        assertTrue(ask(hybrid, "x".repeat(301)).toString().contains("301 characters is too long"));
    }

    @Test
    void anAnswer_isPublicByDefault_citesItsSectionAndPage_andOpensTheSection() throws Exception {
        JsonNode reply = ask(hybrid, "what version of pyhton do I need");
        assertFalse(ephemeral(reply));
        JsonNode embed = reply.path("data").path("embeds").get(0);
        JsonNode first = embed.path("fields").get(0);
        assertTrue(first.path("name").asText().startsWith("1. "), first.toString());
        assertTrue(first.path("value").asText().startsWith("> "), "the extract is quoted: " + first);
        assertTrue(
                first.path("value").asText().contains("(https://workshop.example.test/prep-workshop/"),
                first.toString());
        JsonNode button =
                reply.path("data").path("components").get(0).path("components").get(0);
        assertEquals("Open section 1", button.path("label").asText());
        assertTrue(button.path("custom_id").asText().startsWith("section|"), button.toString());
        assertFalse(embed.path("footer").path("text").asText().contains("Keyword search only"));
        assertEquals(
                "[]", reply.path("data").path("allowed_mentions").path("parse").toString());
    }

    @Test
    void privateTrue_answersEphemerally() throws Exception {
        assertTrue(ephemeral(ask(hybrid, "what version of python do I need", "private", "true")));
        assertTrue(new AskCommand(() -> hybrid)
                .repliesPrivately(new Invocation("ask", null, Map.of("private", "true"), Caller.CONSOLE_MEMBER)));
    }

    @Test
    void withoutTheModel_itAnswersFromKeywords_andSaysSo() throws Exception {
        JsonNode embed = ask(keywords, "what version of python do I need")
                .path("data")
                .path("embeds")
                .get(0);
        assertTrue(embed.path("footer").path("text").asText().startsWith("Keyword search only"), embed.toString());
        assertTrue(embed.path("fields").size() >= 1, embed.toString());
    }

    @Test
    void farFromEveryPassage_saysSo_listsTheNearestThree_andSuggestsSearch() throws Exception {
        JsonNode embed = ask(hybrid, "recipe for banana bread with walnuts")
                .path("data")
                .path("embeds")
                .get(0);
        String description = embed.path("description").asText();
        assertTrue(description.startsWith("I found nothing in the workshop close to that question."), description);
        assertEquals(3, description.split("\n• ").length - 1, description);
        assertTrue(description.contains("/search"), description);
        assertEquals(0, embed.path("fields").size());
    }

    @Test
    void eachQuestionIsRecordedAsItsWords_andTheFeedbackButtonsRecordThePress() throws Exception {
        java.util.List<String> log = new java.util.ArrayList<>();
        dev.workshopbot.store.Insights recording = new dev.workshopbot.store.Insights() {
            @Override
            public java.util.Optional<String> asked(
                    String command, java.util.Set<String> terms, int hits, double best, boolean answered) {
                log.add(command + " " + new java.util.TreeSet<>(terms) + " " + hits + " " + answered);
                return java.util.Optional.of("q1");
            }

            @Override
            public void feedback(String id, boolean helpful) {
                log.add("feedback " + id + " " + helpful);
            }

            @Override
            public void opened(String section) {}

            @Override
            public Report report(java.time.Duration last, int top) {
                return new Report(0, java.util.List.of(), java.util.List.of(), java.util.List.of());
            }
        };
        AskCommand command = new AskCommand(() -> hybrid, recording);
        JsonNode reply = JSON.readTree(command.handle(new Invocation(
                        "ask", null, Map.of("question", "which python version do I need"), Caller.CONSOLE_MEMBER))
                .toCallback()
                .toString());
        assertTrue(log.get(0).startsWith("ask [python, version] "), log.toString());
        assertTrue(log.get(0).endsWith(" true"), log.toString());
        String helpful = null;
        for (JsonNode row : reply.path("data").path("components")) {
            for (JsonNode button : row.path("components")) {
                if (button.path("label").asText().equals("Not helpful")) {
                    helpful = button.path("custom_id").asText();
                }
            }
        }
        assertTrue(helpful != null && helpful.contains("|feedback|q1|no"), reply.toString());
        JsonNode thanks = JSON.readTree(
                command.press(helpful, Caller.CONSOLE_MEMBER).toCallback().toString());
        assertTrue(ephemeral(thanks));
        assertEquals("feedback q1 false", log.get(1));
    }
}
