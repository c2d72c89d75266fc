package dev.workshopbot.discord.fake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
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
 * bot sends back, and checks each request body against Discord's OpenAPI description.
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
    private static final int SUB_COMMAND = 1;
    private static final int SUB_COMMAND_GROUP = 2;
    private static final int INTEGER = 4;
    private static final int BOOLEAN = 5;
    private static final int NUMBER = 10;

    private final FakeState state;
    private final Recorder recorder = new Recorder();
    private final FakeGateway gateway;
    private final FakeRest rest;
    private final String token;
    private final SecureRandom random = new SecureRandom();
    private final AtomicBoolean closed = new AtomicBoolean();

    private FakeDiscord(FakeState state, ApiSpec spec) throws IOException, InterruptedException {
        this.state = state;
        this.token = "fake-bot-token-" + randomHex(8);
        this.gateway = new FakeGateway(state);
        gateway.startAndWait(START_TIMEOUT);
        try {
            this.rest = new FakeRest(state, spec, recorder, gateway::url);
        } catch (IOException | RuntimeException e) {
            gateway.stop(1000);
            throw e;
        }
    }

    /** Starts a fake Discord in which the bot is a member of these guilds, each with one text channel. */
    public static FakeDiscord start(long... guildIds) {
        Snowflakes ids = new Snowflakes();
        long botUserId = ids.next();
        long applicationId = ids.next();
        Map<Long, FakeGuild> guilds = new LinkedHashMap<>();
        for (long guildId : guildIds) {
            guilds.put(guildId, new FakeGuild(guildId, ids.next(), ids.next()));
        }
        FakeState state = new FakeState(ids, botUserId, applicationId, guilds,
                new Payloads(botUserId, applicationId), new CommandStore(ids, applicationId), new Interactions());
        try {
            return new FakeDiscord(state, ApiSpec.shared());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the fake Discord", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting the fake Discord", e);
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

    public long textChannelId(long guildId) {
        return state.guild(guildId).textChannelId();
    }

    /** Waits until a bot session has identified and been sent READY and every GUILD_CREATE. */
    public void awaitReady(Duration timeout) {
        gateway.awaitReady(timeout);
    }

    /**
     * Injects a slash command as a member of the guild would run it. The command must have been registered (guild
     * commands win over global ones); option values are converted to the option types it was registered with.
     *
     * @param options option values by name, in the order the user filled them in
     * @param permissions permissions the member holds beyond @everyone's, granted through a role the fake creates
     * @return the interaction id, for {@link #awaitCallback}
     */
    public long injectSlashCommand(long guildId, long userId, String name, Map<String, String> options,
            Collection<Permission> permissions) {
        ObjectNode command = registeredCommand(guildId, name);
        ObjectNode data = commandData(command);
        if (!options.isEmpty()) {
            ArrayNode values = data.putArray("options");
            options.forEach((option, value) -> values.add(optionValue(command, option, value)));
        }
        return inject(APPLICATION_COMMAND, state.guild(guildId), userId, permissions, data, null);
    }

    /**
     * Injects an autocomplete request: the user is typing {@code typed} into {@code focusedOption}, which must have
     * been registered with autocomplete enabled, as Discord only asks for those.
     */
    public long injectAutocomplete(long guildId, long userId, String command, String focusedOption, String typed,
            Map<String, String> otherOptions) {
        ObjectNode registered = registeredCommand(guildId, command);
        JsonNode focusedDefinition = optionDefinition(registered, focusedOption);
        if (!focusedDefinition.path("autocomplete").asBoolean(false)) {
            throw new IllegalArgumentException("/" + command + " option '" + focusedOption
                    + "' was not registered with autocomplete, so Discord would never ask for suggestions");
        }
        ObjectNode data = commandData(registered);
        ArrayNode values = data.putArray("options");
        otherOptions.forEach((option, value) -> values.add(optionValue(registered, option, value)));
        // Discord sends what the user has typed so far as a string, whatever the option's type.
        values.addObject().put("name", focusedOption).put("type", focusedDefinition.path("type").asInt())
                .put("value", typed).put("focused", true);
        return inject(APPLICATION_COMMAND_AUTOCOMPLETE, state.guild(guildId), userId, List.of(), data, null);
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

    /** The bot's callback (POST /interactions/{id}/{token}/callback) for an injected interaction. */
    public RecordedRequest awaitCallback(long interactionId, Duration timeout) {
        return recorder.await(request -> request.interactionId() == interactionId && request.isCallback(), timeout,
                "callback for interaction " + Long.toUnsignedString(interactionId));
    }

    /** The bot's first webhook request (follow-up, or an edit or delete of the original) for an interaction. */
    public RecordedRequest awaitFollowUp(long interactionId, Duration timeout) {
        return recorder.await(request -> request.interactionId() == interactionId
                && request.path().startsWith("/webhooks/"), timeout,
                "webhook request for interaction " + Long.toUnsignedString(interactionId));
    }

    /** Every request that answered an interaction: its callback and webhook calls, in arrival order. */
    public List<RecordedRequest> interactionRequests(long interactionId) {
        return recorder.requests().stream().filter(request -> request.interactionId() == interactionId).toList();
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
        long scope = guildIdOrNull == null ? CommandStore.GLOBAL : state.guild(guildIdOrNull).id();
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

    private synchronized long inject(int type, FakeGuild guild, long userId, Collection<Permission> permissions,
            ObjectNode data, ObjectNode message) {
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
        long total = FakeGuild.EVERYONE_PERMISSIONS | granted;
        long effective = (total & Permission.ADMINISTRATOR.getRawValue()) != 0 ? Permission.getRaw(Permission.values()) : total;
        ObjectNode member = state.payloads().member(state.payloads().user(userId), roles, effective);

        long interactionId = state.ids().next();
        String interactionToken = "fake-interaction-" + randomHex(24);
        ObjectNode interaction = state.payloads().interaction(interactionId, interactionToken, type, guild, member,
                data);
        Interactions.Pending pending = new Interactions.Pending(interactionId, interactionToken, guild,
                System.nanoTime());
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
        return state.commands().resolve(guildId, name).orElseThrow(() -> new IllegalArgumentException(
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

    private static ObjectNode optionValue(ObjectNode command, String name, String value) {
        int type = optionDefinition(command, name).path("type").asInt();
        if (type == SUB_COMMAND || type == SUB_COMMAND_GROUP) {
            throw new IllegalArgumentException("'" + name + "' of /" + command.path("name").asText()
                    + " is a subcommand; the fake injects top-level options only");
        }
        ObjectNode option = JSON.createObjectNode().put("name", name).put("type", type);
        switch (type) {
            case INTEGER -> option.put("value", Long.parseLong(value));
            case BOOLEAN -> option.put("value", Boolean.parseBoolean(value));
            case NUMBER -> option.put("value", Double.parseDouble(value));
            default -> option.put("value", value);
        }
        return option;
    }

    private static JsonNode optionDefinition(ObjectNode command, String name) {
        List<String> defined = new ArrayList<>();
        for (JsonNode option : command.path("options")) {
            if (option.path("name").asText().equals(name)) {
                return option;
            }
            defined.add(option.path("name").asText());
        }
        throw new IllegalArgumentException("/" + command.path("name").asText() + " has no option '" + name
                + "'; it was registered with " + defined);
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
