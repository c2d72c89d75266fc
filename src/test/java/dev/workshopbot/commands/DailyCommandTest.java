package dev.workshopbot.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.workshopbot.content.ContentLoader;
import dev.workshopbot.content.Library;
import dev.workshopbot.daily.ChannelAccess;
import dev.workshopbot.daily.DailyRoutine;
import dev.workshopbot.daily.DailySystem;
import dev.workshopbot.search.Suggester;
import dev.workshopbot.store.AuditLog;
import dev.workshopbot.store.DailyStore;
import dev.workshopbot.store.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code /daily} with plain values over a real SQLite file: zone suggestions, channel checks, status wording. */
class DailyCommandTest {

    private static final Instant NOW = Instant.parse("2026-06-01T11:14:00Z");
    private static final Caller MODERATOR = new Caller(42, 7, true);

    @TempDir
    Path dir;

    private DailyStore store;
    private DailyCommand command;

    @BeforeEach
    void setUp() throws Exception {
        Path content = Files.createDirectories(dir.resolve("workshop"));
        Files.writeString(
                content.resolve("setup.md"),
                "---\ntitle: Setup\nnav_order: 1\n---\n\n# Setup\n\n"
                        + "Install the editor before the first session.\n\n## First pair\n\nPick a partner and swap often.\n");
        Library library = new ContentLoader("https://workshop.example").load(content);
        Database database = Database.open("jdbc:sqlite:" + dir.resolve("bot.db"));
        store = new DailyStore(database);
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        DailySystem daily = new DailySystem(
                store,
                () -> library,
                clock,
                LocalTime.of(9, 0),
                ZoneId.of("UTC"),
                new DailyRoutine.Settings(Duration.ofHours(6), true, false, Duration.ofMinutes(2)));
        command = new DailyCommand(daily, new ModeratorGate(new AuditLog(database), clock));
    }

    private String text(String subcommand, Map<String, String> options, ChannelAccess access) {
        Reply reply = command.handle(new Invocation("daily", subcommand, options, MODERATOR, access));
        return reply.message().toData().toString();
    }

    @ParameterizedTest(name = "\"{0}\" suggests {1} first")
    @CsvSource({
        "Ber, Europe/Berlin",
        "lon, Europe/London",
        "New York, America/New_York",
        "new_york, America/New_York",
        "Tok, Asia/Tokyo",
        "EST, America/New_York",
        "europe/ber, Europe/Berlin"
    })
    void timezoneAutocomplete_matchesCitiesIgnoringCaseAndSpaces_canonicalFirst(String typed, String first) {
        // GIVEN what a moderator types into the timezone option
        // WHEN the command suggests zones
        List<String> zones = command.autocomplete("timezone", typed).stream()
                .map(Suggester.Entry::value)
                .toList();
        // THEN the zone they mean comes first
        assertEquals(first, zones.get(0), zones.toString());
    }

    @Test
    void timezoneAutocomplete_ranksLegacyAliasesAfterCanonicalZones_butStillOffersThem() {
        // GIVEN text that matches canonical zones and legacy aliases alike
        for (String typed : List.of("EST", "east", "tok")) {
            // WHEN the command suggests zones
            List<String> zones = command.autocomplete("timezone", typed).stream()
                    .map(Suggester.Entry::value)
                    .toList();
            // THEN no alias comes before a canonical Region/City zone
            int firstAlias = zones.stream()
                    .filter(DailyCommandTest::isAlias)
                    .findFirst()
                    .map(zones::indexOf)
                    .orElse(zones.size());
            assertTrue(
                    zones.subList(firstAlias, zones.size()).stream().allMatch(DailyCommandTest::isAlias),
                    typed + ": " + zones);
        }
        // AND the aliases are still offered
        assertTrue(command.autocomplete("timezone", "EST").stream()
                .anyMatch(e -> e.value().equals("EST5EDT")));
        assertTrue(command.autocomplete("timezone", "us/east").stream()
                .anyMatch(e -> e.value().equals("US/Eastern")));
    }

    private static boolean isAlias(String zone) {
        return !zone.matches("(Africa|America|Antarctica|Arctic|Asia|Atlantic|Australia|Europe|Indian|Pacific)/.*")
                || zone.matches(".*/[A-Z]+");
    }

    @Test
    void set_toAChannelTheBotCannotPostIn_isRefusedWithWhatTheCheckFound() {
        // GIVEN a server where the bot lacks Send Messages in the picked channel
        ChannelAccess access = channel -> Optional.of("the bot lacks Send Messages in <#" + channel + ">");
        // WHEN a moderator sets the daily posts there
        String reply = text("set", Map.of("channel", "<#10>", "time", "09:00"), access);
        // THEN the command refuses with the missing permission, and nothing is stored
        assertTrue(reply.contains("channel: the bot lacks Send Messages in <#10>"), reply);
        assertEquals(Optional.empty(), store.settings(7));
    }

    @Test
    void status_ofAScheduleThatNeverPosted_saysNoneWasSent() {
        // GIVEN a schedule just set
        text("set", Map.of("channel", "<#10>", "time", "09:00"), ChannelAccess.OFFLINE);
        // WHEN a moderator asks for the status
        String reply = text("status", Map.of(), ChannelAccess.OFFLINE);
        // THEN it says no post has gone out yet, and the first is tomorrow's
        assertTrue(reply.contains("None sent yet"), reply);
        assertTrue(reply.contains("Tuesday 2 June 2026, 09:00"), reply);
    }

    @Test
    void unknownSubcommand_isRefusedNamingTheSubcommands() {
        // GIVEN a subcommand /daily does not have (a stale client)
        String reply = text("delete", Map.of(), ChannelAccess.OFFLINE);
        // THEN the reply lists the ones it has instead of showing the status
        assertTrue(reply.contains("no subcommand 'delete'"), reply);
        assertTrue(reply.contains("[set, pause, resume, skip, preview, status]"), reply);
        assertFalse(reply.contains("Daily reading"), reply);
    }
}
