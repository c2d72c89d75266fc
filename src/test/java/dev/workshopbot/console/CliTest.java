package dev.workshopbot.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.workshopbot.App;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The jar's commands, run in-process on the shipped content with the shipped config. */
class CliTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    record Run(int exit, String out, String err) {}

    static Run run(String input, Map<String, String> env, String... args) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = App.run(
                args,
                new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                env);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Every run keeps its state in a temporary database, never in the working tree. */
    static Run run(String... args) throws IOException {
        return run("", Map.of("WORKSHOP_BOT_STORAGE_URL", "jdbc:sqlite:" + STATE.resolve("bot.db")), args);
    }

    private static final java.nio.file.Path STATE = tempDir();

    private static java.nio.file.Path tempDir() {
        try {
            java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("cli-test");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static java.nio.file.Path config(String yaml) throws IOException {
        return java.nio.file.Files.writeString(java.nio.file.Files.createTempFile(STATE, "bot", ".yml"), yaml);
    }

    @Test
    void configNamedByTheOptionButMissing_isAnErrorNamingThePath() throws IOException {
        // GIVEN --config naming a file that does not exist WHEN the content is validated
        Run run = run("--config", "no/such/bot.yml", "validate");
        // THEN nothing runs on silent defaults: exit 2, and the path is named
        assertEquals(2, run.exit());
        assertEquals(
                "config: no/such/bot.yml: no such file (named by --config)",
                run.err().strip());
    }

    @Test
    void everyConfigProblem_isPrintedOnItsOwnLine_thenExit2() throws IOException {
        java.nio.file.Path file = config("storage:\n  url: mysql://bot:pw@x\nbogusKey: true\n");
        Run run = run("", Map.of(), "--config", file.toString(), "validate");
        assertEquals(2, run.exit());
        assertEquals(
                List.of(
                        "config: " + file
                                + ":3: bogusKey: unknown section; known sections: [content, daily, discord, http, "
                                + "insights, progress, search, storage]",
                        "config: " + file
                                + ":2: storage.url: 'mysql://***@x' is not a jdbc:sqlite: or jdbc:postgresql: URL"),
                run.err().strip().lines().toList());
    }

    @Test
    void withoutSiteBaseUrl_offlineDoorsWarnAndLinkNowhereReal_andRunRefusesToStart() throws IOException {
        java.nio.file.Path file = config("daily:\n  defaultTime: \"08:00\"\n");
        Map<String, String> env = Map.of("WORKSHOP_BOT_STORAGE_URL", "jdbc:sqlite:" + STATE.resolve("bot.db"));
        // WHEN the index is exported without a base URL THEN it says so, and no page points to a made-up site
        Run export = run("", env, "--config", file.toString(), "export");
        assertEquals(0, export.exit());
        assertTrue(export.err().contains("content.siteBaseUrl is not set"), export.err());
        JsonNode page = JSON.readTree(export.out()).path("pages").path(0);
        assertEquals(
                "https://content.siteBaseUrl.is-not-set.invalid/why-ai-interviews/",
                page.path("url").asText());
        assertFalse(export.out().contains("example.org"));
        // WHEN the bot is started for Discord THEN it refuses, naming the key
        Map<String, String> withToken = new java.util.HashMap<>(env);
        withToken.put("DISCORD_TOKEN", "x.y.z");
        Run serve = run("", withToken, "--config", file.toString(), "run");
        assertEquals(2, serve.exit());
        assertTrue(
                serve.err().startsWith("content.siteBaseUrl is not set and the content has no _config.yml with a url"),
                serve.err());
    }

    @Test
    void aSiteFolderWithAUrlInItsConfig_needsNoSiteBaseUrl() throws IOException {
        java.nio.file.Path file = config("daily:\n  defaultTime: \"08:00\"\n");
        Run export = run(
                "",
                Map.of("WORKSHOP_BOT_STORAGE_URL", "jdbc:sqlite:" + STATE.resolve("bot.db")),
                "--config",
                file.toString(),
                "--content",
                "src/test/resources/sites/study-workshop",
                "export");
        assertEquals(0, export.exit());
        assertFalse(export.err().contains("content.siteBaseUrl is not set"), export.err());
        assertTrue(
                JSON.readTree(export.out())
                        .path("pages")
                        .path(0)
                        .path("url")
                        .asText()
                        .startsWith("https://workshop.example.test/prep-workshop/"),
                export.out());
    }

    @Test
    void validate_listsErrorsFirst_speaksJson_andStrictFailsOnWarnings() throws IOException {
        // GIVEN the fixture site (warnings only) plus a page with an error, copied to a folder of its own
        java.nio.file.Path site = java.nio.file.Files.createTempDirectory(STATE, "site");
        java.nio.file.Path fixture = java.nio.file.Path.of("src/test/resources/sites/study-workshop");
        try (var files = java.nio.file.Files.walk(fixture)) {
            for (java.nio.file.Path file : files.toList()) {
                java.nio.file.Path target =
                        site.resolve(fixture.relativize(file).toString());
                if (java.nio.file.Files.isDirectory(file)) {
                    java.nio.file.Files.createDirectories(target);
                } else {
                    java.nio.file.Files.copy(file, target);
                }
            }
        }
        // WHEN it is validated as text, the warnings alone do not fail it, but --strict does
        Run text = run("--content", fixture.toString(), "validate");
        assertEquals(0, text.exit(), text.out());
        assertTrue(text.out().contains(": warning: "), text.out());
        assertEquals(
                1, run("--content", fixture.toString(), "validate", "--strict").exit());
        // AND with an error added, it comes before every warning, also in JSON
        java.nio.file.Files.writeString(site.resolve("zz-broken.md"), "---\ntitle: [broken\n---\n# X\n");
        List<String> lines =
                run("--content", site.toString(), "validate").out().lines().toList();
        assertTrue(lines.get(0).startsWith("zz-broken.md:2: error: "), lines.toString());
        Run json = run("--content", site.toString(), "validate", "--format", "json");
        assertEquals(1, json.exit());
        JsonNode report = JSON.readTree(json.out());
        assertFalse(report.path("ok").asBoolean(true));
        assertEquals("error", report.path("problems").path(0).path("severity").asText());
        assertEquals(
                "zz-broken.md", report.path("problems").path(0).path("path").asText());
        assertEquals(1, report.path("summary").path("errors").asInt());
    }

    @Test
    void run_withDiscordUnreachable_saysWhatFailedInOneLine_noStackTrace() throws IOException {
        // GIVEN a REST address where nothing listens (a port just freed on this machine)
        int closed;
        try (java.net.ServerSocket socket =
                new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        java.nio.file.Path file = config("discord:\n  apiBaseUrl: http://127.0.0.1:" + closed + "/api/v10/\n"
                + "  gatewayUrl: ws://127.0.0.1:" + closed + "\ncontent:\n  siteBaseUrl: https://x.example\n");
        // WHEN the bot is started
        Run run = run(
                "",
                Map.of(
                        "DISCORD_TOKEN",
                        "x.y.z",
                        "WORKSHOP_BOT_STORAGE_URL",
                        "jdbc:sqlite:" + STATE.resolve("unreachable.db")),
                "--config",
                file.toString(),
                "run");
        // THEN it exits 1 with one line naming the address and what to check
        assertEquals(1, run.exit());
        assertEquals(
                "cannot reach Discord at 127.0.0.1:" + closed + ": the connection was refused; check the network, "
                        + "and discord.apiBaseUrl and discord.gatewayUrl if the bot runs behind a proxy",
                run.err().strip());
    }

    @Test
    void validate_onShippedContent_exitsZeroWithTheSummaryLine() throws IOException {
        Run run = run("validate");
        assertEquals(0, run.exit());
        assertEquals(
                "pages=1 sections=12 links=71 quotes=5 lists=5 errors=0 warnings=0",
                run.out().strip());
    }

    @Test
    void validate_withErrors_printsPathLineProblems_andExitsOne(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws IOException {
        java.nio.file.Files.writeString(dir.resolve("bad.md"), "---\ntitle: [x\n---\n# A\n");
        Run run = run("--content", dir.toString(), "validate");
        assertEquals(1, run.exit());
        assertTrue(
                run.out().lines().findFirst().orElse("").matches("bad\\.md:\\d+: error: malformed front matter.*"),
                run.out());
        assertTrue(run.out().strip().endsWith("errors=1 warnings=0"), run.out());
    }

    @Test
    void export_isTheSpecDocument() throws IOException {
        Run run = run("export");
        assertEquals(0, run.exit());
        JsonNode export = JSON.readTree(run.out());
        assertTrue(export.get("version").asText().matches("[0-9a-f]{64}"));
        JsonNode page = export.get("pages").get(0);
        assertEquals("why-ai-interviews.md", page.get("path").asText());
        assertEquals(9, page.get("navOrder").asInt());
        assertEquals(
                "https://segunakinyemi.com/ai-interview-workshop/why-ai-interviews/",
                page.get("url").asText());
        JsonNode section = page.get("sections").get(4);
        assertEquals("why-llms-cant-replace-you-yet", section.get("id").asText());
        assertEquals(List.of("id", "title", "level", "parent", "line", "summary", "words"), names(section));
        // 75 links on the page, less the byline's four profile links, which are not reading.
        assertEquals(71, export.get("links").size());
        assertEquals(
                List.of("text", "url", "page", "section", "list", "line", "description"),
                names(export.get("links").get(0)));
        assertEquals(5, export.get("quotes").size());
        assertEquals(5, export.get("readingLists").size());
    }

    @Test
    void askSection_linksToTheAnchor_andShowsTheQuote() throws IOException {
        Run run = run("ask", "/section name:why-llms-cant-replace-you-yet");
        assertEquals(0, run.exit());
        assertTrue(run.out().contains("/why-ai-interviews/#why-llms-cant-replace-you-yet>"), run.out());
        assertTrue(run.out().contains("> Almost anyone can prompt an LLM"), run.out());
        assertTrue(
                run.out().contains("— [Simon Willison](https://simonwillison.net/2025/Dec/18/code-proven-to-work/)"),
                run.out());
    }

    @Test
    void askJson_isTheInteractionCallbackBody_withMentionsDisabled() throws IOException {
        Run run = run("ask", "/section name:why-llms-cant-replace-you-yet", "--json");
        JsonNode body = JSON.readTree(run.out());
        assertEquals(4, body.get("type").asInt());
        assertEquals(0, body.at("/data/allowed_mentions/parse").size());
        assertEquals(
                "https://segunakinyemi.com/ai-interview-workshop/why-ai-interviews/#why-llms-cant-replace-you-yet",
                body.at("/data/embeds/0/url").asText());
    }

    @Test
    void searchWithATypo_findsInterviewContent() throws IOException {
        Run run = run("ask", "/search query:intervew");
        assertEquals(0, run.exit());
        assertTrue(run.out().contains("**Interview"), run.out());
    }

    @Test
    void autocompleteVibe_offersBothVibeSections() throws IOException {
        Run run = run("ask", "/section name:vibe", "--autocomplete");
        JsonNode choices = JSON.readTree(run.out());
        List<String> values = new ArrayList<>();
        choices.forEach(choice -> values.add(choice.get("value").asText()));
        assertTrue(
                values.containsAll(List.of("vibe-coding-vs-vibe-engineering", "the-illusion-of-vibe-coding")),
                values.toString());
    }

    @Test
    void pressFullText_opensThePagedFullTextPrivately() throws IOException {
        String id = JSON.readTree(run("ask", "/section name:the-illusion-of-vibe-coding", "--json")
                        .out())
                .at("/data/components/0/components/0/custom_id")
                .asText();
        Run run = run("press", id, "--json");
        JsonNode body = JSON.readTree(run.out());
        assertEquals(64, body.at("/data/flags").asInt() & 64);
        assertTrue(
                body.at("/data/embeds/0/description").asText().contains("u/\\_BreakingGood\\_")
                        || body.at("/data/embeds/0/footer/text").asText().contains("page 1 of"),
                run.out());
    }

    @Test
    void badLines_exitTwo_namingWhatIsWrong() throws IOException {
        Run unknown = run("ask", "/nope");
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().contains("unknown command /nope"), unknown.err());
        Run missing = run("ask", "/section");
        assertEquals(2, missing.exit());
        assertTrue(missing.err().contains("option 'name' is required"), missing.err());
        Run option = run("ask", "/quote colour:red");
        assertEquals(2, option.exit());
        assertTrue(option.err().contains("unknown option 'colour' for /quote (options: search, author)"), option.err());
    }

    @Test
    void unknownSection_isAPoliteEphemeralRefusal_exitZero() throws IOException {
        Run run = run("ask", "/section name:\"@everyone nothing here\"", "--json");
        assertEquals(0, run.exit());
        JsonNode body = JSON.readTree(run.out());
        assertEquals(64, body.at("/data/flags").asInt());
        assertTrue(body.at("/data/content").asText().contains("/sections"), run.out());
        assertEquals(0, body.at("/data/allowed_mentions/parse").size());
    }

    @Test
    void console_answersALine_thenQuits() throws IOException {
        Run run = run(
                "/sections\nquit\n",
                Map.of("WORKSHOP_BOT_STORAGE_URL", "jdbc:sqlite:" + STATE.resolve("c.db")),
                "console");
        assertEquals(0, run.exit());
        assertTrue(run.out().contains("offline console"), run.out());
        assertTrue(run.out().contains("== Table of contents"), run.out());
    }

    @Test
    void run_withoutToken_namesTheVariableAndTheConsole_exitTwo() throws IOException {
        Run run = run("run");
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("DISCORD_TOKEN") && run.err().contains("console"), run.err());
        assertEquals(1, run.err().strip().lines().count());
    }

    @Test
    void dailyPreview_worksOfflineForAModerator() throws IOException {
        Run run = run("ask", "/daily preview", "--as", "moderator");
        assertEquals(0, run.exit());
        assertTrue(run.out().contains("(only you can see this)"), run.out());
        assertTrue(run.out().contains("== Day 1 of 9: Why AI Interviews?"), run.out());
        assertTrue(run.out().contains("-- Discuss"), run.out());
    }

    @Test
    void daily_asAMember_isRefusedPolitely() throws IOException {
        Run run = run("ask", "/daily status");
        assertEquals(0, run.exit());
        assertTrue(run.out().contains("Only moderators can use /daily"), run.out());
    }

    @Test
    void dailySet_withABadTimeOrZone_namesTheOption() throws IOException {
        Run time = run("ask", "/daily set channel:#123 time:25:00", "--as", "moderator");
        assertTrue(time.out().contains("time: '25:00' is not a time of day"), time.out());
        Run zone = run("ask", "/daily set channel:#123 timezone:Mars/Olympus", "--as", "moderator");
        assertTrue(zone.out().contains("timezone: 'Mars/Olympus' is not an IANA time zone"), zone.out());
    }

    @Test
    void dailySet_keysWithColonsInTheirValues_stayTwoOptions() throws IOException {
        // GIVEN a time value that holds a colon WHEN a moderator sets the schedule
        Run run = run(
                "",
                Map.of("WORKSHOP_BOT_STORAGE_URL", "jdbc:sqlite:" + STATE.resolve("daily-set.db")),
                "ask",
                "/daily set channel:123 time:09:00",
                "--as",
                "moderator");
        // THEN channel and time are both read, and the words are not glued into the channel
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("Daily posts go to <#123> at 09:00"), run.out());
    }

    @Test
    void badConfigValue_failsStartUp_namingTheKey() throws IOException {
        Run run = run("", Map.of("WORKSHOP_BOT_HTTP_PORT", "70000"), "validate");
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("http.port: 70000 is not a port"), run.err());
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
