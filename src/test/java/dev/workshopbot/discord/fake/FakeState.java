package dev.workshopbot.discord.fake;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What the REST and gateway halves of the fake share: ids, guilds and their channels, stored commands and injected
 * interactions, and the clock by which remembered nonces expire.
 */
final class FakeState {

    private final Snowflakes ids;
    private final long botUserId;
    private final long applicationId;
    private final Map<Long, FakeGuild> guilds;
    private final Map<Long, FakeChannel> channels = new ConcurrentHashMap<>();
    private final Payloads payloads;
    private final CommandStore commands;
    private final Interactions interactions;
    private final Clock clock;
    private final Set<Long> refusingEmbedUrls = ConcurrentHashMap.newKeySet();
    /** Direct-message channels the bot opened: channel id → the member at the other end. */
    private final Map<Long, Long> dmChannels = new ConcurrentHashMap<>();

    private final Set<Long> closedDms = ConcurrentHashMap.newKeySet();
    private final List<DirectMessage> directMessages = new CopyOnWriteArrayList<>();

    /** A message the bot sent a member directly. */
    record DirectMessage(long userId, JsonNode message) {}

    FakeState(
            Snowflakes ids,
            long botUserId,
            long applicationId,
            Map<Long, FakeGuild> guilds,
            Payloads payloads,
            CommandStore commands,
            Interactions interactions,
            Clock clock) {
        this.ids = ids;
        this.botUserId = botUserId;
        this.applicationId = applicationId;
        this.guilds = Collections.unmodifiableMap(new LinkedHashMap<>(guilds));
        this.payloads = payloads;
        this.commands = commands;
        this.interactions = interactions;
        this.clock = clock;
        guilds.values().forEach(guild -> guild.channels().forEach(this::register));
    }

    /** The DM channel with a member, opened once as Discord does: the same id every time. */
    long dmChannel(long userId) {
        for (Map.Entry<Long, Long> open : dmChannels.entrySet()) {
            if (open.getValue() == userId) {
                return open.getKey();
            }
        }
        long id = ids.next();
        dmChannels.put(id, userId);
        return id;
    }

    /** The member of a DM channel, if the id is one. */
    Optional<Long> dmRecipient(long channelId) {
        return Optional.ofNullable(dmChannels.get(channelId));
    }

    void closeDms(long userId) {
        closedDms.add(userId);
    }

    boolean dmsClosed(long userId) {
        return closedDms.contains(userId);
    }

    void recordDirectMessage(long userId, JsonNode message) {
        directMessages.add(new DirectMessage(userId, message));
    }

    List<DirectMessage> directMessages() {
        return List.copyOf(directMessages);
    }

    /** From now on, every embed URL sent to {@code channelId} is answered as one Discord cannot take. */
    void refuseEmbedUrls(long channelId) {
        refusingEmbedUrls.add(channelId);
    }

    boolean refusesEmbedUrls(long channelId) {
        return refusingEmbedUrls.contains(channelId);
    }

    Snowflakes ids() {
        return ids;
    }

    long botUserId() {
        return botUserId;
    }

    long applicationId() {
        return applicationId;
    }

    Map<Long, FakeGuild> guilds() {
        return guilds;
    }

    Payloads payloads() {
        return payloads;
    }

    CommandStore commands() {
        return commands;
    }

    Interactions interactions() {
        return interactions;
    }

    Clock clock() {
        return clock;
    }

    FakeGuild guild(long guildId) {
        FakeGuild guild = guilds.get(guildId);
        if (guild == null) {
            throw new IllegalArgumentException("The fake Discord has no guild " + Long.toUnsignedString(guildId)
                    + "; it was started with " + guilds.size() + " guilds: " + abbreviated(guilds.keySet()));
        }
        return guild;
    }

    /** Makes a new channel or thread reachable by id; deleted ones stay, so that Discord can say they are gone. */
    void register(FakeChannel channel) {
        channels.put(channel.id(), channel);
    }

    /** A channel or thread ever made here, deleted or not. */
    Optional<FakeChannel> channel(long channelId) {
        return Optional.ofNullable(channels.get(channelId));
    }

    /** A channel for a test to inspect; failing fast when the test names one the fake never had. */
    FakeChannel knownChannel(long channelId) {
        return channel(channelId)
                .orElseThrow(() -> new IllegalArgumentException("The fake Discord has no channel "
                        + Long.toUnsignedString(channelId) + "; add one with addTextChannel or use textChannelId"));
    }

    private static String abbreviated(Iterable<Long> ids) {
        StringBuilder text = new StringBuilder("[");
        int shown = 0;
        for (long id : ids) {
            if (shown == 5) {
                return text.append(", ...]").toString();
            }
            text.append(shown++ == 0 ? "" : ", ").append(Long.toUnsignedString(id));
        }
        return text.append("]").toString();
    }
}
