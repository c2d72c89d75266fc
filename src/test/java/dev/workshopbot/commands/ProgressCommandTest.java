package dev.workshopbot.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.workshopbot.MovableClock;
import dev.workshopbot.content.ContentLoader;
import dev.workshopbot.content.Library;
import dev.workshopbot.content.Section;
import dev.workshopbot.daily.DailyPost;
import dev.workshopbot.progress.ProgressSystem;
import dev.workshopbot.store.DailyStore;
import dev.workshopbot.store.Database;
import dev.workshopbot.store.ProgressStore;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /progress and the buttons it owns, with plain values: marking, undo, privacy, forget. */
class ProgressCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Library LIBRARY =
            new ContentLoader("https://workshop.example.test").load(Path.of("src/test/resources/sites/study-workshop"));
    private static final Caller ADA = new Caller(7, 1, false);
    private static final Caller BEN = new Caller(8, 1, false);

    @TempDir
    Path temp;

    private ProgressStore store;
    private ProgressCommand command;

    @BeforeEach
    void open() {
        Database database = Database.open("jdbc:sqlite:" + temp.resolve("state.db"));
        store = new ProgressStore(database);
        MovableClock clock = new MovableClock("2026-03-08T12:00:00Z");
        command = new ProgressCommand(
                () -> LIBRARY,
                new ProgressSystem(store, new DailyStore(database), () -> LIBRARY, clock, ZoneId.of("UTC")));
    }

    private static JsonNode json(Reply reply) throws Exception {
        return JSON.readTree(reply.toCallback().toString());
    }

    private static String text(Reply reply) throws Exception {
        JsonNode data = json(reply).path("data");
        return data.path("content").asText() + data.path("embeds").toString();
    }

    private static List<String> buttonIds(Reply reply) throws Exception {
        List<String> ids = new ArrayList<>();
        for (JsonNode row : json(reply).path("data").path("components")) {
            for (JsonNode button : row.path("components")) {
                ids.add(button.path("custom_id").asText());
            }
        }
        return ids;
    }

    private static String markButton(Reply card) throws Exception {
        return buttonIds(card).stream()
                .filter(id -> id.startsWith("progress|") && id.contains("|read|"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no Mark as read button"));
    }

    private Reply progress(Caller caller, Map<String, String> options) {
        return command.handle(new Invocation("progress", null, options, caller));
    }

    @Test
    void aSectionCardsMarkButton_recordsOnce_thenSaysAlreadyMarked_andUndoTakesItBack() throws Exception {
        Section section = LIBRARY.sections().get(2);
        Reply card = Reply.visible(SectionCommand.card(LIBRARY, section));
        String mark = markButton(card);

        Reply first = command.press(mark, ADA);
        assertTrue(first.ephemeral());
        assertTrue(text(first).contains("Marked as read"), text(first));
        Reply again = command.press(mark, ADA);
        assertTrue(again.ephemeral());
        assertTrue(text(again).contains("Already marked as read"), text(again));
        assertEquals(Map.of(section.key(), LocalDate.of(2026, 3, 8)), store.reads(1, 7));

        String undo = buttonIds(again).stream()
                .filter(id -> id.contains("|undo|"))
                .findFirst()
                .orElseThrow();
        assertTrue(text(command.press(undo, ADA)).contains("Unmarked"));
        assertEquals(Map.of(), store.reads(1, 7));
        assertEquals(
                "[]",
                json(first).path("data").path("allowed_mentions").path("parse").toString());
    }

    @Test
    void aDailyPostsMarkButton_marksEverySectionOfThatDay() throws Exception {
        Reply post = Reply.visible(DailyPosts.render(new DailyPost(
                1,
                10,
                LocalDate.of(2026, 3, 8),
                1,
                LIBRARY.plan().size(),
                LIBRARY.plan().days().get(1),
                LIBRARY,
                false)));
        command.press(markButton(post), ADA);
        assertEquals(
                new HashSet<>(LIBRARY.plan().days().get(1).sections()),
                store.reads(1, 7).keySet());
    }

    @Test
    void anotherMembersProgress_isRefusedWhilePrivate_andShownOnceTheyMakeItPublic() throws Exception {
        command.press(
                markButton(Reply.visible(
                        SectionCommand.card(LIBRARY, LIBRARY.sections().get(0)))),
                BEN);
        Reply refused = progress(ADA, Map.of("member", "8"));
        assertTrue(refused.ephemeral());
        assertTrue(text(refused).contains("member: that member's progress is private"), text(refused));

        assertTrue(text(progress(BEN, Map.of("visibility", "public"))).contains("now public"));
        Reply shown = progress(ADA, Map.of("member", "8"));
        assertTrue(shown.ephemeral());
        assertTrue(text(shown).contains("1 of " + LIBRARY.sections().size() + " sections read"), text(shown));

        progress(BEN, Map.of("visibility", "private"));
        assertTrue(text(progress(ADA, Map.of("member", "8"))).contains("private"));
    }

    @Test
    void yourOwnProgress_showsABarPerPage_theStreak_andOpensTheNextUnread() throws Exception {
        Reply mine = progress(ADA, Map.of());
        assertTrue(mine.ephemeral());
        String shown = text(mine);
        assertTrue(shown.contains("0 of " + LIBRARY.sections().size() + " sections read"), shown);
        assertTrue(shown.contains("▱▱▱▱▱"), shown);
        assertTrue(shown.contains("current 0 days"), shown);
        assertTrue(buttonIds(mine).stream().anyMatch(id -> id.startsWith("section|")), "an Open button");
        assertEquals("▰▰▰▱▱", ProgressCommand.bar(3, 5));
        assertEquals("▰▱▱▱▱", ProgressCommand.bar(1, 40), "any progress shows");
        assertEquals("▰▰▰▰▰", ProgressCommand.bar(4, 4));
    }

    @Test
    void forget_asksFirst_thenDeletesOnlyThatMember() throws Exception {
        String mark = markButton(
                Reply.visible(SectionCommand.card(LIBRARY, LIBRARY.sections().get(0))));
        command.press(mark, ADA);
        command.press(mark, BEN);
        Reply asked = progress(ADA, Map.of("forget", "true"));
        assertTrue(text(asked).contains("cannot be undone"), text(asked));
        assertEquals(1, store.reads(1, 7).size(), "nothing deleted before the confirmation");
        String confirm = buttonIds(asked).get(0);

        Reply done = command.press(confirm, ADA);
        assertTrue(text(done).contains("deleted"), text(done));
        assertEquals(Map.of(), store.reads(1, 7));
        assertEquals(1, store.reads(1, 8).size(), "Ben's reads stay");
        assertTrue(text(command.press(confirm, ADA)).contains("nothing about you"));
    }

    @Test
    void aStaleOrForgedButton_getsAClearPrivateRefusal() throws Exception {
        for (String id : List.of("progress|abc|read|s|no-such-section", "progress|abc|read|d|9999", "progress|x")) {
            Reply reply = command.press(id, ADA);
            assertTrue(reply.ephemeral(), id);
            assertTrue(text(reply).length() > 20, text(reply));
        }
        assertEquals(Map.of(), store.reads(1, 7));
        assertTrue(text(progress(ADA, Map.of("visibility", "everyone"))).startsWith("visibility:"));
    }
}
