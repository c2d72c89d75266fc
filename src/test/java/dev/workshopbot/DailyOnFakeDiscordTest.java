package dev.workshopbot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.workshopbot.config.BotConfig;
import dev.workshopbot.content.ContentLoader;
import dev.workshopbot.daily.DailyRoutine;
import dev.workshopbot.discord.Cooldowns;
import dev.workshopbot.discord.DiscordBot;
import dev.workshopbot.discord.Dispatcher;
import dev.workshopbot.discord.JdaReadingPublisher;
import dev.workshopbot.discord.fake.FakeDiscord;
import dev.workshopbot.discord.fake.RecordedRequest;
import dev.workshopbot.store.GuildSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.Permission;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Daily posts with real JDA against the fake Discord: once at start when due, nothing more after a restart. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class DailyOnFakeDiscordTest {

    private static final long GUILD = 1_500_000_000_000_000_001L;
    private static final long MODERATOR = 1_500_000_000_000_000_042L;
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MINUTES);

    @TempDir
    Path dir;
    private FakeDiscord fake;
    private App.Services services;
    private final List<DiscordBot> bots = new ArrayList<>();

    @BeforeEach
    void setUp() {
        fake = FakeDiscord.start(GUILD);
        BotConfig config = BotConfig.load(dir.resolve("none.yml"),
                Map.of("WORKSHOP_BOT_STORAGE_URL", "jdbc:sqlite:" + dir.resolve("bot.db")));
        ContentLoader loader = new ContentLoader("https://segunakinyemi.com/ai-interview-workshop");
        services = App.assemble(config, Path.of("content"), loader, loader.load(Path.of("content")),
                Clock.fixed(NOW, ZoneOffset.UTC), line -> { });
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        try {
            for (DiscordBot bot : bots) {
                bot.shutdown(Duration.ofSeconds(10));
            }
        } finally {
            fake.close();
        }
    }

    private DiscordBot start() throws InterruptedException {
        BotConfig.Discord config = new BotConfig.Discord(List.of(Long.toString(GUILD)), fake.restBaseUrl(),
                fake.gatewayUrl(), List.of(), 50, "10s", null);
        Dispatcher dispatcher = new Dispatcher(Executors.newFixedThreadPool(2), Executors.newScheduledThreadPool(1),
                new Cooldowns(50, Duration.ofSeconds(10), System::nanoTime), Duration.ofSeconds(1));
        DiscordBot bot = App.connect(fake.token(), config, services.registry(), dispatcher, null);
        bots.add(bot);
        return bot;
    }

    private List<DailyRoutine.Outcome> tick(DiscordBot bot, String instance) {
        DailyRoutine routine = new DailyRoutine(services.dailyStore(), () -> services.content().get().library(),
                new JdaReadingPublisher(bot.jda()), Clock.fixed(NOW, ZoneOffset.UTC), services.routine(), instance);
        return routine.tick().stream().map(CompletableFuture::join).toList();
    }

    @Test
    void serverWhoseTimePassedTwoMinutesAgo_getsOnePostAndItsThread_andARestartPostsNothingNew() throws Exception {
        // GIVEN a server whose post time was two minutes ago
        long channel = fake.textChannelId(GUILD);
        LocalTime twoMinutesAgo = LocalTime.ofInstant(NOW.minus(Duration.ofMinutes(2)), ZoneOffset.UTC);
        services.dailyStore().save(new GuildSettings(GUILD, channel, twoMinutesAgo, ZoneId.of("UTC"), false, null, 0),
                NOW);
        // WHEN the bot starts
        DiscordBot first = start();
        // THEN it posts day 1 once, with its discussion thread
        assertEquals(List.of(DailyRoutine.Outcome.POSTED), tick(first, "first"));
        List<JsonNode> messages = fake.messages(channel);
        assertEquals(1, messages.size());
        JsonNode embed = messages.get(0).path("embeds").get(0);
        assertTrue(embed.path("title").asText().startsWith("Day 1 of 9: Why AI Interviews?"), embed.toString());
        assertEquals(1, fake.threads(channel).size());
        assertTrue(fake.threads(channel).get(0).path("name").asText().startsWith("Day 1:"));

        // WHEN it restarts right after
        first.shutdown(Duration.ofSeconds(10));
        bots.remove(first);
        DiscordBot second = start();
        // THEN nothing new is posted
        assertEquals(List.of(DailyRoutine.Outcome.SKIPPED), tick(second, "second"));
        assertEquals(1, fake.messages(channel).size());
        assertEquals(List.of(), fake.validationErrors());
    }

    @Test
    void moderatorSetsTheDailyPost_throughASubcommandWithAChannelOption() throws Exception {
        start();
        long channel = fake.textChannelId(GUILD);
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (fake.storedCommands(GUILD).size() < 9 && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        long id = fake.injectSlashCommand(GUILD, MODERATOR, "daily set",
                Map.of("channel", Long.toString(channel), "time", "07:30", "timezone", "Europe/Berlin"),
                List.of(Permission.MANAGE_SERVER));
        RecordedRequest reply = fake.awaitCallback(id, Duration.ofSeconds(3));
        assertEquals(64, reply.data().path("flags").asInt() & 64);
        assertTrue(reply.data().path("content").asText().startsWith("Daily posts go to <#" + channel
                + "> at 07:30 (Europe/Berlin)"), reply.toString());
        GuildSettings saved = services.dailyStore().settings(GUILD).orElseThrow();
        assertEquals(LocalTime.of(7, 30), saved.time());
        assertEquals(List.of(), fake.validationErrors());
    }

    @Test
    void botWithoutSendMessages_pausesTheServer_andSaysWhy() throws Exception {
        fake.denyPermission(GUILD, Permission.MESSAGE_SEND);
        long channel = fake.textChannelId(GUILD);
        services.dailyStore().save(new GuildSettings(GUILD, channel, LocalTime.ofInstant(NOW, ZoneOffset.UTC),
                ZoneId.of("UTC"), false, null, 0), NOW);
        DiscordBot bot = start();
        assertEquals(List.of(DailyRoutine.Outcome.PAUSED), tick(bot, "a"));
        GuildSettings paused = services.dailyStore().settings(GUILD).orElseThrow();
        assertTrue(paused.paused());
        assertTrue(paused.pauseReason().contains("Send Messages"), paused.pauseReason());
        assertEquals(0, fake.messages(channel).size());
    }
}
