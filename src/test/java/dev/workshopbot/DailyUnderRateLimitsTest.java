package dev.workshopbot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.workshopbot.config.BotConfig;
import dev.workshopbot.content.ContentLoader;
import dev.workshopbot.daily.DailyRoutine;
import dev.workshopbot.discord.Cooldowns;
import dev.workshopbot.discord.DiscordBot;
import dev.workshopbot.discord.Dispatcher;
import dev.workshopbot.discord.JdaReadingPublisher;
import dev.workshopbot.discord.fake.FakeDiscord;
import dev.workshopbot.store.GuildSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Many daily posts due together, through real JDA, against a fake Discord that enforces Discord's rate limits. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class DailyUnderRateLimitsTest {

    private static final int SERVERS = 100;
    private static final long FIRST_GUILD = 1_800_000_000_000_000_000L;
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MINUTES);

    @TempDir
    Path dir;

    @Test
    void hundredServersDueInTheSameMinute_allGetTheirPostAndThread_withoutOne429() throws Exception {
        // GIVEN a hundred servers whose post is due now, each a message and a thread: four seconds of global limit
        long[] guilds = new long[SERVERS];
        for (int i = 0; i < SERVERS; i++) {
            guilds[i] = FIRST_GUILD + i;
        }
        try (FakeDiscord fake =
                FakeDiscord.builder().guilds(guilds).realRateLimits(true).start()) {
            Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
            BotConfig config = BotConfig.load(
                    dir.resolve("none.yml"),
                    Map.of(
                            "WORKSHOP_BOT_STORAGE_URL", "jdbc:sqlite:" + dir.resolve("bot.db"),
                            "WORKSHOP_BOT_DISCORD_APIBASEURL", fake.restBaseUrl(),
                            "WORKSHOP_BOT_DISCORD_GATEWAYURL", fake.gatewayUrl()));
            ContentLoader loader = new ContentLoader("https://segunakinyemi.com/ai-interview-workshop");
            App.Services services =
                    App.assemble(config, Path.of("content"), loader, loader.load(Path.of("content")), clock);
            for (long guild : guilds) {
                services.dailyStore()
                        .save(
                                new GuildSettings(
                                        guild,
                                        fake.textChannelId(guild),
                                        LocalTime.ofInstant(NOW, ZoneOffset.UTC),
                                        ZoneOffset.UTC,
                                        false,
                                        null,
                                        0),
                                NOW);
            }
            Dispatcher dispatcher = new Dispatcher(
                    Executors.newFixedThreadPool(2),
                    Executors.newScheduledThreadPool(1),
                    new Cooldowns(5, Duration.ofSeconds(10), System::nanoTime),
                    Duration.ofSeconds(1));
            DiscordBot bot = App.connect(fake.token(), config.discord(), services.registry(), dispatcher, null);
            try {
                DailyRoutine routine = new DailyRoutine(
                        services.dailyStore(),
                        () -> services.content().get().library(),
                        new JdaReadingPublisher(bot.jda()),
                        clock,
                        services.routine(),
                        "test");

                // WHEN one tick posts them all
                List<DailyRoutine.Outcome> outcomes =
                        routine.tick().stream().map(CompletableFuture::join).toList();

                // THEN every server has its post and thread, and Discord never had to refuse a request
                assertEquals(Collections.nCopies(SERVERS, DailyRoutine.Outcome.POSTED), outcomes);
                for (long guild : guilds) {
                    long channel = fake.textChannelId(guild);
                    assertEquals(1, fake.messages(channel).size(), "messages in " + channel);
                    assertEquals(1, fake.threads(channel).size(), "threads in " + channel);
                }
                assertEquals(Map.of(), fake.tooManyRequests(), "429s by bucket");
                assertEquals(List.of(), fake.validationErrors());
            } finally {
                bot.shutdown(Duration.ofSeconds(10));
            }
        }
    }
}
