package dev.workshopbot.discord.fake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.utils.SessionController;

/**
 * A fake Discord for tests: REST and gateway servers on 127.0.0.1, on ephemeral ports, that a real JDA client logs in
 * to. It stores the commands the bot registers, injects interactions through the gateway, records every request the
 * bot sends back, and checks each request body against Discord's OpenAPI description. Its guilds have text channels
 * that keep the messages and threads the bot posts; tests add, delete and restrict channels as moderators would, and
 * may ask for Discord's rate limits ({@link Builder#realRateLimits}).
 *
 * <p>Point JDA at it with {@code setRestConfig(new RestConfig().setBaseUrl(fake.restBaseUrl()))} and
 * {@code setSessionController(fake.sessionController())}. The fake application has no privileged intents enabled:
 * an IDENTIFY asking for one is closed with 4014, as Discord does.
 */
public final class FakeDiscord implements AutoCloseable {

    /** GUILD_MEMBERS, GUILD_PRESENCES and MESSAGE_CONTENT: the fake application has none of them enabled. */
    public static final int PRIVILEGED_INTENTS = (1 << 1) | (1 << 8) | (1 << 15);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration START_TIMEOUT = Duration.ofSeconds(10);
    private static final int APPLICATION_COMMAND = 2;
    private static final int MESSAGE_COMPONENT = 3;
    private static final int APPLICATION_COMMAND_AUTOCOMPLETE = 4;
    private static final int BUTTON = 2;
    private static final int STRING_SELECT = 3;
    private static final int SUB_COMMAND = 1;
    private static final int SUB_COMMAND_GROUP = 2;
    private static final int INTEGER = 4;
    private static final int BOOLEAN = 5;
    private static final int CHANNEL = 7;
    private static final int NUMBER = 10;

    private final FakeState state;
    private final RateLimits rateLimits;
    private final Recorder recorder = new Recorder();
    private final FakeGateway gateway;
    private final FakeRest rest;
    private final String token;
    private final SecureRandom random = new SecureRandom();
    private final AtomicBoolean closed = new AtomicBoolean();

    private FakeDiscord(FakeState state, ApiSpec spec, RateLimits rateLimits) throws IOException, InterruptedException {
        this.state = state;
        this.rateLimits = rateLimits;
        this.token = "fake-bot-token-" + randomHex(8);
        this.gateway = new FakeGateway(state);
        gateway.startAndWait(START_TIMEOUT);
        try {
            this.rest = new FakeRest(state, spec, recorder, gateway::url, gateway::broadcast, rateLimits);
        } catch (IOException | RuntimeException e) {
            gateway.stop(1000);
            throw e;
        }
    }

    /** Starts a fake Discord in which the bot is a member of these guilds, each with one text channel. */
    public static FakeDiscord start(long... guildIds) {
        return builder().guilds(guildIds).start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** How to start a fake Discord: its guilds, whether it enforces Discord's rate limits, its clock. */
    public static final class Builder {
        private long[] guildIds = new long[0];
        private boolean realRateLimits;
        private Clock clock = Clock.systemUTC();

        private Builder() {}

        /** The guilds the bot is a member of, each with one text channel; a thousand log in within seconds. */
        public Builder guilds(long... ids) {
            this.guildIds = ids.clone();
            return this;
        }

        /**
         * Enforces Discord's rate limits: 5 message creates per 5 seconds per channel and 50 requests per second in
         * all, answered 429 beyond them. Off by default: the fake then only reports buckets that never run dry.
         */
        public Builder realRateLimits(boolean enforce) {
            this.realRateLimits = enforce;
            return this;
        }

        /**
         * The fake's clock, the system clock by default: by it a nonce sent with {@code enforce_nonce} is forgotten
         * and rate-limit windows end. JDA waits in real time for what the rate-limit headers tell it, so with real
         * rate limits a clock that stands still keeps refusing until the test moves it on.
         */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public FakeDiscord start() {
            Snowflakes ids = new Snowflakes();
            long botUserId = ids.next();
            long applicationId = ids.next();
            Map<Long, FakeGuild> guilds = new LinkedHashMap<>();
            for (long guildId : guildIds) {
                if (guilds.put(guildId, new FakeGuild(guildId, ids.next(), ids.next())) != null) {
                    throw new IllegalArgumentException("Guild " + Long.toUnsignedString(guildId) + " is given twice");
                }
            }
            FakeState state = new FakeState(
                    ids,
                    botUserId,
                    applicationId,
                    guilds,
                    new Payloads(botUserId, applicationId),
                    new CommandStore(ids, applicationId),
                    new Interactions(),
                    clock);
            try {
                return new FakeDiscord(
                        state, ApiSpec.shared(), realRateLimits ? RateLimits.enforced() : RateLimits.reportedOnly());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start the fake Discord", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while starting the fake Discord", e);
            }
        }
    }

    /** The base URL for JDA's {@code RestConfig.setBaseUrl}, ending in {@code /api/v10/}. */
    public String restBaseUrl() {
        return rest.baseUrl();
    }

    /** The gateway URL, {@code ws://127.0.0.1:PORT}, to which JDA adds its own query. */
    public String gatewayUrl() {
        return gateway.url();
    }

    /** A token to log in with; the fake accepts any, and records the Authorization headers it sees. */
    public String token() {
        return token;
    }

    /** A session controller that sends JDA to this fake's gateway without the usual five-second connect delay. */
    public SessionController sessionController() {
        return new FakeSessionController(gatewayUrl());
    }

    public long botUserId() {
        return state.botUserId();
    }

    public long applicationId() {
        return state.applicationId();
    }

    /** The text channel the guild started with, where injected interactions happen. */
    public long textChannelId(long guildId) {
        return state.guild(guildId).textChannelId();
    }

    /** Creates a text channel in the guild, announced to a connected bot with CHANNEL_CREATE; returns its id. */
    public long addTextChannel(long guildId) {
        FakeGuild guild = state.guild(guildId);
        FakeChannel channel = guild.addTextChannel(state.ids().next());
        state.register(channel);
        gateway.broadcast("CHANNEL_CREATE", state.payloads().textChannel(channel, guild.deniedToBot()));
        return channel.id();
    }

    /**
     * Deletes a text channel, with its threads, or a thread. A connected bot is told with CHANNEL_DELETE (THREAD_DELETE
     * for a thread); requests to it are then answered 404 Unknown Channel (code 10003).
     */
    public void deleteChannel(long channelId) {
        FakeChannel channel = state.knownChannel(channelId);
        if (channel.isDeleted()) {
            throw new IllegalStateException(channel + " is already deleted");
        }
        FakeGuild guild = state.guild(channel.guildId());
        channel.delete();
        if (channel.isThread()) {
            gateway.broadcast(
                    "THREAD_DELETE",
                    JSON.createObjectNode()
                            .put("id", Payloads.id(channel.id()))
                            .put("guild_id", Payloads.id(guild.id()))
                            .put("parent_id", Payloads.id(channel.parentId()))
                            .put("type", channel.type()));
        } else {
            gateway.broadcast("CHANNEL_DELETE", state.payloads().textChannel(channel, guild.deniedToBot()));
        }
    }

    /**
     * Takes permissions from the bot in every text channel of the guild, now and later, through a member overwrite
     * on each channel, as a moderator would; a connected bot is told with CHANNEL_UPDATE. Called before the bot logs
     * in, the guild starts that way. The fake then refuses what Discord would: sending without View Channel (50001)
     * or Send Messages (50013), starting a thread without Create Public Threads; without Read Message History a
     * channel's history is empty.
     */
    public void denyPermission(long guildId, Permission... permissions) {
        FakeGuild guild = state.guild(guildId);
        guild.denyToBot(Permission.getRaw(permissions));
        for (FakeChannel channel : guild.channels()) {
            gateway.broadcast("CHANNEL_UPDATE", state.payloads().textChannel(channel, guild.deniedToBot()));
        }
    }

    /**
     * Makes the fake answer every message with an embed URL sent to {@code channelId} with Discord's 400 "Not a well
     * formed URL.": for a URL that passes the bot's own checks but that Discord refuses all the same.
     */
    public void refuseEmbedUrls(long channelId) {
        state.refuseEmbedUrls(channelId);
    }

    /** Makes a member's direct messages closed: the bot's DMs to them get Discord's 50007. */
    public void closeDirectMessages(long userId) {
        state.closeDms(userId);
    }

    /** The direct messages the bot sent {@code userId}, oldest first, as message objects. */
    public List<JsonNode> directMessages(long userId) {
        return state.directMessages().stream()
                .filter(dm -> dm.userId() == userId)
                .map(FakeState.DirectMessage::message)
                .toList();
    }

    /** The messages sent to a channel or thread, oldest first, as Discord stores them; kept after a deletion. */
    public List<JsonNode> messages(long channelId) {
        return List.copyOf(state.knownChannel(channelId).messages());
    }

    /** The threads started on messages of a text channel that still exist, oldest first, as thread objects. */
    public List<JsonNode> threads(long channelId) {
        FakeChannel channel = state.knownChannel(channelId);
        return channel.threads().stream()
                .map(thread -> (JsonNode) state.payloads().thread(thread))
                .toList();
    }

    /**
     * How many requests each rate-limit bucket answered with 429, by bucket: {@code global}, or a route with its
     * major parameter such as {@code POST /channels/{channel}/messages channel=123}. Empty unless the fake was
     * started with real rate limits.
     */
    public Map<String, Integer> tooManyRequests() {
        return rateLimits.refusals();
    }

    /** Waits until a bot session has identified and been sent READY and every GUILD_CREATE. */
    public void awaitReady(Duration timeout) {
        gateway.awaitReady(timeout);
    }

    /**
     * Injects a slash command as a member of the guild would run it. The command must have been registered (guild
     * commands win over global ones); option values are converted to the option types it was registered with. A
     * channel option takes a channel id, which must name a channel of the guild of a type the option allows; Discord
     * resolves it in {@code data.resolved.channels}.
     *
     * @param name the command as the user picks it: {@code "hello"}, a subcommand {@code "daily set"}, or a group's
     *     subcommand {@code "daily plan set"}
     * @param options option values by name, in the order the user filled them in
     * @param permissions permissions the member holds beyond @everyone's, granted through a role the fake creates
     * @return the interaction id, for {@link #awaitCallback}
     */
    public long injectSlashCommand(
            long guildId, long userId, String name, Map<String, String> options, Collection<Permission> permissions) {
        FakeGuild guild = state.guild(guildId);
        Invocation invocation = invocation(guildId, name);
        long memberPermissions = effectivePermissions(permissions);
        options.forEach((option, value) ->
                invocation.values().add(optionValue(invocation, option, value, guild, memberPermissions)));
        return inject(APPLICATION_COMMAND, guild, userId, permissions, invocation.data(), null);
    }

    /**
     * Injects a slash command whose option values a modified client wrote itself: each value is sent as given with
     * the option's registered type, unchecked and unresolved, so a channel option can name a channel of another
     * guild, which Discord's own picker would never offer.
     */
    public long injectForgedSlashCommand(
            long guildId, long userId, String name, Map<String, String> options, Collection<Permission> permissions) {
        FakeGuild guild = state.guild(guildId);
        Invocation invocation = invocation(guildId, name);
        options.forEach((option, value) -> invocation
                .values()
                .addObject()
                .put("name", option)
                .put("type", optionDefinition(invocation, option).path("type").asInt())
                .put("value", value));
        return inject(APPLICATION_COMMAND, guild, userId, permissions, invocation.data(), null);
    }

    /**
     * Injects an autocomplete request: the user is typing {@code typed} into {@code focusedOption}, which must have
     * been registered with autocomplete enabled, as Discord only asks for those.
     *
     * @param command the command as the user picks it, with its subcommand if it has them: {@code "daily set"}
     */
    public long injectAutocomplete(
            long guildId,
            long userId,
            String command,
            String focusedOption,
            String typed,
            Map<String, String> otherOptions) {
        FakeGuild guild = state.guild(guildId);
        Invocation invocation = invocation(guildId, command);
        JsonNode focusedDefinition = optionDefinition(invocation, focusedOption);
        if (!focusedDefinition.path("autocomplete").asBoolean(false)) {
            throw new IllegalArgumentException(invocation.shownName() + " option '" + focusedOption
                    + "' was not registered with autocomplete, so Discord would never ask for suggestions");
        }
        long memberPermissions = effectivePermissions(List.of());
        otherOptions.forEach((option, value) ->
                invocation.values().add(optionValue(invocation, option, value, guild, memberPermissions)));
        // Discord sends what the user has typed so far as a string, whatever the option's type.
        invocation
                .values()
                .addObject()
                .put("name", focusedOption)
                .put("type", focusedDefinition.path("type").asInt())
                .put("value", typed)
                .put("focused", true);
        return inject(APPLICATION_COMMAND_AUTOCOMPLETE, guild, userId, List.of(), invocation.data(), null);
    }

    /**
     * Injects a click on a button.
     *
     * @param messageJson the message the button is on, as JSON; fields it lacks are filled in as for a message the
     *     bot sent. Null gives a bot message with just this button.
     */
    public long injectButton(long guildId, long userId, String customId, String messageJson) {
        FakeGuild guild = state.guild(guildId);
        ObjectNode message;
        if (messageJson == null) {
            message = state.payloads().messageWithButton(state.ids().next(), guild, customId);
        } else {
            message = state.payloads().message(state.ids().next(), guild, JSON.createObjectNode());
            message.setAll(parseObject(messageJson));
        }
        ObjectNode data = JSON.createObjectNode().put("custom_id", customId).put("component_type", BUTTON);
        return inject(MESSAGE_COMPONENT, guild, userId, List.of(), data, message);
    }

    /**
     * Injects a choice from a string select menu: the member picked {@code values} in the menu {@code customId}.
     *
     * @param messageJson the message the menu is on, as JSON; fields it lacks are filled in as for a message the
     *     bot sent. Null gives a bot message with just this menu, offering the values picked.
     */
    public long injectStringSelect(
            long guildId, long userId, String customId, List<String> values, String messageJson) {
        FakeGuild guild = state.guild(guildId);
        ObjectNode message;
        if (messageJson == null) {
            message = state.payloads().messageWithStringSelect(state.ids().next(), guild, customId, values);
        } else {
            message = state.payloads().message(state.ids().next(), guild, JSON.createObjectNode());
            message.setAll(parseObject(messageJson));
        }
        ObjectNode data = JSON.createObjectNode().put("custom_id", customId).put("component_type", STRING_SELECT);
        values.forEach(data.putArray("values")::add);
        return inject(MESSAGE_COMPONENT, guild, userId, List.of(), data, message);
    }

    /** The bot's callback (POST /interactions/{id}/{token}/callback) for an injected interaction. */
    public RecordedRequest awaitCallback(long interactionId, Duration timeout) {
        return recorder.await(
                request -> request.interactionId() == interactionId && request.isCallback(),
                timeout,
                "callback for interaction " + Long.toUnsignedString(interactionId));
    }

    /** The bot's first webhook request (follow-up, or an edit or delete of the original) for an interaction. */
    public RecordedRequest awaitFollowUp(long interactionId, Duration timeout) {
        return recorder.await(
                request -> request.interactionId() == interactionId
                        && request.path().startsWith("/webhooks/"),
                timeout,
                "webhook request for interaction " + Long.toUnsignedString(interactionId));
    }

    /** Every request that answered an interaction: its callback and webhook calls, in arrival order. */
    public List<RecordedRequest> interactionRequests(long interactionId) {
        return recorder.requests().stream()
                .filter(request -> request.interactionId() == interactionId)
                .toList();
    }

    /** Every REST request received, in arrival order. */
    public List<RecordedRequest> requests() {
        return recorder.requests();
    }

    /** Writes (PUT, POST, PATCH, DELETE) on command routes, global and guild, since the fake started. */
    public int commandWrites() {
        return state.commands().writes();
    }

    /** The commands Discord stores for the bot: a guild's, or the global ones for null. */
    public List<JsonNode> storedCommands(Long guildIdOrNull) {
        long scope = guildIdOrNull == null
                ? CommandStore.GLOBAL
                : state.guild(guildIdOrNull).id();
        List<JsonNode> commands = new ArrayList<>();
        state.commands().list(scope).forEach(commands::add);
        return commands;
    }

    /** Request bodies that Discord's OpenAPI description rejects; a well-behaved bot causes none. */
    public List<ValidationFailure> validationErrors() {
        return recorder.validationFailures();
    }

    /**
     * Requests the fake answered with an error: routes it does not serve (404), missing authorization, unknown
     * interactions, second acknowledgements, webhook calls before the callback, malformed bodies.
     */
    public List<RecordedRequest> unexpectedRequests() {
        return recorder.unexpected();
    }

    /** The distinct Authorization headers the bot sent. */
    public Set<String> authorizations() {
        return recorder.authorizations();
    }

    /** The payload ({@code d}) of the last IDENTIFY, with the intents the bot asked for. */
    public JsonNode identify() {
        JsonNode identify = gateway.lastIdentify();
        if (identify == null) {
            throw new IllegalStateException("No bot has identified on the fake gateway yet");
        }
        return identify;
    }

    public int identifyCount() {
        return gateway.identifies();
    }

    public int resumeCount() {
        return gateway.resumes();
    }

    /** The query strings of every gateway connection, e.g. {@code encoding=json&v=10&compress=zlib-stream}. */
    public List<String> gatewayConnectQueries() {
        return gateway.connectQueries();
    }

    /** Every payload the bot sent over the gateway, heartbeats included. */
    public List<JsonNode> gatewayPayloads() {
        return gateway.received();
    }

    /** Asks the bot to reconnect (gateway op 7), as Discord does when it moves a session; JDA then resumes. */
    public void requestReconnect() {
        gateway.requestReconnect();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            rest.close();
        } finally {
            try {
                gateway.stop(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private synchronized long inject(
            int type,
            FakeGuild guild,
            long userId,
            Collection<Permission> permissions,
            ObjectNode data,
            ObjectNode message) {
        long granted = Permission.getRaw(permissions) & ~FakeGuild.EVERYONE_PERMISSIONS;
        List<Long> roles = new ArrayList<>();
        if (granted != 0) {
            FakeGuild.Grant grant = guild.roleGranting(granted, state.ids());
            if (grant.created()) {
                ObjectNode roleCreate = JSON.createObjectNode().put("guild_id", Payloads.id(guild.id()));
                roleCreate.set("role", state.payloads().grantRole(grant));
                gateway.dispatch("GUILD_ROLE_CREATE", roleCreate);
            }
            roles.add(grant.roleId());
        }
        ObjectNode member =
                state.payloads().member(state.payloads().user(userId), roles, effectivePermissions(permissions));

        long interactionId = state.ids().next();
        String interactionToken = "fake-interaction-" + randomHex(24);
        ObjectNode interaction =
                state.payloads().interaction(interactionId, interactionToken, type, guild, member, data);
        Interactions.Pending pending =
                new Interactions.Pending(interactionId, interactionToken, guild, System.nanoTime());
        if (message != null) {
            interaction.set("message", message);
            pending.putMessage("@original", message);
        }
        state.interactions().add(pending);
        gateway.dispatch("INTERACTION_CREATE", interaction);
        return interactionId;
    }

    private String randomHex(int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return HexFormat.of().formatHex(value);
    }

    private ObjectNode registeredCommand(long guildId, String name) {
        state.guild(guildId);
        return state.commands()
                .resolve(guildId, name)
                .orElseThrow(() -> new IllegalArgumentException(
                        "No slash command '" + name + "' is registered for guild " + Long.toUnsignedString(guildId)
                                + " or globally; Discord only sends interactions for registered commands"));
    }

    private static ObjectNode commandData(ObjectNode command) {
        ObjectNode data = JSON.createObjectNode();
        data.put("id", command.path("id").asText());
        data.put("name", command.path("name").asText());
        data.put("type", command.path("type").asInt(1));
        if (command.hasNonNull("guild_id")) {
            data.put("guild_id", command.path("guild_id").asText());
        }
        return data;
    }

    /** A member's permissions from @everyone and the given ones; an administrator holds them all. */
    private static long effectivePermissions(Collection<Permission> permissions) {
        long total = FakeGuild.EVERYONE_PERMISSIONS | Permission.getRaw(permissions);
        return (total & Permission.ADMINISTRATOR.getRawValue()) != 0 ? Permission.getRaw(Permission.values()) : total;
    }

    /**
     * The interaction data of a command being run, down to the subcommand it names.
     *
     * @param leaf the object whose {@code options} receive the user's values: the data, or the subcommand's option
     * @param definition the registered command or subcommand whose options the user fills in
     * @param shownName the command as the user sees it, e.g. {@code /daily set}
     */
    private record Invocation(ObjectNode data, ObjectNode leaf, JsonNode definition, String shownName) {

        ArrayNode values() {
            return leaf.has("options") ? (ArrayNode) leaf.get("options") : leaf.putArray("options");
        }

        /** The channels Discord resolves for the interaction, which JDA reads for channel options. */
        ObjectNode resolvedChannels() {
            ObjectNode resolved = data.has("resolved") ? (ObjectNode) data.get("resolved") : data.putObject("resolved");
            return resolved.has("channels") ? (ObjectNode) resolved.get("channels") : resolved.putObject("channels");
        }
    }

    private Invocation invocation(long guildId, String name) {
        String[] words = name.trim().split("\\s+");
        ObjectNode command = registeredCommand(guildId, words[0]);
        ObjectNode data = commandData(command);
        ObjectNode leaf = data;
        JsonNode definition = command;
        String shownName = "/" + words[0];
        for (int i = 1; i < words.length; i++) {
            Invocation sofar = new Invocation(data, leaf, definition, shownName);
            JsonNode chosen = optionDefinition(sofar, words[i]);
            int type = chosen.path("type").asInt();
            boolean last = i == words.length - 1;
            boolean fits = type == SUB_COMMAND_GROUP ? !last : type == SUB_COMMAND && last;
            if (!fits) {
                throw new IllegalArgumentException("'" + String.join(" ", words) + "' does not name a subcommand: '"
                        + words[i] + "' of " + shownName + " is "
                        + (type == SUB_COMMAND_GROUP
                                ? "a group of " + subcommands(chosen)
                                : type == SUB_COMMAND ? "a subcommand, which has none" : "an option"));
            }
            leaf = sofar.values().addObject().put("name", words[i]).put("type", type);
            definition = chosen;
            shownName += " " + words[i];
        }
        List<String> subcommands = subcommands(definition);
        if (!subcommands.isEmpty()) {
            throw new IllegalArgumentException(shownName + " has subcommands " + subcommands
                    + "; Discord runs only a subcommand, e.g. \"" + shownName.substring(1) + " "
                    + subcommands.get(0) + "\"");
        }
        return new Invocation(data, leaf, definition, shownName);
    }

    private static List<String> subcommands(JsonNode definition) {
        List<String> names = new ArrayList<>();
        for (JsonNode option : definition.path("options")) {
            int type = option.path("type").asInt();
            if (type == SUB_COMMAND || type == SUB_COMMAND_GROUP) {
                names.add(option.path("name").asText());
            }
        }
        return names;
    }

    private ObjectNode optionValue(
            Invocation invocation, String name, String value, FakeGuild guild, long memberPermissions) {
        JsonNode definition = optionDefinition(invocation, name);
        int type = definition.path("type").asInt();
        if (type == SUB_COMMAND || type == SUB_COMMAND_GROUP) {
            throw new IllegalArgumentException("'" + name + "' of " + invocation.shownName()
                    + " is a subcommand; name it with the command, e.g. \""
                    + invocation.shownName().substring(1)
                    + " " + name + "\"");
        }
        ObjectNode option = JSON.createObjectNode().put("name", name).put("type", type);
        switch (type) {
            case INTEGER -> option.put("value", Long.parseLong(value));
            case BOOLEAN -> option.put("value", Boolean.parseBoolean(value));
            case NUMBER -> option.put("value", Double.parseDouble(value));
            case CHANNEL -> {
                FakeChannel channel = pickableChannel(invocation, definition, guild, value);
                option.put("value", Payloads.id(channel.id()));
                invocation
                        .resolvedChannels()
                        .set(
                                Payloads.id(channel.id()),
                                state.payloads().resolvedChannel(channel, guild.deniedToBot(), memberPermissions));
            }
            default -> option.put("value", value);
        }
        return option;
    }

    /** The channel a channel option names; Discord's picker offers only the guild's channels of the allowed types. */
    private FakeChannel pickableChannel(Invocation invocation, JsonNode definition, FakeGuild guild, String value) {
        String problem =
                invocation.shownName() + " option '" + definition.path("name").asText() + "': ";
        long channelId;
        try {
            channelId = Long.parseUnsignedLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(problem + "a channel option takes a channel id, not '" + value + "'");
        }
        FakeChannel channel = state.channel(channelId)
                .filter(found -> found.guildId() == guild.id() && !found.isDeleted())
                .orElseThrow(() -> new IllegalArgumentException(
                        problem + "guild " + Long.toUnsignedString(guild.id()) + " has no channel " + value));
        List<Integer> allowed = new ArrayList<>();
        definition.path("channel_types").forEach(channelType -> allowed.add(channelType.asInt()));
        if (!allowed.isEmpty() && !allowed.contains(channel.type())) {
            throw new IllegalArgumentException(
                    problem + channel + " has type " + channel.type() + ", and the option only allows " + allowed);
        }
        return channel;
    }

    private static JsonNode optionDefinition(Invocation invocation, String name) {
        List<String> defined = new ArrayList<>();
        for (JsonNode option : invocation.definition().path("options")) {
            if (option.path("name").asText().equals(name)) {
                return option;
            }
            defined.add(option.path("name").asText());
        }
        throw new IllegalArgumentException(
                invocation.shownName() + " has no option '" + name + "'; it was registered with " + defined);
    }

    private static ObjectNode parseObject(String json) {
        try {
            JsonNode node = JSON.readTree(json);
            if (!node.isObject()) {
                throw new IllegalArgumentException("Expected a JSON object, got: " + json);
            }
            return (ObjectNode) node;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not JSON: " + json, e);
        }
    }
}
