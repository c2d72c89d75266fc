package dev.workshopbot.discord.fake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.workshopbot.MovableClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.stream.LongStream;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.InsufficientPermissionException;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A real JDA client posting to the fake's channels, as the daily post does: sends with a nonce, history, threads,
 * deleted channels, missing permissions, subcommands with a channel option, Discord's rate limits, many guilds.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FakeChannelsTest {

    private static final long GUILD = 1_300_000_000_000_000_001L;
    private static final long OTHER_GUILD = 1_300_000_000_000_000_002L;
    private static final long USER = 1_300_000_000_000_000_042L;
    private static final Duration WAIT = Duration.ofSeconds(10);

    private FakeDiscord fake;
    private JDA jda;

    @AfterEach
    void stopAll() throws InterruptedException {
        try {
            if (jda != null) {
                jda.shutdown();
                if (!jda.awaitShutdown(WAIT)) {
                    jda.shutdownNow();
                    fail("JDA did not shut down within " + WAIT);
                }
            }
        } finally {
            if (fake != null) {
                fake.close();
            }
        }
    }

    private JDA login(Object... listeners) throws InterruptedException {
        jda = JDABuilder.createLight(fake.token(), EnumSet.noneOf(GatewayIntent.class))
                .setRestConfig(new RestConfig().setBaseUrl(fake.restBaseUrl()))
                .setSessionController(fake.sessionController())
                .addEventListeners(listeners)
                .build();
        jda.awaitReady();
        return jda;
    }

    /** The channel as the daily post finds it. */
    private GuildMessageChannel channel(long channelId) {
        GuildMessageChannel channel = jda.getChannelById(GuildMessageChannel.class, channelId);
        assertNotNull(channel, "channel " + channelId + " in JDA's cache");
        return channel;
    }

    private void assertDiscordSawNothingWrong() {
        assertEquals(List.of(), fake.validationErrors(), "bodies Discord's OpenAPI description rejects");
        assertEquals(List.of(), fake.unexpectedRequests(), "requests the fake refused");
    }

    @Test
    void sendMessage_sameNonceTwiceWithEnforceNonce_storesOneMessageAndReturnsItBothTimes()
            throws InterruptedException {
        // GIVEN a bot in a guild
        fake = FakeDiscord.start(GUILD);
        login();
        long channelId = fake.textChannelId(GUILD);

        // WHEN it sends the same post twice with one nonce, as a retry after a lost answer does
        Message first = channel(channelId)
                .sendMessage("Day 1")
                .setNonce("g1-2024-03-01")
                .complete();
        Message second = channel(channelId)
                .sendMessage("Day 1")
                .setNonce("g1-2024-03-01")
                .complete();

        // THEN Discord keeps one message and answers the retry with it
        assertEquals(first.getIdLong(), second.getIdLong());
        List<JsonNode> stored = fake.messages(channelId);
        assertEquals(1, stored.size(), stored::toString);
        assertEquals("g1-2024-03-01", stored.get(0).path("nonce").asText());
        assertEquals(fake.botUserId(), first.getAuthor().getIdLong());
        assertEquals("g1-2024-03-01", first.getNonce());
        assertFalse(first.isWebhookMessage(), "a channel message is not from a webhook");
        assertDiscordSawNothingWrong();
    }

    @Test
    void sendMessage_sameNonceAfterDiscordForgotIt_createsASecondMessage() throws InterruptedException {
        // GIVEN a fake whose clock we move, and a post sent with a nonce
        MovableClock clock = new MovableClock(Instant.parse("2024-03-01T09:00:00Z"));
        fake = FakeDiscord.builder().guilds(GUILD).clock(clock).start();
        login();
        long channelId = fake.textChannelId(GUILD);
        Message first = channel(channelId).sendMessage("Day 1").setNonce("same").complete();

        // WHEN the same nonce comes again once Discord's memory of nonces has passed
        clock.advance(FakeChannel.NONCE_MEMORY);
        Message second =
                channel(channelId).sendMessage("Day 1").setNonce("same").complete();

        // THEN it is a new message
        assertNotEquals(first.getIdLong(), second.getIdLong());
        assertEquals(2, fake.messages(channelId).size());
    }

    @Test
    void history_afterThreePosts_returnsThemNewestFirstAsJdaMessages() throws InterruptedException {
        // GIVEN three posts, the last with an embed whose footer identifies it, as the daily post has
        fake = FakeDiscord.start(GUILD);
        login();
        GuildMessageChannel channel = channel(fake.textChannelId(GUILD));
        channel.sendMessage("one").complete();
        channel.sendMessage("two").complete();
        channel.sendMessageEmbeds(new EmbedBuilder()
                        .setTitle("Day 3")
                        .setFooter("workshop day 3")
                        .build())
                .complete();

        // WHEN the bot reads back the last 50 messages, as recovery does
        List<Message> history = channel.getHistory().retrievePast(50).complete();

        // THEN it gets all three, newest first, authored by itself, the embed and its footer intact
        assertEquals(
                List.of("", "two", "one"),
                history.stream().map(Message::getContentRaw).toList());
        assertTrue(history.stream().allMatch(message -> message.getAuthor().getIdLong() == fake.botUserId()));
        assertEquals(
                "workshop day 3", history.get(0).getEmbeds().get(0).getFooter().getText());
        assertDiscordSawNothingWrong();
    }

    @Test
    void createThreadChannel_onAPost_startsAPublicThreadThatHistoryShowsOnThePost() throws InterruptedException {
        // GIVEN a post in a channel
        fake = FakeDiscord.start(GUILD);
        login();
        long channelId = fake.textChannelId(GUILD);
        Message post = channel(channelId).sendMessage("Day 1").complete();

        // WHEN the bot opens the discussion thread on it
        ThreadChannel thread = post.createThreadChannel("Day 1 discussion").complete();

        // THEN Discord starts a public thread with the post's id, in the channel, and records it
        assertEquals(post.getIdLong(), thread.getIdLong());
        assertEquals(ChannelType.GUILD_PUBLIC_THREAD, thread.getType());
        assertEquals(channelId, thread.getParentChannel().getIdLong());
        List<JsonNode> threads = fake.threads(channelId);
        assertEquals(1, threads.size(), threads::toString);
        assertEquals("Day 1 discussion", threads.get(0).path("name").asText());
        // AND history shows the post as having started it, which recovery reads
        Message reread =
                channel(channelId).getHistory().retrievePast(1).complete().get(0);
        assertNotNull(reread.getStartedThread(), "started thread on the post in history");
        assertEquals(thread.getIdLong(), reread.getStartedThread().getIdLong());
        // AND a second thread on the same post is refused as by Discord
        ErrorResponseException again = assertThrows(
                ErrorResponseException.class,
                () -> post.createThreadChannel("again").complete());
        assertEquals(ErrorResponse.THREAD_WITH_THIS_MESSAGE_ALREADY_EXISTS, again.getErrorResponse());
        assertEquals(List.of(), fake.validationErrors());
    }

    @Test
    void login_afterAThreadWasStarted_findsTheThreadInGuildCreate() throws InterruptedException {
        // GIVEN a post with its thread, sent by a bot that then stops
        fake = FakeDiscord.start(GUILD);
        login();
        long channelId = fake.textChannelId(GUILD);
        long threadId = channel(channelId)
                .sendMessage("Day 1")
                .complete()
                .createThreadChannel("Day 1 talk")
                .complete()
                .getIdLong();
        jda.shutdown();
        assertTrue(jda.awaitShutdown(WAIT), "first session shut down");

        // WHEN the bot starts again
        login();

        // THEN the active thread comes with the guild, under its channel
        ThreadChannel thread = jda.getThreadChannelById(threadId);
        assertNotNull(thread, "thread from GUILD_CREATE");
        assertEquals(channelId, thread.getParentChannel().getIdLong());
        assertEquals("Day 1 talk", thread.getName());
        assertEquals(2, fake.identifyCount());
    }

    @Test
    void deleteChannel_whileConnected_leavesJdaCacheAndSendingFailsWithUnknownChannel() throws InterruptedException {
        // GIVEN a bot holding a channel it posts to
        fake = FakeDiscord.start(GUILD);
        login();
        long channelId = fake.textChannelId(GUILD);
        GuildMessageChannel channel = channel(channelId);

        // WHEN a moderator deletes the channel
        fake.deleteChannel(channelId);

        // THEN JDA drops it on CHANNEL_DELETE, and a send through the old reference gets Unknown Channel
        eventually(
                () -> jda.getChannelById(GuildMessageChannel.class, channelId) == null,
                "JDA forgets the deleted channel");
        ErrorResponseException error = assertThrows(
                ErrorResponseException.class, () -> channel.sendMessage("Day 2").complete());
        assertEquals(ErrorResponse.UNKNOWN_CHANNEL, error.getErrorResponse());
        assertEquals(List.of(), fake.messages(channelId));
    }

    @Test
    void denyPermission_beforeLogin_failsJdasPermissionCheckAndDiscordRefusesTheSendToo() throws Exception {
        // GIVEN a guild where the bot lacks Send Messages
        fake = FakeDiscord.start(GUILD);
        fake.denyPermission(GUILD, Permission.MESSAGE_SEND);

        // WHEN the bot logs in and checks the channel as the daily post does
        login();
        GuildMessageChannel channel = channel(fake.textChannelId(GUILD));

        // THEN JDA knows it may view but not send, and refuses to send before asking Discord
        assertTrue(channel.getGuild().getSelfMember().hasPermission(channel, Permission.VIEW_CHANNEL));
        assertFalse(channel.getGuild()
                .getSelfMember()
                .hasPermission(
                        channel,
                        Permission.VIEW_CHANNEL,
                        Permission.MESSAGE_SEND,
                        Permission.MESSAGE_EMBED_LINKS,
                        Permission.MESSAGE_HISTORY));
        assertThrows(
                InsufficientPermissionException.class,
                () -> channel.sendMessage("Day 1").complete());
        // AND Discord itself refuses a send that skips JDA's check
        HttpResponse<String> direct = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(
                                        URI.create(fake.restBaseUrl() + "channels/" + channel.getId() + "/messages"))
                                .header("Authorization", "Bot " + fake.token())
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"content\":\"Day 1\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(403, direct.statusCode());
        assertTrue(direct.body().contains("50013"), direct::body);
        assertEquals(List.of(), fake.messages(channel.getIdLong()));
    }

    @Test
    void denyPermission_whileConnected_reachesJdaAsAChannelUpdate() throws InterruptedException {
        // GIVEN a bot that may post in the channel
        fake = FakeDiscord.start(GUILD);
        login();
        GuildMessageChannel channel = channel(fake.textChannelId(GUILD));
        assertTrue(channel.getGuild().getSelfMember().hasPermission(channel, Permission.MESSAGE_HISTORY));

        // WHEN a moderator takes Read Message History from it
        fake.denyPermission(GUILD, Permission.MESSAGE_HISTORY);

        // THEN JDA learns it from CHANNEL_UPDATE
        eventually(
                () -> !channel.getGuild().getSelfMember().hasPermission(channel, Permission.MESSAGE_HISTORY),
                "JDA sees Read Message History denied");
        assertTrue(channel.getGuild().getSelfMember().hasPermission(channel, Permission.MESSAGE_SEND));
    }

    @Test
    void addTextChannel_whileConnected_isAnnouncedAndCanBePostedTo() throws InterruptedException {
        // GIVEN a connected bot
        fake = FakeDiscord.start(GUILD);
        login();

        // WHEN a moderator creates a channel
        long added = fake.addTextChannel(GUILD);

        // THEN JDA caches it from CHANNEL_CREATE and the bot can post there
        eventually(() -> jda.getChannelById(GuildMessageChannel.class, added) != null, "JDA sees the new channel");
        channel(added).sendMessage("hello").complete();
        assertEquals("hello", fake.messages(added).get(0).path("content").asText());
        assertEquals(List.of(), fake.messages(fake.textChannelId(GUILD)));
        assertDiscordSawNothingWrong();
    }

    @Test
    void subcommand_withChannelAndTimeOptions_isParsedByJda() throws InterruptedException {
        // GIVEN a bot with /daily set channel:<text channel> time:<string>, and a second channel to pick
        fake = FakeDiscord.start(GUILD);
        long picked = fake.addTextChannel(GUILD);
        AtomicReference<String> subcommand = new AtomicReference<>();
        AtomicReference<GuildChannel> channel = new AtomicReference<>();
        AtomicReference<String> time = new AtomicReference<>();
        login(new ListenerAdapter() {
            @Override
            public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
                subcommand.set(event.getSubcommandName());
                channel.set(event.getOption("channel").getAsChannel());
                time.set(event.getOption("time", "none", option -> option.getAsString()));
                event.reply("saved").setEphemeral(true).queue();
            }
        });
        jda.updateCommands()
                .addCommands(Commands.slash("daily", "Daily post")
                        .addSubcommands(
                                new SubcommandData("set", "Where and when")
                                        .addOptions(
                                                new OptionData(OptionType.CHANNEL, "channel", "Channel", true)
                                                        .setChannelTypes(ChannelType.TEXT, ChannelType.NEWS),
                                                new OptionData(OptionType.STRING, "time", "HH:mm", false)),
                                new SubcommandData("pause", "Pause")))
                .complete();

        // WHEN a moderator runs /daily set channel:<picked> time:09:00
        Map<String, String> options = new LinkedHashMap<>();
        options.put("channel", Long.toUnsignedString(picked));
        options.put("time", "09:00");
        long interaction =
                fake.injectSlashCommand(GUILD, USER, "daily set", options, EnumSet.of(Permission.MANAGE_SERVER));

        // THEN JDA reports the subcommand and resolves the channel option to the guild's text channel
        assertEquals(4, fake.awaitCallback(interaction, WAIT).callbackType());
        assertEquals("set", subcommand.get());
        assertEquals(picked, channel.get().getIdLong());
        assertEquals(ChannelType.TEXT, channel.get().getType());
        assertEquals("09:00", time.get());
        assertDiscordSawNothingWrong();
    }

    @Test
    void injectSlashCommand_namingNoSubcommandOrAnotherGuildsChannel_isRefusedAsDiscordsPickerWould()
            throws InterruptedException {
        // GIVEN /daily with subcommands, and a channel in another guild
        fake = FakeDiscord.start(GUILD, OTHER_GUILD);
        login();
        jda.updateCommands()
                .addCommands(Commands.slash("daily", "Daily post")
                        .addSubcommands(
                                new SubcommandData("set", "Where")
                                        .addOption(OptionType.CHANNEL, "channel", "Channel", true),
                                new SubcommandData("pause", "Pause")))
                .complete();
        String foreign = Long.toUnsignedString(fake.textChannelId(OTHER_GUILD));

        // WHEN a test injects /daily without a subcommand, or picks the other guild's channel
        IllegalArgumentException bare = assertThrows(
                IllegalArgumentException.class,
                () -> fake.injectSlashCommand(GUILD, USER, "daily", Map.of(), Set.of()));
        IllegalArgumentException elsewhere = assertThrows(
                IllegalArgumentException.class,
                () -> fake.injectSlashCommand(GUILD, USER, "daily set", Map.of("channel", foreign), Set.of()));

        // THEN both are refused with a message that names the problem, and nothing reaches the bot
        assertTrue(bare.getMessage().contains("[set, pause]"), bare::getMessage);
        assertTrue(elsewhere.getMessage().contains("has no channel " + foreign), elsewhere::getMessage);
        assertEquals(
                List.of(),
                fake.requests().stream()
                        .filter(request -> request.interactionId() != 0)
                        .toList());
    }

    @Test
    void realRateLimits_twelveMessagesToOneChannel_arriveInOrderWithAtMostOne429() throws Exception {
        // GIVEN Discord's limit of 5 message creates per 5 seconds per channel
        fake = FakeDiscord.builder().guilds(GUILD).realRateLimits(true).start();
        login();
        long channelId = fake.textChannelId(GUILD);
        GuildMessageChannel channel = channel(channelId);

        // WHEN the bot sends one message, then queues 11 more at once. The first answer tells JDA the route's bucket:
        // before that, JDA may run requests of a route it has not seen side by side, and on a busy machine a later
        // one can overtake an earlier one, which is JDA's bucket discovery, not the pacing this test is about.
        long started = System.nanoTime();
        channel.sendMessage("1").complete();
        List<CompletableFuture<Message>> sent = new ArrayList<>();
        for (int i = 2; i <= 12; i++) {
            sent.add(channel.sendMessage(Integer.toString(i)).submit());
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(40, TimeUnit.SECONDS);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        // THEN all 12 arrive in order, JDA paced itself from the headers so the bucket refused at most one,
        List<String> contents = fake.messages(channelId).stream()
                .map(message -> message.path("content").asText())
                .toList();
        assertEquals(List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"), contents);
        String bucket = RateLimits.MESSAGE_CREATE_ROUTE + " channel=" + Long.toUnsignedString(channelId);
        Map<String, Integer> refused = fake.tooManyRequests();
        assertTrue(refused.getOrDefault(bucket, 0) <= 1, refused::toString);
        assertFalse(refused.containsKey(RateLimits.GLOBAL_BUCKET), refused::toString);
        // AND the limit held: three windows of five cannot pass in less than ten seconds
        assertTrue(took.compareTo(Duration.ofSeconds(9)) >= 0, took::toString);
        assertDiscordSawNothingWrong();
    }

    @Test
    void realRateLimits_sixtyChannelsInOneSecond_meetTheGlobalLimitAndAllArriveOnceItEnds() throws Exception {
        // GIVEN Discord's global limit of 50 requests per second on a clock that stands still, and 60 channels
        MovableClock clock = new MovableClock(Instant.parse("2024-03-01T09:00:00Z"));
        fake = FakeDiscord.builder()
                .guilds(GUILD)
                .realRateLimits(true)
                .clock(clock)
                .start();
        List<Long> channelIds = new ArrayList<>();
        channelIds.add(fake.textChannelId(GUILD));
        while (channelIds.size() < 60) {
            channelIds.add(fake.addTextChannel(GUILD));
        }
        login();

        // WHEN the bot sends one message to each, every one in a bucket of its own
        List<CompletableFuture<Message>> sent = new ArrayList<>();
        for (long channelId : channelIds) {
            sent.add(channel(channelId).sendMessage("hi").submit());
        }

        // THEN within the second no more than 50 requests get through and the rest are refused globally
        eventually(() -> fake.tooManyRequests().getOrDefault(RateLimits.GLOBAL_BUCKET, 0) > 0, "a global 429");
        int delivered = channelIds.stream()
                .mapToInt(channelId -> fake.messages(channelId).size())
                .sum();
        assertTrue(delivered <= 50, delivered + " messages delivered within one second");
        // AND once the second is over, JDA's retries deliver every message once, and no channel's bucket refused one
        clock.advance(Duration.ofSeconds(1));
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        for (long channelId : channelIds) {
            assertEquals(1, fake.messages(channelId).size(), "messages in " + channelId);
        }
        assertEquals(Set.of(RateLimits.GLOBAL_BUCKET), fake.tooManyRequests().keySet());
        assertDiscordSawNothingWrong();
    }

    @Test
    void login_withAThousandGuilds_streamsEveryGuildWithItsChannel() throws InterruptedException {
        // GIVEN a bot in a thousand guilds
        long[] guilds = LongStream.rangeClosed(1, 1000).map(n -> GUILD + n * 7).toArray();
        fake = FakeDiscord.start(guilds);

        // WHEN it logs in
        long started = System.nanoTime();
        login();
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        // THEN JDA is ready with every guild and its text channel, well within a generous bound
        assertEquals(1000, jda.getGuilds().size());
        assertNotNull(jda.getChannelById(GuildMessageChannel.class, fake.textChannelId(guilds[999])));
        assertTrue(took.compareTo(Duration.ofSeconds(30)) < 0, took::toString);
        assertNull(jda.getGuildById(GUILD), "only the guilds it was started with");
    }

    private static void eventually(BooleanSupplier condition, String description) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting until " + description);
            }
            Thread.sleep(20);
        }
    }
}
