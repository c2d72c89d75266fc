package dev.workshopbot.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.workshopbot.MovableClock;
import dev.workshopbot.content.ContentLoader;
import dev.workshopbot.content.Library;
import dev.workshopbot.content.ReadingPlan;
import dev.workshopbot.content.Section;
import dev.workshopbot.daily.DailyRoutine;
import dev.workshopbot.daily.DailySystem;
import dev.workshopbot.store.DailyStore;
import dev.workshopbot.store.Database;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /plan} with plain values: a real SQLite post log, a clock the test moves and the fixture Jekyll site (nine
 * plan days, a page a day). Where the group is, today's reading, the next seven days, and the menus of days and
 * sections with their limits and stale choices.
 */
class PlanCommandTest {

    private static final long GUILD = 1;
    private static final Caller MEMBER = new Caller(7, GUILD, false);
    private static final Path FIXTURE = Path.of("src/test/resources/sites/study-workshop");
    private static final Library LIBRARY = new ContentLoader("https://workshop.example.test").load(FIXTURE);
    private static final String VERSION = LIBRARY.version().substring(0, 8);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    private final MovableClock clock = new MovableClock("2026-01-04T12:00:00Z");
    private DailyStore store;

    @BeforeEach
    void open() {
        store = new DailyStore(Database.open("jdbc:sqlite:" + temp.resolve("state.db")));
    }

    private PlanCommand plan(Library library, boolean loops) {
        DailySystem daily = new DailySystem(
                store,
                () -> library,
                clock,
                LocalTime.of(9, 0),
                ZoneId.of("UTC"),
                new DailyRoutine.Settings(Duration.ofHours(6), true, loops, Duration.ofMinutes(2)));
        return new PlanCommand(() -> library, daily);
    }

    private PlanCommand plan() {
        return plan(LIBRARY, false);
    }

    private void schedule(String zone) {
        store.schedule(GUILD, 10, LocalTime.of(9, 0), ZoneId.of(zone), clock.instant());
    }

    /** The server posted plan days {@code 0..days-1}, one a day from {@code first}. */
    private void posted(String first, int days) {
        for (int day = 0; day < days; day++) {
            LocalDate date = LocalDate.parse(first).plusDays(day);
            store.claim(GUILD, date, day, 10, "n" + date, "test", clock.instant());
            store.complete(GUILD, date, 1000 + day, null, clock.instant());
        }
    }

    private static JsonNode body(Reply reply) throws IOException {
        return JSON.readTree(reply.toCallback().toString()).path("data");
    }

    private static JsonNode embed(Reply reply) throws IOException {
        return body(reply).path("embeds").path(0);
    }

    /** The lines of the "next days" field. */
    private static List<String> upcoming(Reply reply) throws IOException {
        return List.of(
                embed(reply).path("fields").path(0).path("value").asText().split("\n"));
    }

    private static List<JsonNode> components(Reply reply, int type) throws IOException {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode row : body(reply).path("components")) {
            for (JsonNode component : row.path("components")) {
                if (component.path("type").asInt() == type) {
                    found.add(component);
                }
            }
        }
        return found;
    }

    private static JsonNode menu(Reply reply) throws IOException {
        List<JsonNode> menus = components(reply, 3);
        assertEquals(1, menus.size(), () -> "one select menu in " + reply.toCallback());
        return menus.get(0);
    }

    private static List<String> values(JsonNode menu) {
        List<String> values = new ArrayList<>();
        menu.path("options").forEach(option -> values.add(option.path("value").asText()));
        return values;
    }

    private static List<Section> sectionsOf(Library library, int day) {
        return library.plan().days().get(day).sections().stream()
                .map(key -> library.section(key).orElseThrow())
                .toList();
    }

    private Reply ask(PlanCommand command, Caller caller) {
        return command.handle(new Invocation("plan", null, Map.of(), caller));
    }

    @Test
    void withoutASchedule_theGroupIsAtDay1_itSaysSo_andNoDayHasADate() throws IOException {
        // GIVEN a server that never ran /daily set
        PlanCommand command = plan();

        // WHEN a member asks for the plan
        Reply reply = ask(command, MEMBER);

        // THEN the channel sees day 1 of 9 and why, today's sections linked, and seven undated days
        assertFalse(reply.ephemeral(), "visible in the channel");
        JsonNode embed = embed(reply);
        assertEquals("Day 1 of 9: Interview Prep Workshop", embed.path("title").asText());
        String description = embed.path("description").asText();
        assertTrue(
                description.contains("Daily posts are not set up in this server, so the group is at **day 1 of 9**"),
                description);
        for (Section section : sectionsOf(LIBRARY, 0)) {
            assertTrue(
                    description.contains(
                            "[" + Markdown.escape(LIBRARY.displayTitle(section)) + "](" + section.url() + ")"),
                    () -> section.key() + " linked in " + description);
        }
        assertEquals(
                "The next 7 days", embed.path("fields").path(0).path("name").asText());
        List<String> lines = upcoming(reply);
        assertEquals(7, lines.size(), lines.toString());
        assertEquals("**Day 2** · not scheduled · Setup", lines.get(0));
        assertTrue(lines.get(6).startsWith("**Day 8** · not scheduled · "), lines.get(6));
        assertEquals(0, body(reply).path("allowed_mentions").path("parse").size(), "nothing can ping");
        // AND today's day can be marked read, and every day of the plan is in the menu, day 1 first
        List<JsonNode> buttons = components(reply, 2);
        assertEquals(
                "progress|" + VERSION + "|read|d|0",
                buttons.get(0).path("custom_id").asText());
        assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8"), values(menu(reply)));
        assertEquals(
                "Day 1 · Interview Prep Workshop",
                menu(reply).path("options").path(0).path("label").asText());
    }

    @Test
    void outsideAServer_theReplyIsPrivate_andSaysThereAreNoPostsThere() throws IOException {
        Reply reply = ask(plan(), new Caller(7, 0, false));

        assertTrue(reply.ephemeral());
        assertTrue(
                embed(reply).path("description").asText().startsWith("Outside a server there are no daily posts"),
                embed(reply).path("description").asText());
    }

    @Test
    void scheduledButNotPostedYet_isAtDay1_andSaysWhenItPosts() throws IOException {
        // GIVEN a schedule at 09:00 UTC set at 06:00, before today's post
        clock.set("2026-01-05T06:00:00Z");
        schedule("UTC");

        Reply reply = ask(plan(), MEMBER);

        // THEN day 1 posts today, and day 2 tomorrow
        assertTrue(
                embed(reply)
                        .path("description")
                        .asText()
                        .startsWith("No daily post yet, so the group is at **day 1 of 9**; it posts today."),
                embed(reply).path("description").asText());
        assertEquals("**Day 2** · Tue 6 Jan (tomorrow) · Setup", upcoming(reply).get(0));
    }

    @Test
    void midPlan_isAtTheLastPostedDay_andDatesTheNextSevenInTheServersZone() throws IOException {
        // GIVEN a Berlin server that posted days 1 and 2 on 5 and 6 January
        schedule("Europe/Berlin");
        posted("2026-01-05", 2);
        // WHEN a member asks at 00:30 on 7 January in Berlin (still the 6th in UTC), before that day's post
        clock.set("2026-01-06T23:30:00Z");
        Reply reply = ask(plan(), MEMBER);

        // THEN the group is at day 2, posted yesterday, and day 3 posts today, each later day a day after
        JsonNode embed = embed(reply);
        assertEquals("Day 2 of 9: Setup", embed.path("title").asText());
        assertTrue(
                embed.path("description").asText().startsWith("The group is at **day 2 of 9**, posted yesterday."),
                embed.path("description").asText());
        assertTrue(embed.path("description").asText().contains("Install the Tools"), "today's reading is day 2's");
        List<String> lines = upcoming(reply);
        assertEquals("**Day 3** · Wed 7 Jan (today) · Exercises", lines.get(0));
        assertEquals("**Day 4** · Thu 8 Jan (tomorrow) · Exercise 1: Two Sum", lines.get(1));
        assertEquals("**Day 9** · Tue 13 Jan · About This Workshop", lines.get(6));
        assertEquals("The plan ends with day 9.", lines.get(7), "day 9 is the last");
        assertEquals(
                "Dates in Europe/Berlin · content " + LIBRARY.shortVersion(),
                embed.path("footer").path("text").asText());
        // AND the menu starts at today's day, and its Mark as read is for day 2
        assertEquals("1", values(menu(reply)).get(0));
        assertEquals(
                "progress|" + VERSION + "|read|d|1",
                components(reply, 2).get(0).path("custom_id").asText());
    }

    @Test
    void paused_saysSo_andGivesNoDates() throws IOException {
        // GIVEN a server that posted day 1, then was paused
        schedule("UTC");
        posted("2026-01-05", 1);
        clock.set("2026-01-05T12:00:00Z");
        store.pause(GUILD, null, clock.instant());

        Reply reply = ask(plan(), MEMBER);

        // THEN it says the posts are paused, and every next day says paused instead of a date
        assertTrue(embed(reply).path("description").asText().contains("Daily posts are paused"));
        List<String> lines = upcoming(reply);
        assertEquals(7, lines.size(), lines.toString());
        for (int i = 0; i < lines.size(); i++) {
            assertTrue(lines.get(i).startsWith("**Day " + (i + 2) + "** · paused · "), lines.get(i));
        }
    }

    @Test
    void aSkippedDay_isMarkedSkipped_andTheNextDayTakesItsDate() throws Exception {
        // GIVEN day 1 posted on 5 January, then day 2 skipped by a moderator
        schedule("UTC");
        posted("2026-01-05", 1);
        clock.set("2026-01-05T12:00:00Z");
        DailySystem daily = new DailySystem(
                store,
                () -> LIBRARY,
                clock,
                LocalTime.of(9, 0),
                ZoneId.of("UTC"),
                new DailyRoutine.Settings(Duration.ofHours(6), true, false, Duration.ofMinutes(2)));
        daily.skip(GUILD);

        List<String> lines =
                upcoming(new PlanCommand(() -> LIBRARY, daily).handle(new Invocation("plan", null, Map.of(), MEMBER)));

        assertEquals("**Day 2** · skipped · Setup", lines.get(0));
        assertEquals("**Day 3** · Tue 6 Jan (tomorrow) · Exercises", lines.get(1));
    }

    @Test
    void lastDaysOfThePlan_listWhatIsLeft_sayWhereItEnds_andTheMenuWrapsToDay1() throws IOException {
        // GIVEN a server that posted days 1 to 7 of 9
        schedule("UTC");
        posted("2026-01-05", 7);
        clock.set("2026-01-11T12:00:00Z");

        Reply reply = ask(plan(), MEMBER);

        // THEN only days 8 and 9 come, then the end; the menu starts at day 7 and goes round to day 6
        assertEquals(
                "The next 2 days",
                embed(reply).path("fields").path(0).path("name").asText());
        List<String> lines = upcoming(reply);
        assertEquals(
                List.of(
                        "**Day 8** · Mon 12 Jan (tomorrow) · Frequently Asked Questions",
                        "**Day 9** · Tue 13 Jan · About This Workshop",
                        "The plan ends with day 9."),
                lines);
        assertEquals(List.of("6", "7", "8", "0", "1", "2", "3", "4", "5"), values(menu(reply)));
    }

    @Test
    void onTheLastDay_nothingComes_unlessThePlanLoops() throws IOException {
        // GIVEN a server that posted all nine days
        schedule("UTC");
        posted("2026-01-05", 9);
        clock.set("2026-01-13T12:00:00Z");

        // WHEN the plan stops at its end, THEN nothing comes after day 9
        Reply stops = ask(plan(), MEMBER);
        assertEquals(
                "After today", embed(stops).path("fields").path(0).path("name").asText());
        assertEquals(List.of("Nothing: day 9 is the last day of the plan."), upcoming(stops));

        // WHEN it loops (daily.onEnd: loop), THEN day 1 comes tomorrow and the days go on
        List<String> loops = upcoming(ask(plan(LIBRARY, true), MEMBER));
        assertEquals(7, loops.size(), loops.toString());
        assertEquals("**Day 1** · Wed 14 Jan (tomorrow) · Interview Prep Workshop", loops.get(0));
        assertTrue(loops.get(6).startsWith("**Day 7** · Tue 20 Jan · "), loops.get(6));
    }

    @Test
    void choosingADay_repliesPrivatelyWithItsSectionsLinked_andAMenuOfThem_andASectionOpensItsCard()
            throws IOException {
        PlanCommand command = plan();
        String dayMenu = menu(ask(command, MEMBER)).path("custom_id").asText();

        // WHEN a member picks day 4 (index 3)
        Reply day = command.select(dayMenu, List.of("3"), MEMBER);

        // THEN only they see day 4's reading, every section linked, and a menu of those sections
        assertTrue(day.ephemeral());
        JsonNode embed = embed(day);
        assertEquals("Day 4 of 9: Exercise 1: Two Sum", embed.path("title").asText());
        List<Section> sections = sectionsOf(LIBRARY, 3);
        for (Section section : sections) {
            assertTrue(
                    embed.path("description").asText().contains("](" + section.url() + ")"),
                    () -> section.key() + " in " + embed);
        }
        JsonNode sectionMenu = menu(day);
        assertEquals(
                "plan|" + VERSION + "|section|3", sectionMenu.path("custom_id").asText());
        assertEquals(sections.stream().map(LIBRARY::handle).toList(), values(sectionMenu));

        // WHEN they pick its third section, THEN its card opens, privately
        Reply card = command.select(
                sectionMenu.path("custom_id").asText(),
                List.of(values(sectionMenu).get(2)),
                MEMBER);
        assertTrue(card.ephemeral());
        assertEquals(
                SectionCommand.card(LIBRARY, sections.get(2)).getEmbeds().get(0).getTitle(),
                embed(card).path("title").asText());
    }

    @Test
    void aPlanLongerThan25Days_offers25DaysInTheMenu_and25SectionsOfABigDay() throws IOException {
        // GIVEN the fixture with an authored plan of 40 days, the first of them every section (over 25)
        Path site = copyOfTheFixture();
        List<String> keys = LIBRARY.sections().stream().map(Section::key).toList();
        assertTrue(keys.size() > 25, "sections: " + keys.size());
        StringBuilder yaml = new StringBuilder("- sections: [" + String.join(", ", keys) + "]\n");
        for (int day = 1; day < 40; day++) {
            yaml.append("- sections: [").append(keys.get(day % keys.size())).append("]\n");
        }
        Files.writeString(site.resolve("reading-plan.yml"), yaml);
        Library library = new ContentLoader("https://workshop.example.test").load(site);
        assertEquals(40, library.plan().size(), () -> "problems: " + library.problems());
        PlanCommand command = plan(library, false);

        // WHEN a member asks for the plan
        JsonNode days = menu(ask(command, MEMBER));

        // THEN the menu holds days 1 to 25 and says it lists 25 of 40
        assertEquals(IntStream.range(0, 25).mapToObj(String::valueOf).toList(), values(days));
        assertEquals(
                "Pick a day to see its reading (25 of 40 days listed)",
                days.path("placeholder").asText());
        for (JsonNode option : days.path("options")) {
            assertTrue(option.path("label").asText().length() <= 100);
            assertTrue(option.path("description").asText("").length() <= 100);
        }
        assertTrue(days.path("custom_id").asText().length() <= 100);

        // WHEN they pick day 1, THEN its menu holds the first 25 of its sections and says so
        JsonNode sections = menu(command.select(days.path("custom_id").asText(), List.of("0"), MEMBER));
        assertEquals(25, sections.path("options").size());
        assertEquals(
                "Open a section of day 1 (the first 25 of " + keys.size() + ")",
                sections.path("placeholder").asText());
    }

    @Test
    void staleOrForgedChoices_areRefusedPrivately_andSayWhatToDo() throws IOException {
        PlanCommand command = plan();
        String dayMenu = "plan|" + VERSION + "|day|-";

        // A day the plan no longer has, or no day at all
        for (String value : List.of("9", "-1", "abc", "")) {
            Reply reply = command.select(dayMenu, List.of(value), MEMBER);
            assertTrue(reply.ephemeral(), value);
            assertTrue(
                    reply.message().getContent().contains("no longer in the reading plan")
                            && reply.message().getContent().contains("/plan"),
                    reply.message().getContent());
        }
        // A section the workshop no longer has
        Reply section = command.select("plan|" + VERSION + "|section|0", List.of("gone-section"), MEMBER);
        assertTrue(section.ephemeral());
        assertTrue(
                section.message().getContent().contains("no longer in the workshop"),
                section.message().getContent());
        // An id that is not one of /plan's menus, and a choice of nothing
        for (Reply reply : List.of(
                command.select("plan|x", List.of("1"), MEMBER),
                command.select("plan|" + VERSION + "|other|-", List.of("1"), MEMBER),
                command.select(dayMenu, List.of(), MEMBER))) {
            assertTrue(reply.ephemeral());
            assertTrue(
                    reply.message().getContent().contains("Run /plan again"),
                    reply.message().getContent());
        }
    }

    @Test
    void aDayPickedFromAMenuOfOlderContent_answersFromTheCurrentPlan_andSaysItChanged() throws IOException {
        Reply reply = plan().select("plan|00000000|day|-", List.of("1"), MEMBER);

        assertTrue(reply.ephemeral());
        assertEquals("Day 2 of 9: Setup", embed(reply).path("title").asText());
        assertTrue(
                embed(reply).path("footer").path("text").asText().startsWith("The workshop was updated"),
                embed(reply).toString());
    }

    @Test
    void theFixturePlan_isTheOneTheseTestsDescribe() {
        ReadingPlan plan = LIBRARY.plan();
        assertEquals(9, plan.size());
        assertEquals("setup", plan.days().get(1).sections().get(0));
    }

    private Path copyOfTheFixture() throws IOException {
        Path site = temp.resolve("site");
        try (Stream<Path> files = Files.walk(FIXTURE)) {
            for (Path file : files.toList()) {
                Path target = site.resolve(FIXTURE.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        return site;
    }
}
