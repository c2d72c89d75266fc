package dev.workshopbot.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each bad key or value stops start-up with a message that names its line and key and says what is expected. */
class BotConfigTest {

    @TempDir
    Path dir;

    private Path file(String yaml) throws IOException {
        return Files.writeString(dir.resolve("bot.yml"), yaml);
    }

    private String failure(String yaml) throws IOException {
        Path file = file(yaml);
        return assertThrows(ConfigException.class, () -> BotConfig.load(file))
                .getMessage()
                .replace(file.toString(), "bot.yml");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "'daily:\n  defaultTime: \"25:00\"'|bot.yml:2: daily.defaultTime: '25:00' is not a time; write HH:mm, e.g. 09:00",
                "'daily:\n  defaultTimezone: Mars/Olympus'|bot.yml:2: daily.defaultTimezone: 'Mars/Olympus' is not an IANA time zone; write e.g. Europe/Berlin or America/New_York",
                "'daily:\n  catchUpWindow: soon'|bot.yml:2: daily.catchUpWindow: 'soon' is not a positive duration; write e.g. 30d, 6h, 90m, 10s or PT6H",
                "'daily:\n  onEnd: repeat'|bot.yml:2: daily.onEnd: 'repeat' must be 'stop' (post nothing after the last day) or 'loop' (start the plan over)",
                "'http:\n  port: 70000'|bot.yml:2: http.port: 70000 is not a port; use 1-65535, or 0 for off",
                "'http:\n  host: \"bad host!\"'|bot.yml:2: http.host: 'bad host!' is not an IP address or host name; use 127.0.0.1 (this machine only, the default), 0.0.0.0 (every interface) or an address",
                "'storage:\n  url: mysql://x'|bot.yml:2: storage.url: 'mysql://x' is not a jdbc:sqlite: or jdbc:postgresql: URL",
                "'discord:\n  guildIds: [abc]'|bot.yml:2: discord.guildIds: 'abc' is not a Discord id (digits only)",
                "'discord:\n  apiBaseUrl: ftp://x'|bot.yml:2: discord.apiBaseUrl: 'ftp://x' is not an absolute http(s) URL",
                "'discord:\n  cooldownUses: 0'|bot.yml:2: discord.cooldownUses: 0 must be at least 1 (uses of one command per user per window)",
                "'content:\n  siteBaseUrl: not a url'|bot.yml:2: content.siteBaseUrl: 'not a url' is not a URL",
            })
    void badValue_isOneMessageNamingTheKey(String yaml, String message) throws IOException {
        assertEquals(message, failure(yaml));
    }

    @Test
    void unknownKey_namesItAndListsTheKnownOnes() throws IOException {
        assertEquals(
                "bot.yml:2: content.watchh: unknown key; known keys here: [dir, siteBaseUrl, watch]",
                failure("content:\n  watchh: true\n"));
    }

    @Test
    void tokenInTheFile_isRefused() throws IOException {
        assertEquals(
                "bot.yml:2: discord.token: the token is never read from a file; remove it and set the "
                        + "DISCORD_TOKEN environment variable instead",
                failure("discord:\n  token: abc\n"));
    }

    @Test
    void environmentVariables_winOverTheFile() throws IOException {
        Path file = file("storage:\n  url: jdbc:sqlite:file.db\nhttp:\n  port: 1000\n");
        BotConfig config = BotConfig.load(
                file,
                Map.of(
                        "WORKSHOP_BOT_STORAGE_URL",
                        "jdbc:sqlite:env.db",
                        "WORKSHOP_BOT_DISCORD_GUILDIDS",
                        "[1, 2]",
                        "WORKSHOP_BOT_CONTENT_SITEBASEURL",
                        "https://env.example",
                        "WORKSHOP_BOT_DAILY_CATCH_UP_WINDOW",
                        "2h"));
        assertEquals("jdbc:sqlite:env.db", config.storage().url());
        assertEquals(1000, config.http().port());
        assertEquals(Set.of(1L, 2L), config.discord().guildIds());
        assertEquals(Optional.of("https://env.example"), config.content().siteBaseUrl());
        assertEquals(Duration.ofHours(2), config.daily().catchUpWindow());
    }

    @Test
    void unknownEnvironmentKey_namesTheVariable() throws IOException {
        Path file = file("");
        ConfigException e = assertThrows(
                ConfigException.class, () -> BotConfig.load(file, Map.of("WORKSHOP_BOT_STORAGE_URLL", "x")));
        assertEquals(
                "WORKSHOP_BOT_STORAGE_URLL: no such configuration key; variables are named "
                        + "WORKSHOP_BOT_<SECTION>_<KEY>, e.g. WORKSHOP_BOT_STORAGE_URL",
                e.getMessage());
    }

    @Test
    void missingFile_meansEveryDefault() {
        BotConfig config = BotConfig.load(dir.resolve("absent.yml"));
        assertEquals("jdbc:sqlite:data/workshop-bot.db", config.storage().url());
        assertEquals(0, config.http().port());
        assertEquals("127.0.0.1", config.http().host(), "health and metrics are for this machine unless opened");
        assertEquals(Duration.ofHours(6), config.daily().catchUpWindow());
        assertEquals(Optional.empty(), config.content().siteBaseUrl(), "no made-up site to link to");
    }

    @Test
    void everyProblemOfAFile_isReportedAtOnce_eachWithItsLineAndKey() throws IOException {
        // GIVEN a file with a bad storage.url, an unknown top-level key and a bad value in another section
        Path file = file("discord:\n  cooldownUses: 0\nstorage:\n  url: mysql://x\nbogusKey: 1\n");
        // WHEN it is loaded
        ConfigException e = assertThrows(ConfigException.class, () -> BotConfig.load(file));
        // THEN all three problems are listed, each with file:line and its key
        assertEquals(
                List.of(
                        file
                                + ":5: bogusKey: unknown section; known sections: [content, daily, discord, http, insights, progress, search, storage]",
                        file
                                + ":2: discord.cooldownUses: 0 must be at least 1 (uses of one command per user per window)",
                        file + ":4: storage.url: 'mysql://x' is not a jdbc:sqlite: or jdbc:postgresql: URL"),
                e.problems());
    }

    @Test
    void problemsInTheFileAndInVariables_areReportedTogether_aVariableNamedForItsValue() throws IOException {
        Path file = file("daily:\n  onEnd: repeat\n");
        ConfigException e = assertThrows(
                ConfigException.class,
                () -> BotConfig.load(file, Map.of("WORKSHOP_BOT_HTTP_PORT", "99999", "WORKSHOP_BOT_NOPE_X", "1")));
        assertEquals(
                List.of(
                        "WORKSHOP_BOT_NOPE_X: no such configuration key; variables are named WORKSHOP_BOT_<SECTION>_<KEY>, "
                                + "e.g. WORKSHOP_BOT_STORAGE_URL",
                        file
                                + ":2: daily.onEnd: 'repeat' must be 'stop' (post nothing after the last day) or 'loop' (start "
                                + "the plan over)",
                        "WORKSHOP_BOT_HTTP_PORT: http.port: 99999 is not a port; use 1-65535, or 0 for off"),
                e.problems());
    }

    @Test
    void valuesAreParsedOnce_intoTypes() throws IOException {
        BotConfig config = BotConfig.load(file("discord:\n  guildIds: [123, \"456\"]\n  cooldownWindow: 1m\n"
                + "  modLogChannelId: \"789\"\ndaily:\n  defaultTime: \"07:30\"\n  defaultTimezone: Europe/Berlin\n"
                + "  onEnd: loop\n"));
        assertEquals(Set.of(123L, 456L), config.discord().guildIds());
        assertEquals(Duration.ofMinutes(1), config.discord().cooldownWindow());
        assertEquals(OptionalLong.of(789L), config.discord().modLogChannelId());
        assertEquals(LocalTime.of(7, 30), config.daily().defaultTime());
        assertEquals(ZoneId.of("Europe/Berlin"), config.daily().defaultTimezone());
        assertEquals(true, config.daily().loops());
    }

    @Test
    void progress_defaultsOffAndTenHours_andADelayOfADayOrMore_isRefusedByItsKey() throws IOException {
        BotConfig defaults = BotConfig.load(file(""));
        assertEquals(false, defaults.progress().leaderboard());
        assertEquals(Duration.ofHours(10), defaults.progress().reminderDelay());
        BotConfig set = BotConfig.load(file("progress:\n  leaderboard: true\n  reminderDelay: 90m\n"));
        assertEquals(true, set.progress().leaderboard());
        assertEquals(Duration.ofMinutes(90), set.progress().reminderDelay());
        ConfigException e = assertThrows(
                ConfigException.class,
                () -> BotConfig.load(file("progress:\n  reminderDelay: 1d\n  leaderboard: 3\n")));
        assertTrue(e.getMessage().contains("progress.reminderDelay: must be between 0 and 23h"), e.getMessage());
        assertTrue(e.getMessage().contains("progress.leaderboard"), e.getMessage());
    }

    @Test
    void aPasswordInStorageUrl_neverAppearsInAProblem() throws IOException {
        // GIVEN a PostgreSQL URL with credentials in both places a JDBC URL can hold them, mistyped
        String url = "postgresql://bot:s3cret@db/bot?user=bot&password=hunter2";
        ConfigException e =
                assertThrows(ConfigException.class, () -> BotConfig.load(file("storage:\n  url: " + url + "\n")));
        // THEN the message names the key and the URL, but neither password
        assertTrue(
                e.getMessage().contains("storage.url: 'postgresql://***@db/bot?user=bot&password=***'"),
                e.getMessage());
        assertFalse(e.getMessage().contains("s3cret") || e.getMessage().contains("hunter2"), e.getMessage());
    }
}
