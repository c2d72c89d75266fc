package dev.workshopbot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import dev.workshopbot.commands.CommandRegistry;
import dev.workshopbot.content.ContentLoader;
import dev.workshopbot.discord.DiscordBot;
import dev.workshopbot.discord.fake.FakeDiscord;
import dev.workshopbot.discord.fake.RecordedRequest;
import dev.workshopbot.search.Snapshot;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

/** The whole bot, with real JDA, against a fake Discord on 127.0.0.1: login, registration, interactions. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class BotOnFakeDiscordTest {

    private static final long GUILD = 1_300_000_000_000_000_001L;
    private static final long USER = 1_300_000_000_000_000_042L;
    private static final Duration THREE_SECONDS = Duration.ofSeconds(3);
    private static final Snapshot SNAPSHOT =
            Snapshot.of(new ContentLoader("https://segunakinyemi.com/ai-interview-workshop").load(Path.of("content")));

    private FakeDiscord fake;
    private final List<DiscordBot> bots = new ArrayList<>();

    @BeforeEach
    void startFake() {
        fake = FakeDiscord.start(GUILD);
    }

    @AfterEach
    void stop() throws InterruptedException {
        try {
            for (DiscordBot bot : bots) {
                bot.shutdown(Duration.ofSeconds(10));
            }
        } finally {
            fake.close();
        }
    }

    private DiscordBot startBot() throws InterruptedException {
        CommandRegistry registry = App.commands(() -> SNAPSHOT, Clock.systemUTC(), Optional::empty, List.of());
        DiscordBot bot = FakeBots.connect(fake, GUILD, registry);
        bots.add(bot);
        return bot;
    }

    @Test
    void bot_registersItsCommands_andAnswersSectionAutocompleteAndButton_withinThreeSeconds() throws Exception {
        // GIVEN the bot logged in to the fake Discord
        startBot();
        awaitTrue(() -> fake.storedCommands(GUILD).size() == 8, "the 8 reading commands are registered");
        assertEquals(0, fake.identify().path("intents").asInt() & FakeDiscord.PRIVILEGED_INTENTS);

        // WHEN a member runs /section
        long section = fake.injectSlashCommand(
                GUILD, USER, "section", Map.of("name", "why-llms-cant-replace-you-yet"), List.of());
        RecordedRequest reply = fake.awaitCallback(section, THREE_SECONDS);
        // THEN a public message with the section card comes back within Discord's 3 s
        assertEquals(4, reply.callbackType());
        JsonNode embed = reply.data().path("embeds").get(0);
        assertTrue(embed.path("url").asText().endsWith("#why-llms-cant-replace-you-yet"), embed.toString());
        assertEquals(0, reply.data().path("allowed_mentions").path("parse").size());
        assertTrue(
                reply.sinceInjection().compareTo(THREE_SECONDS) < 0,
                reply.sinceInjection().toString());

        // WHEN the member types "vibe" in the name option
        long autocomplete = fake.injectAutocomplete(GUILD, USER, "section", "name", "vibe", Map.of());
        RecordedRequest choices = fake.awaitCallback(autocomplete, THREE_SECONDS);
        // THEN both vibe sections are offered
        assertEquals(8, choices.callbackType());
        List<String> values = new ArrayList<>();
        choices.data()
                .path("choices")
                .forEach(choice -> values.add(choice.path("value").asText()));
        assertTrue(
                values.containsAll(List.of("vibe-coding-vs-vibe-engineering", "the-illusion-of-vibe-coding")),
                values.toString());

        // WHEN the member presses "Full text" on the card
        String fullText = reply.data()
                .path("components")
                .get(0)
                .path("components")
                .get(0)
                .path("custom_id")
                .asText();
        long press = fake.injectButton(GUILD, USER, fullText, null);
        RecordedRequest page = fake.awaitCallback(press, THREE_SECONDS);
        // THEN the full text opens privately
        assertEquals(4, page.callbackType());
        assertEquals(64, page.data().path("flags").asInt() & 64);
        assertTrue(
                page.data().path("embeds").get(0).path("description").asText().contains("Almost anyone"));

        assertEquals(List.of(), fake.validationErrors(), "bodies Discord's OpenAPI description rejects");
        assertEquals(List.of(), fake.unexpectedRequests(), "requests the fake refused");
    }

    @Test
    void secondStart_withUnchangedDefinitions_writesNoCommands() throws Exception {
        DiscordBot first = startBot();
        awaitTrue(() -> fake.storedCommands(GUILD).size() == 8, "first start registers");
        int writes = fake.commandWrites();
        assertEquals(1, writes, "one bulk write");
        first.shutdown(Duration.ofSeconds(10));
        bots.remove(first);

        startBot();
        // the registrar reads what Discord has; give it time to (wrongly) write
        Thread.sleep(1500);
        assertEquals(writes, fake.commandWrites(), "a restart with the same definitions must not write");
    }

    @Test
    void refusalsAndUnknownValues_areEphemeral_andSayWhatToDo() throws Exception {
        startBot();
        awaitTrue(() -> fake.storedCommands(GUILD).size() == 8, "registered");
        long id = fake.injectSlashCommand(GUILD, USER, "section", Map.of("name", "@everyone no such thing"), List.of());
        RecordedRequest reply = fake.awaitCallback(id, THREE_SECONDS);
        assertEquals(64, reply.data().path("flags").asInt() & 64);
        assertTrue(reply.data().path("content").asText().contains("/sections"), reply.toString());
        assertEquals(0, reply.data().path("allowed_mentions").path("parse").size());
    }

    @Test
    void token_neverAppearsInAnyLogLine() throws Exception {
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ch.qos.logback.classic.Level level = root.getLevel();
        root.setLevel(ch.qos.logback.classic.Level.TRACE);
        root.addAppender(logs);
        try {
            startBot();
            awaitTrue(() -> fake.storedCommands(GUILD).size() == 8, "registered");
            long id = fake.injectSlashCommand(GUILD, USER, "about", Map.of(), List.of());
            fake.awaitCallback(id, THREE_SECONDS);
            bots.get(0).shutdown(Duration.ofSeconds(10));
            bots.clear();
        } finally {
            root.detachAppender(logs);
            root.setLevel(level);
        }
        assertTrue(
                logs.list.stream().anyMatch(e -> e.getLoggerName().startsWith("net.dv8tion")),
                "JDA logged at TRACE, so its lines were searched too");
        String token = fake.token();
        for (ILoggingEvent event : logs.list) {
            // The fake Discord's own server (Java-WebSocket, the fake package) receives the token, as Discord does.
            if (event.getLoggerName().startsWith("org.java_websocket")
                    || event.getLoggerName().startsWith("dev.workshopbot.discord.fake")) {
                continue;
            }
            assertFalse(
                    event.getFormattedMessage().contains(token),
                    "token in " + event.getLoggerName() + ": " + event.getFormattedMessage());
            for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                assertFalse(String.valueOf(t.getMessage()).contains(token), "token in exception: " + t.getMessage());
            }
        }
    }

    private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(20);
        }
    }
}
