package dev.workshopbot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.workshopbot.commands.DailyPosts;
import dev.workshopbot.config.BotConfig;
import dev.workshopbot.content.ContentLoader;
import dev.workshopbot.content.Library;
import dev.workshopbot.daily.DailyPost;
import dev.workshopbot.daily.DailyRoutine;
import dev.workshopbot.discord.DiscordBot;
import dev.workshopbot.discord.JdaReadingPublisher;
import dev.workshopbot.discord.fake.FakeDiscord;
import dev.workshopbot.discord.fake.RecordedRequest;
import dev.workshopbot.store.GuildSettings;
import dev.workshopbot.store.PostRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Daily posts with real JDA against the fake Discord: once at start when due, nothing more after a restart; and
 * {@code /plan} with its menus, on the bot {@link App#assemble} builds.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class DailyOnFakeDiscordTest {

    private static final long GUILD = 1_500_000_000_000_000_001L;
    private static final long OTHER_GUILD = 1_500_000_000_000_000_002L;
    private static final long MODERATOR = 1_500_000_000_000_000_042L;
    private static final long MEMBER = 1_500_000_000_000_000_043L;
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MINUTES);

    /** The fake's clock, moved on by a test to let Discord forget a nonce. */
    private final MovableClock fakeClock = new MovableClock(Instant.now());

    @TempDir
    Path dir;

    private FakeDiscord fake;
    private App.Services services;
    private final List<DiscordBot> bots = new ArrayList<>();

    @BeforeEach
    void setUp() {
        fake = FakeDiscord.builder().guilds(GUILD, OTHER_GUILD).clock(fakeClock).start();
        BotConfig config = BotConfig.load(
                dir.resolve("none.yml"), Map.of("WORKSHOP_BOT_STORAGE_URL", "jdbc:sqlite:" + dir.resolve("bot.db")));
        ContentLoader loader = new ContentLoader("https://segunakinyemi.com/ai-interview-workshop");
        services = App.assemble(
                config, Path.of("content"), loader, loader.load(Path.of("content")), Clock.fixed(NOW, ZoneOffset.UTC));
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
        DiscordBot bot = FakeBots.connect(fake, GUILD, services.registry());
        bots.add(bot);
        return bot;
    }

    private List<DailyRoutine.Outcome> tick(DiscordBot bot, String instance) {
        return tick(bot, instance, services.content().get().library());
    }

    private List<DailyRoutine.Outcome> tick(DiscordBot bot, String instance, Library library) {
        DailyRoutine routine = new DailyRoutine(
                services.dailyStore(),
                () -> library,
                new JdaReadingPublisher(bot.jda()),
                Clock.fixed(NOW, ZoneOffset.UTC),
                services.routine(),
                instance);
        return routine.tick().stream().map(CompletableFuture::join).toList();
    }

    /** A two-page Jekyll-like workshop in {@code folder}; {@code permalink} is the first page's, null for none. */
    private static Path workshop(Path folder, String permalink) throws IOException {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("_config.yml"), "title: Pairing Workshop\nbaseurl: /pairing\n");
        Files.writeString(
                folder.resolve("setup.md"),
                "---\ntitle: Setup\nnav_order: 1\n"
                        + (permalink == null ? "" : "permalink: \"" + permalink.replace("\"", "\\\"") + "\"\n")
                        + "---\n\n# Setup\n\nInstall the editor before the first session. It takes ten minutes.\n\n"
                        + "## Your first pair\n\nPick a partner and agree on who types first. Swap every 15 minutes.\n");
        Files.writeString(
                folder.resolve("reviews.md"),
                "---\ntitle: Reviews\nnav_order: 2\n---\n\n# Reviews\n\n"
                        + "Read the [Google review guide](https://google.github.io/eng-practices/review/) first.\n");
        return folder;
    }

    private static Library load(Path folder) {
        return new ContentLoader("https://workshop.example/pairing").load(folder);
    }

    private void awaitCommands() throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (fake.storedCommands(GUILD).size() < 9 && System.nanoTime() < until) {
            Thread.sleep(20);
        }
    }

    @Test
    void serverWhoseTimePassedTwoMinutesAgo_getsOnePostAndItsThread_andARestartPostsNothingNew() throws Exception {
        // GIVEN a server whose post time was two minutes ago
        long channel = fake.textChannelId(GUILD);
        LocalTime twoMinutesAgo = LocalTime.ofInstant(NOW.minus(Duration.ofMinutes(2)), ZoneOffset.UTC);
        services.dailyStore()
                .save(new GuildSettings(GUILD, channel, twoMinutesAgo, ZoneId.of("UTC"), false, null, 0), NOW);
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
    void planAfterTheFirstPost_itsDayMenuChosen_answersPrivatelyWithThatDaysSections_andTheirMenuOpensACard()
            throws Exception {
        // GIVEN a server whose day 1 was posted two minutes ago, and the bot that posted it
        long channel = fake.textChannelId(GUILD);
        LocalTime twoMinutesAgo = LocalTime.ofInstant(NOW.minus(Duration.ofMinutes(2)), ZoneOffset.UTC);
        services.dailyStore()
                .save(new GuildSettings(GUILD, channel, twoMinutesAgo, ZoneId.of("UTC"), false, null, 0), NOW);
        DiscordBot bot = start();
        assertEquals(List.of(DailyRoutine.Outcome.POSTED), tick(bot, "first"));
        awaitCommands();
        Library library = services.content().get().library();

        // WHEN a member runs /plan
        long plan = fake.injectSlashCommand(GUILD, MEMBER, "plan", Map.of(), List.of());
        RecordedRequest reply = fake.awaitCallback(plan, Duration.ofSeconds(3));
        // THEN the channel sees day 1 of the plan with a menu of days
        assertEquals(4, reply.callbackType());
        assertEquals(0, reply.data().path("flags").asInt() & 64, "visible in the channel");
        assertTrue(
                reply.data()
                        .path("embeds")
                        .get(0)
                        .path("title")
                        .asText()
                        .startsWith("Day 1 of " + library.plan().size()),
                reply.toString());
        JsonNode days = selectMenu(reply.data());
        assertTrue(days.path("custom_id").asText().startsWith("plan|"), days.toString());

        // WHEN the member picks day 2 from that menu
        long pick = fake.injectStringSelect(
                GUILD,
                MEMBER,
                days.path("custom_id").asText(),
                List.of("1"),
                reply.data().toString());
        RecordedRequest day = fake.awaitCallback(pick, Duration.ofSeconds(3));
        // THEN only they get day 2's reading within Discord's 3 s, every section linked, and a menu of them
        assertEquals(4, day.callbackType());
        assertEquals(64, day.data().path("flags").asInt() & 64, "private");
        assertTrue(
                day.sinceInjection().compareTo(Duration.ofSeconds(3)) < 0,
                day.sinceInjection().toString());
        JsonNode embed = day.data().path("embeds").get(0);
        assertTrue(embed.path("title").asText().startsWith("Day 2 of "), embed.toString());
        List<String> sections = library.plan().days().get(1).sections();
        for (String key : sections) {
            String url = library.section(key).orElseThrow().url();
            assertTrue(embed.path("description").asText().contains("](" + url + ")"), () -> key + " in " + embed);
        }
        JsonNode sectionMenu = selectMenu(day.data());
        assertEquals(sections.size(), sectionMenu.path("options").size(), sectionMenu.toString());
        assertEquals(0, day.data().path("allowed_mentions").path("parse").size());

        // WHEN they pick that day's first section, THEN its card opens, privately
        String first = sectionMenu.path("options").get(0).path("value").asText();
        long open = fake.injectStringSelect(
                GUILD, MEMBER, sectionMenu.path("custom_id").asText(), List.of(first), null);
        RecordedRequest card = fake.awaitCallback(open, Duration.ofSeconds(3));
        assertEquals(64, card.data().path("flags").asInt() & 64);
        assertEquals(
                library.section(first).orElseThrow().url(),
                card.data().path("embeds").get(0).path("url").asText());

        assertEquals(List.of(), fake.validationErrors(), "bodies Discord's OpenAPI description rejects");
        assertEquals(List.of(), fake.unexpectedRequests(), "requests the fake refused");
    }

    /** The one string select menu of a message. */
    private static JsonNode selectMenu(JsonNode message) {
        List<JsonNode> menus = new ArrayList<>();
        for (JsonNode row : message.path("components")) {
            for (JsonNode component : row.path("components")) {
                if (component.path("type").asInt() == 3) {
                    menus.add(component);
                }
            }
        }
        assertEquals(1, menus.size(), () -> "one select menu in " + message);
        return menus.get(0);
    }

    @Test
    void moderatorSetsTheDailyPost_throughASubcommandWithAChannelOption() throws Exception {
        start();
        long channel = fake.textChannelId(GUILD);
        awaitCommands();
        long id = fake.injectSlashCommand(
                GUILD,
                MODERATOR,
                "daily set",
                Map.of("channel", Long.toString(channel), "time", "07:30", "timezone", "Europe/Berlin"),
                List.of(Permission.MANAGE_SERVER));
        RecordedRequest reply = fake.awaitCallback(id, Duration.ofSeconds(3));
        assertEquals(64, reply.data().path("flags").asInt() & 64);
        assertTrue(
                reply.data()
                        .path("content")
                        .asText()
                        .startsWith("Daily posts go to <#" + channel + "> at 07:30 (Europe/Berlin)"),
                reply.toString());
        GuildSettings saved = services.dailyStore().settings(GUILD).orElseThrow();
        assertEquals(LocalTime.of(7, 30), saved.time());
        assertEquals(List.of(), fake.validationErrors());
    }

    @Test
    void botWithoutSendMessages_pausesTheServer_andSaysWhy() throws Exception {
        fake.denyPermission(GUILD, Permission.MESSAGE_SEND);
        long channel = fake.textChannelId(GUILD);
        services.dailyStore()
                .save(
                        new GuildSettings(
                                GUILD,
                                channel,
                                LocalTime.ofInstant(NOW, ZoneOffset.UTC),
                                ZoneId.of("UTC"),
                                false,
                                null,
                                0),
                        NOW);
        DiscordBot bot = start();
        assertEquals(List.of(DailyRoutine.Outcome.PAUSED), tick(bot, "a"));
        GuildSettings paused = services.dailyStore().settings(GUILD).orElseThrow();
        assertTrue(paused.paused());
        assertTrue(paused.pauseReason().contains("Send Messages"), paused.pauseReason());
        assertEquals(0, fake.messages(channel).size());
    }

    @Test
    void setToAChannelWhereTheBotLacksPermissions_isRefused_namingExactlyWhatIsMissing() throws Exception {
        // GIVEN a channel where the bot may see and read but neither post nor embed links
        fake.denyPermission(GUILD, Permission.MESSAGE_SEND, Permission.MESSAGE_EMBED_LINKS);
        start();
        long channel = fake.textChannelId(GUILD);
        awaitCommands();
        // WHEN a moderator picks it for the daily posts
        long id = fake.injectSlashCommand(
                GUILD,
                MODERATOR,
                "daily set",
                Map.of("channel", Long.toString(channel), "time", "07:30"),
                List.of(Permission.MANAGE_SERVER));
        // THEN the command refuses, naming the two missing permissions and no others, and nothing is scheduled
        String reply = fake.awaitCallback(id, Duration.ofSeconds(3))
                .data()
                .path("content")
                .asText();
        assertTrue(reply.contains("the bot lacks Send Messages, Embed Links in <#" + channel + ">"), reply);
        assertFalse(reply.contains("View Channel") || reply.contains("Read Message History"), reply);
        assertEquals(Optional.empty(), services.dailyStore().settings(GUILD));
        assertEquals(List.of(), fake.validationErrors());
    }

    @Test
    void setToAForgedChannelOfAnotherServer_isRefused() throws Exception {
        // GIVEN a channel of another server the bot is in
        start();
        long foreign = fake.textChannelId(OTHER_GUILD);
        awaitCommands();
        // WHEN a moderator's modified client sends it as the channel option
        long id = fake.injectForgedSlashCommand(
                GUILD,
                MODERATOR,
                "daily set",
                Map.of("channel", Long.toString(foreign)),
                List.of(Permission.MANAGE_SERVER));
        // THEN the command refuses it and nothing is scheduled
        String reply = fake.awaitCallback(id, Duration.ofSeconds(3))
                .data()
                .path("content")
                .asText();
        assertTrue(reply.contains("is not a text channel of this server"), reply);
        assertEquals(Optional.empty(), services.dailyStore().settings(GUILD));
    }

    @Test
    void scheduleNamingAChannelOfAnotherServer_postsNothingThere_andPausesTheServer() throws Exception {
        // GIVEN a schedule (stored before the check existed) that names another server's channel
        long foreign = fake.textChannelId(OTHER_GUILD);
        services.dailyStore()
                .save(
                        new GuildSettings(
                                GUILD,
                                foreign,
                                LocalTime.ofInstant(NOW, ZoneOffset.UTC),
                                ZoneId.of("UTC"),
                                false,
                                null,
                                0),
                        NOW);
        DiscordBot bot = start();
        // WHEN its post is due
        List<DailyRoutine.Outcome> outcomes = tick(bot, "a");
        // THEN nothing reaches the other server, and the server is paused with the reason
        assertEquals(List.of(DailyRoutine.Outcome.PAUSED), outcomes);
        assertEquals(0, fake.messages(foreign).size());
        GuildSettings paused = services.dailyStore().settings(GUILD).orElseThrow();
        assertTrue(paused.paused());
        assertTrue(paused.pauseReason().contains("belongs to another server"), paused.pauseReason());
    }

    @Test
    void postDiscordRejectsWith400_pausesTheServerWithTheReason_andKeepsTheDay() throws Exception {
        // GIVEN a server due for day 1 in a channel where Discord refuses the post's URL (one that passed validate)
        Library library = load(workshop(dir.resolve("workshop"), null));
        long channel = fake.textChannelId(GUILD);
        fake.refuseEmbedUrls(channel);
        services.dailyStore()
                .save(
                        new GuildSettings(
                                GUILD,
                                channel,
                                LocalTime.ofInstant(NOW, ZoneOffset.UTC),
                                ZoneId.of("UTC"),
                                false,
                                null,
                                0),
                        NOW);
        DiscordBot bot = start();
        // WHEN the post goes out and Discord answers 400
        List<DailyRoutine.Outcome> outcomes = tick(bot, "a", library);
        // THEN the server is paused with Discord's reason instead of being retried, and day 1 is still next
        assertEquals(List.of(DailyRoutine.Outcome.PAUSED), outcomes);
        GuildSettings paused = services.dailyStore().settings(GUILD).orElseThrow();
        assertTrue(paused.paused());
        assertTrue(
                paused.pauseReason().contains("400") && paused.pauseReason().contains("embeds[0].url"),
                paused.pauseReason());
        assertEquals(0, paused.cursor());
        assertEquals(List.of(), services.dailyStore().posts(GUILD));
        assertEquals(List.of(), tick(bot, "a", library));
        assertEquals(0, fake.messages(channel).size());
    }

    @Test
    void crashAfterSendBeforeRecord_thenAContentChange_restartRecoversThePost_andOpensItsThread() throws Exception {
        // GIVEN day 1 sent ten minutes ago by a bot killed before it opened the thread and recorded the post
        Path folder = workshop(dir.resolve("workshop"), null);
        long channel = fake.textChannelId(GUILD);
        long sent = sendAndCrash(load(folder), channel);
        // ... then Discord forgets the nonce, and a content file changes
        fakeClock.advance(Duration.ofMinutes(10));
        Files.writeString(
                folder.resolve("reviews.md"), "\nA review is a conversation, not a gate.\n", StandardOpenOption.APPEND);
        Library changed = load(folder);
        // WHEN the bot restarts
        DiscordBot second = start();
        List<DailyRoutine.Outcome> outcomes = tick(second, "second", changed);
        // THEN it finds day 1 by its day and date, sends nothing new, and opens the missing thread
        assertEquals(List.of(DailyRoutine.Outcome.RECOVERED), outcomes);
        assertEquals(1, fake.messages(channel).size());
        assertEquals(1, fake.threads(channel).size());
        PostRecord recorded = services.dailyStore().posts(GUILD).get(0);
        assertEquals(sent, recorded.messageId());
        assertEquals(fake.threads(channel).get(0).path("id").asLong(), recorded.threadId());
    }

    @Test
    void crashAfterSendBeforeRecord_restartOpensTheThreadThePostNeverGot() throws Exception {
        // GIVEN day 1 sent by a bot killed before its thread call
        long channel = fake.textChannelId(GUILD);
        Library library = load(workshop(dir.resolve("workshop"), null));
        sendAndCrash(library, channel);
        // WHEN the bot restarts with the same content
        DiscordBot second = start();
        List<DailyRoutine.Outcome> outcomes = tick(second, "second", library);
        // THEN the post is recovered with a thread, and nothing new is sent
        assertEquals(List.of(DailyRoutine.Outcome.RECOVERED), outcomes);
        assertEquals(1, fake.messages(channel).size());
        assertEquals(1, fake.threads(channel).size());
        assertTrue(fake.threads(channel).get(0).path("name").asText().startsWith("Day 1:"));
    }

    /**
     * Does what a bot killed between sending and recording did: claims day 1 for the date of a post due twelve
     * minutes ago, sends it with its nonce, and stops without opening the thread. Returns the message id.
     */
    private long sendAndCrash(Library library, long channel) throws InterruptedException {
        Instant due = NOW.minus(Duration.ofMinutes(12));
        services.dailyStore()
                .save(
                        new GuildSettings(
                                GUILD,
                                channel,
                                LocalTime.ofInstant(due, ZoneOffset.UTC),
                                ZoneId.of("UTC"),
                                false,
                                null,
                                0),
                        NOW);
        LocalDate date = due.atZone(ZoneOffset.UTC).toLocalDate();
        DailyPost post = new DailyPost(
                GUILD,
                channel,
                date,
                0,
                library.plan().size(),
                library.plan().days().get(0),
                library,
                true);
        assertTrue(services.dailyStore()
                .claim(GUILD, date, 0, channel, post.nonce(), "crashed", NOW.minus(Duration.ofMinutes(10))));
        DiscordBot crashed = start();
        long sent = crashed.jda()
                .getChannelById(GuildMessageChannel.class, channel)
                .sendMessage(DailyPosts.render(post))
                .setNonce(post.nonce())
                .complete()
                .getIdLong();
        crashed.shutdown(Duration.ofSeconds(10));
        bots.remove(crashed);
        assertEquals(0, fake.threads(channel).size());
        return sent;
    }
}
