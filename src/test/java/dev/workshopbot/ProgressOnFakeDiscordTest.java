package dev.workshopbot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.workshopbot.config.BotConfig;
import dev.workshopbot.content.ContentLoader;
import dev.workshopbot.daily.DailyRoutine;
import dev.workshopbot.discord.DiscordBot;
import dev.workshopbot.discord.JdaDirectMessenger;
import dev.workshopbot.discord.JdaReadingPublisher;
import dev.workshopbot.discord.fake.FakeDiscord;
import dev.workshopbot.discord.fake.RecordedRequest;
import dev.workshopbot.progress.DirectMessenger;
import dev.workshopbot.progress.ProgressSystem;
import dev.workshopbot.progress.Reminders;
import dev.workshopbot.store.GuildSettings;
import dev.workshopbot.store.ProgressStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.Permission;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Reading progress with real JDA against the fake Discord: a daily post's Mark as read, and a reminder DM. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ProgressOnFakeDiscordTest {

    private static final long GUILD = 1_500_000_000_000_000_101L;
    private static final long ADA = 1_500_000_000_000_000_107L;
    private static final long BEN = 1_500_000_000_000_000_108L;
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir
    Path dir;

    private FakeDiscord fake;
    private App.Services services;
    private DiscordBot bot;
    private long channel;

    @BeforeEach
    void setUp() throws InterruptedException {
        fake = FakeDiscord.start(GUILD);
        BotConfig config = BotConfig.load(
                dir.resolve("none.yml"), Map.of("WORKSHOP_BOT_STORAGE_URL", "jdbc:sqlite:" + dir.resolve("bot.db")));
        ContentLoader loader = new ContentLoader("https://segunakinyemi.com/ai-interview-workshop");
        services = App.assemble(config, Path.of("content"), loader, loader.load(Path.of("content")), CLOCK);
        channel = fake.textChannelId(GUILD);
        bot = FakeBots.connect(fake, GUILD, services.registry());
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        try {
            bot.shutdown(Duration.ofSeconds(10));
        } finally {
            fake.close();
        }
    }

    private void awaitCommand(String name) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (fake.storedCommands(GUILD).stream()
                        .noneMatch(c -> c.path("name").asText().equals(name))
                && System.nanoTime() < until) {
            Thread.sleep(20);
        }
    }

    private static String customId(JsonNode message, String label) {
        for (JsonNode row : message.path("components")) {
            for (JsonNode button : row.path("components")) {
                if (button.path("label").asText().equals(label)) {
                    return button.path("custom_id").asText();
                }
            }
        }
        throw new AssertionError("no '" + label + "' button on " + message);
    }

    private static String said(RecordedRequest reply) {
        return reply.data().path("content").asText() + reply.data().path("embeds");
    }

    @Test
    void aDailyPostsMarkAsRead_isAnsweredPrivatelyWithin3Seconds_andASecondClickSaysItIsMarked() throws Exception {
        LocalTime twoMinutesAgo = LocalTime.ofInstant(NOW.minus(Duration.ofMinutes(2)), ZoneOffset.UTC);
        services.dailyStore()
                .save(new GuildSettings(GUILD, channel, twoMinutesAgo, ZoneId.of("UTC"), false, null, 0), NOW);
        DailyRoutine routine = new DailyRoutine(
                services.dailyStore(),
                () -> services.content().get().library(),
                new JdaReadingPublisher(bot.jda()),
                CLOCK,
                services.routine(),
                "test");
        assertEquals(
                List.of(DailyRoutine.Outcome.POSTED),
                routine.tick().stream().map(CompletableFuture::join).toList());
        JsonNode post = fake.messages(channel).get(0);
        String mark = customId(post, "Mark as read");

        long first = fake.injectButton(GUILD, ADA, mark, post.toString());
        RecordedRequest reply = fake.awaitCallback(first, Duration.ofSeconds(3));
        assertEquals(64, reply.data().path("flags").asInt() & 64, "only the member sees it");
        assertTrue(said(reply).contains("Marked as read"), said(reply));
        assertTrue(said(reply).contains("day 1's reading"), said(reply));
        assertEquals(0, reply.data().path("allowed_mentions").path("parse").size());

        long second = fake.injectButton(GUILD, ADA, mark, post.toString());
        RecordedRequest again = fake.awaitCallback(second, Duration.ofSeconds(3));
        assertTrue(said(again).contains("Already marked as read"), said(again));
        int sections = services.content()
                .get()
                .library()
                .plan()
                .days()
                .get(0)
                .sections()
                .size();
        assertEquals(
                sections,
                new ProgressStore(services.database()).reads(GUILD, ADA).size());
        assertEquals(List.of(), fake.validationErrors());
    }

    @Test
    void aMemberWhoseStreakBreaksTonight_getsOneReminderDm_andClosedDmsAreRecordedNotRetried() throws Exception {
        LocalDate today = LocalDate.ofInstant(NOW, ZoneOffset.UTC);
        LocalTime postTime = LocalTime.ofInstant(NOW.minus(Duration.ofMinutes(2)), ZoneOffset.UTC);
        services.dailyStore().save(new GuildSettings(GUILD, channel, postTime, ZoneId.of("UTC"), false, null, 3), NOW);
        for (int day = 0; day < 3; day++) {
            LocalDate date = today.minusDays(2 - day);
            services.dailyStore().claim(GUILD, date, day, channel, "n" + day, "test", NOW);
            services.dailyStore().complete(GUILD, date, 9000 + day, null, NOW);
        }
        ProgressStore store = new ProgressStore(services.database());
        List<String> dayOne =
                services.content().get().library().plan().days().get(0).sections();
        for (long member : List.of(ADA, BEN)) {
            store.mark(GUILD, member, dayOne, today.minusDays(2), NOW);
        }
        awaitCommand("remind");
        for (long member : List.of(ADA, BEN)) {
            long id = fake.injectSlashCommand(GUILD, member, "remind on", Map.of(), List.of());
            assertTrue(said(fake.awaitCallback(id, Duration.ofSeconds(3))).contains("Reminders on"));
        }
        fake.closeDirectMessages(BEN);
        Reminders reminders = new Reminders(
                store,
                services.dailyStore(),
                new ProgressSystem(
                        store,
                        services.dailyStore(),
                        () -> services.content().get().library(),
                        CLOCK,
                        ZoneId.of("UTC")),
                () -> services.content().get().library(),
                new JdaDirectMessenger(bot.jda()),
                CLOCK,
                Duration.ZERO);

        List<DirectMessenger.Outcome> outcomes =
                reminders.tick().stream().map(CompletableFuture::join).sorted().toList();
        assertEquals(List.of(DirectMessenger.Outcome.SENT, DirectMessenger.Outcome.CLOSED), outcomes);
        List<JsonNode> dms = fake.directMessages(ADA);
        assertEquals(1, dms.size());
        String text = dms.get(0).path("content").asText();
        assertTrue(text.contains("1-day reading streak ends tonight"), text);
        assertTrue(text.contains("day 2's reading"), text);
        assertEquals(0, fake.directMessages(BEN).size());
        assertTrue(store.member(GUILD, BEN).dmsClosedAt() != null, "closed DMs are recorded");

        assertEquals(List.of(), reminders.tick(), "one a day, and never again to closed DMs");
        assertEquals(1, fake.directMessages(ADA).size());
        assertEquals(List.of(), fake.validationErrors());
    }

    @Test
    void groupProgress_isRegistered_answersAModeratorPrivately_andRefusesAMember() throws Exception {
        awaitCommand("group-progress");
        long asked = fake.injectSlashCommand(GUILD, ADA, "group-progress", Map.of(), List.of(Permission.MANAGE_SERVER));
        RecordedRequest report = fake.awaitCallback(asked, Duration.ofSeconds(3));
        assertEquals(64, report.data().path("flags").asInt() & 64);
        assertTrue(said(report).contains("Group progress"), said(report));
        long refused = fake.injectSlashCommand(GUILD, BEN, "group-progress", Map.of(), List.of());
        assertTrue(said(fake.awaitCallback(refused, Duration.ofSeconds(3))).contains("Only moderators"));
        assertEquals(List.of(), fake.validationErrors());
    }
}
