package dev.workshopbot.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each bad key or value stops start-up with one message that names it and says what is expected. */
class BotConfigTest {

    @TempDir
    Path dir;

    private Path file(String yaml) throws IOException {
        return Files.writeString(dir.resolve("bot.yml"), yaml);
    }

    private String failure(String yaml) throws IOException {
        Path file = file(yaml);
        return assertThrows(ConfigException.class, () -> BotConfig.load(file)).getMessage()
                .replace(file.toString(), "bot.yml");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "'daily:\n  defaultTime: \"25:00\"'|bot.yml: daily.defaultTime: '25:00' is not a time; write HH:mm, e.g. 09:00",
        "'daily:\n  defaultTimezone: Mars/Olympus'|bot.yml: daily.defaultTimezone: 'Mars/Olympus' is not an IANA time zone; write e.g. Europe/Berlin or America/New_York",
        "'daily:\n  catchUpWindow: soon'|bot.yml: daily.catchUpWindow: 'soon' is not a positive duration; write e.g. 6h, 90m, 10s or PT6H",
        "'daily:\n  onEnd: repeat'|bot.yml: daily.onEnd: 'repeat' must be 'stop' (post nothing after the last day) or 'loop' (start the plan over)",
        "'http:\n  port: 70000'|bot.yml: http.port: 70000 is not a port; use 1-65535, or 0 for off",
        "'http:\n  host: \"bad host!\"'|bot.yml: http.host: 'bad host!' is not an IP address or host name; use 127.0.0.1 (this machine only, the default), 0.0.0.0 (every interface) or an address",
        "'storage:\n  url: mysql://x'|bot.yml: storage.url: 'mysql://x' is not a jdbc:sqlite: or jdbc:postgresql: URL",
        "'discord:\n  guildIds: [abc]'|bot.yml: discord.guildIds: 'abc' is not a Discord id (digits only)",
        "'discord:\n  apiBaseUrl: ftp://x'|bot.yml: discord.apiBaseUrl: 'ftp://x' is not an absolute http(s) URL",
        "'discord:\n  cooldownUses: 0'|bot.yml: discord.cooldownUses: 0 must be at least 1 (uses of one command per user per window)",
        "'content:\n  siteBaseUrl: not a url'|bot.yml: content.siteBaseUrl: 'not a url' is not a URL",
    })
    void badValue_isOneMessageNamingTheKey(String yaml, String message) throws IOException {
        assertEquals(message, failure(yaml));
    }

    @Test
    void unknownKey_namesItAndListsTheKnownOnes() throws IOException {
        assertEquals("bot.yml: content.watchh: unknown key; known keys here: [dir, siteBaseUrl, watch]",
                failure("content:\n  watchh: true\n"));
    }

    @Test
    void tokenInTheFile_isRefused() throws IOException {
        assertEquals("bot.yml: discord.token: the token is never read from a file; remove it and set the "
                + "DISCORD_TOKEN environment variable instead", failure("discord:\n  token: abc\n"));
    }

    @Test
    void environmentVariables_winOverTheFile() throws IOException {
        Path file = file("storage:\n  url: jdbc:sqlite:file.db\nhttp:\n  port: 1000\n");
        BotConfig config = BotConfig.load(file, Map.of("WORKSHOP_BOT_STORAGE_URL", "jdbc:sqlite:env.db",
                "WORKSHOP_BOT_DISCORD_GUILDIDS", "[1, 2]", "WORKSHOP_BOT_CONTENT_SITEBASEURL", "https://env.example",
                "WORKSHOP_BOT_DAILY_CATCH_UP_WINDOW", "2h"));
        assertEquals("jdbc:sqlite:env.db", config.storage().url());
        assertEquals(1000, config.http().port());
        assertEquals(List.of("1", "2"), config.discord().guildIds());
        assertEquals("https://env.example", config.content().siteBaseUrl());
        assertEquals(Duration.ofHours(2), config.daily().catchUp());
    }

    @Test
    void unknownEnvironmentKey_namesTheVariable() throws IOException {
        Path file = file("");
        ConfigException e = assertThrows(ConfigException.class,
                () -> BotConfig.load(file, Map.of("WORKSHOP_BOT_STORAGE_URLL", "x")));
        assertEquals("WORKSHOP_BOT_STORAGE_URLL: no such configuration key; variables are named "
                + "WORKSHOP_BOT_<SECTION>_<KEY>, e.g. WORKSHOP_BOT_STORAGE_URL", e.getMessage());
    }

    @Test
    void missingFile_meansEveryDefault() {
        BotConfig config = BotConfig.load(dir.resolve("absent.yml"));
        assertEquals("jdbc:sqlite:data/workshop-bot.db", config.storage().url());
        assertEquals(0, config.http().port());
        assertEquals("127.0.0.1", config.http().host(), "health and metrics are for this machine unless opened");
        assertEquals(Duration.ofHours(6), config.daily().catchUp());
    }
}
