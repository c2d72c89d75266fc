package dev.workshopbot.discord.fake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.Permission;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The REST half of the fake Discord: a JDK HTTP server on 127.0.0.1 answering the routes JDA calls for the bot,
 * recording every request and checking its body against Discord's OpenAPI description.
 */
final class FakeRest implements AutoCloseable {

    /**
     * The API version prefix of every route. JDA appends route segments to the configured base URL
     * ({@code RestConfig.setBaseUrl}), so the base URL must end with this prefix and a slash.
     */
    static final String API_PREFIX = "/api/v10";

    private static final Logger LOG = LoggerFactory.getLogger(FakeRest.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");
    private static final int DEFAULT_HISTORY = 50;
    private static final int MAX_HISTORY = 100;
    private static final int DEFAULT_AUTO_ARCHIVE_MINUTES = 1440;
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(5);

    private final FakeState state;
    private final ApiSpec spec;
    private final Recorder recorder;
    private final Supplier<String> gatewayUrl;
    private final BiConsumer<String, JsonNode> announce;
    private final RateLimits rateLimits;
    private final List<Route> routes = new ArrayList<>();
    private final ExecutorService executor;
    private final HttpServer server;
    private int inFlight;

    private record Route(String method, String template, Pattern pattern, List<String> names, Handler handler) {}

    @FunctionalInterface
    private interface Handler {
        Reply handle(Call call);
    }

    /** One request after routing: the route's placeholders and the query's parameters by name, and the parsed body. */
    private record Call(Map<String, String> params, Map<String, String> query, JsonNode body) {

        String param(String name) {
            return params.get(name);
        }

        /** A snowflake from the query string, 0 when absent; Discord answers 400 for one that is not a number. */
        long querySnowflake(String name) {
            String value = query.get(name);
            if (value == null) {
                return 0;
            }
            try {
                return Long.parseUnsignedLong(value);
            } catch (NumberFormatException e) {
                throw new Refusal(Reply.error(400, 50035, "Invalid Form Body"));
            }
        }

        int queryInt(String name, int absent) {
            String value = query.get(name);
            if (value == null) {
                return absent;
            }
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new Refusal(Reply.error(400, 50035, "Invalid Form Body"));
            }
        }

        long id(String name) {
            try {
                return Long.parseUnsignedLong(params.get(name));
            } catch (NumberFormatException e) {
                throw new Refusal(Reply.error(404, 0, "404: Not Found"));
            }
        }
    }

    private record Reply(int status, JsonNode body) {

        static Reply ok(JsonNode body) {
            return new Reply(200, body);
        }

        static Reply noContent() {
            return new Reply(204, null);
        }

        static Reply error(int status, int code, String message) {
            ObjectNode error = JSON.createObjectNode();
            error.put("message", message);
            error.put("code", code);
            return new Reply(status, error);
        }
    }

    /** Ends a handler early with the error Discord would answer. */
    private static final class Refusal extends RuntimeException {
        private final transient Reply reply;

        Refusal(Reply reply) {
            super(reply.body().path("message").asText(), null, false, false);
            this.reply = reply;
        }
    }

    /**
     * Starts the server.
     *
     * @param announce sends a gateway dispatch to the connected bot, if any, for changes a request makes
     */
    FakeRest(
            FakeState state,
            ApiSpec spec,
            Recorder recorder,
            Supplier<String> gatewayUrl,
            BiConsumer<String, JsonNode> announce,
            RateLimits rateLimits)
            throws IOException {
        this.state = state;
        this.spec = spec;
        this.recorder = recorder;
        this.gatewayUrl = gatewayUrl;
        this.announce = announce;
        this.rateLimits = rateLimits;
        defineRoutes();
        this.executor = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "fake-discord-rest");
            thread.setDaemon(true);
            return thread;
        });
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        server.createContext("/", this::exchange);
        server.setExecutor(executor);
        server.start();
    }

    /** The base URL to give JDA's {@code RestConfig}. */
    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + API_PREFIX + "/";
    }

    /**
     * Stops the server once the exchanges in progress have sent their responses: a request is recorded before its
     * response goes out, so a test may already be closing while JDA still reads that response.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (!Waits.until(this, () -> inFlight == 0, CLOSE_GRACE)) {
                LOG.warn("Closing the fake Discord with {} requests still being answered", inFlight);
            }
        }
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void defineRoutes() {
        route("GET", "/users/@me", call -> Reply.ok(state.payloads().botUser()));
        route("GET", "/gateway", call -> Reply.ok(JSON.createObjectNode().put("url", gatewayUrl.get())));
        route("GET", "/gateway/bot", call -> Reply.ok(gatewayBot()));
        route("GET", "/applications/@me", call -> Reply.ok(state.payloads().application()));
        route(
                "GET",
                "/oauth2/applications/@me",
                call -> Reply.ok(state.payloads().application()));
        commandRoutes("/applications/{app}/commands");
        commandRoutes("/applications/{app}/guilds/{guild}/commands");
        route("POST", "/interactions/{interaction}/{token}/callback", this::callback);
        route("POST", "/webhooks/{app}/{token}", this::followUp);
        route("GET", "/webhooks/{app}/{token}/messages/{message}", this::getWebhookMessage);
        route("PATCH", "/webhooks/{app}/{token}/messages/{message}", this::editWebhookMessage);
        route("DELETE", "/webhooks/{app}/{token}/messages/{message}", this::deleteWebhookMessage);
        route("POST", "/users/@me/channels", this::openDm);
        route("POST", "/channels/{channel}/messages", this::createMessage);
        route("GET", "/channels/{channel}/messages", this::history);
        route("POST", "/channels/{channel}/messages/{message}/threads", this::startThread);
    }

    /** Sends a message; a repeated nonce with {@code enforce_nonce} returns the earlier message instead. */
    /** Opens (or finds) the DM channel with {@code recipient_id}; whether the member accepts DMs shows on sending. */
    private Reply openDm(Call call) {
        JsonNode body = objectBody(call);
        long userId = Long.parseLong(body.path("recipient_id").asText("0"));
        long channelId = state.dmChannel(userId);
        return Reply.ok(state.payloads().dmChannel(channelId, userId));
    }

    private Reply createMessage(Call call) {
        Optional<Long> recipient = state.dmRecipient(call.id("channel"));
        if (recipient.isPresent()) {
            if (state.dmsClosed(recipient.get())) {
                return Reply.error(403, 50007, "Cannot send messages to this user");
            }
            JsonNode body = objectBody(call);
            if (!hasContent(body)) {
                return Reply.error(400, 50006, "Cannot send an empty message");
            }
            ObjectNode message = state.payloads().directMessage(state.ids().next(), call.id("channel"), body);
            state.recordDirectMessage(recipient.get(), message);
            return Reply.ok(message);
        }
        FakeChannel channel = liveChannel(call);
        requireBot(channel, Permission.VIEW_CHANNEL);
        requireBot(channel, channel.isThread() ? Permission.MESSAGE_SEND_IN_THREADS : Permission.MESSAGE_SEND);
        JsonNode body = objectBody(call);
        if (!hasContent(body)) {
            return Reply.error(400, 50006, "Cannot send an empty message");
        }
        Optional<Reply> badUrl = badEmbedUrl(body, state.refusesEmbedUrls(channel.id()));
        if (badUrl.isPresent()) {
            return badUrl.get();
        }
        FakeChannel.Created created = channel.create(
                body.get("nonce"),
                body.path("enforce_nonce").asBoolean(false),
                state.clock().instant(),
                state.ids().next(),
                messageId -> state.payloads().channelMessage(messageId, channel, body));
        return Reply.ok(created.message());
    }

    /**
     * Discord's answer to an embed whose URL it cannot parse (a space, {@code <}, {@code >} or {@code "} in it):
     * 400 Invalid Form Body with the field named, as Discord does; the OpenAPI description only says "uri".
     */
    private static Optional<Reply> badEmbedUrl(JsonNode body, boolean refuseAny) {
        JsonNode embeds = body.path("embeds");
        for (int i = 0; i < embeds.size(); i++) {
            JsonNode url = embeds.get(i).get("url");
            if (url != null && url.isTextual() && (refuseAny || !wellFormed(url.asText()))) {
                ObjectNode error = (ObjectNode)
                        Reply.error(400, 50035, "Invalid Form Body").body();
                error.putObject("errors")
                        .putObject("embeds")
                        .putObject(Integer.toString(i))
                        .putObject("url")
                        .putArray("_errors")
                        .addObject()
                        .put("code", "URL_TYPE_INVALID_URL")
                        .put("message", "Not a well formed URL.");
                return Optional.of(new Reply(400, error));
            }
        }
        return Optional.empty();
    }

    private static boolean wellFormed(String url) {
        try {
            URI uri = new URI(url);
            return uri.getScheme() != null && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** A page of the channel's messages, newest first; empty when the bot may not read history, as on Discord. */
    private Reply history(Call call) {
        FakeChannel channel = liveChannel(call);
        requireBot(channel, Permission.VIEW_CHANNEL);
        int limit = call.queryInt("limit", DEFAULT_HISTORY);
        if (limit < 1 || limit > MAX_HISTORY) {
            return Reply.error(400, 50035, "Invalid Form Body");
        }
        ArrayNode page = JSON.createArrayNode();
        if (botMay(channel, Permission.MESSAGE_HISTORY)) {
            channel.history(
                            limit,
                            call.querySnowflake("before"),
                            call.querySnowflake("after"),
                            call.querySnowflake("around"))
                    .forEach(page::add);
        }
        return Reply.ok(page);
    }

    /** Starts a public thread on a message, announced with THREAD_CREATE as Discord does. */
    private Reply startThread(Call call) {
        FakeChannel channel = liveChannel(call);
        if (channel.isThread()) {
            return Reply.error(400, 50024, "Cannot execute action on this channel type");
        }
        requireBot(channel, Permission.VIEW_CHANNEL);
        requireBot(channel, Permission.CREATE_PUBLIC_THREADS);
        JsonNode body = objectBody(call);
        FakeChannel.ThreadStart start = channel.startThread(
                call.id("message"),
                body.path("name").asText(),
                body.path("auto_archive_duration").asInt(DEFAULT_AUTO_ARCHIVE_MINUTES),
                state.payloads()::thread);
        if (start.refusal() == FakeChannel.ThreadStart.Refusal.UNKNOWN_MESSAGE) {
            return unknownMessage();
        }
        if (start.refusal() == FakeChannel.ThreadStart.Refusal.THREAD_ALREADY_CREATED) {
            return Reply.error(400, 160004, "A thread has already been created for this message");
        }
        state.register(start.thread());
        ObjectNode thread = state.payloads().thread(start.thread());
        announce.accept("THREAD_CREATE", thread.deepCopy().put("newly_created", true));
        return new Reply(201, thread);
    }

    private FakeChannel liveChannel(Call call) {
        return state.channel(call.id("channel"))
                .filter(channel -> !channel.isDeleted())
                .orElseThrow(() -> new Refusal(Reply.error(404, 10003, "Unknown Channel")));
    }

    /** Refuses as Discord does: 50001 when the bot cannot see the channel, 50013 when it lacks another permission. */
    private void requireBot(FakeChannel channel, Permission permission) {
        if (!botMay(channel, permission)) {
            throw new Refusal(
                    permission == Permission.VIEW_CHANNEL
                            ? Reply.error(403, 50001, "Missing Access")
                            : Reply.error(403, 50013, "Missing Permissions"));
        }
    }

    private boolean botMay(FakeChannel channel, Permission permission) {
        return (state.guild(channel.guildId()).botPermissions() & permission.getRawValue()) != 0;
    }

    private static boolean hasContent(JsonNode body) {
        for (String field : List.of("content", "embeds", "components", "sticker_ids", "attachments", "poll")) {
            JsonNode value = body.get(field);
            if (value != null
                    && !value.isNull()
                    && !(value.isContainerNode() && value.isEmpty())
                    && !(value.isTextual() && value.asText().isEmpty())) {
                return true;
            }
        }
        return false;
    }

    private void commandRoutes(String base) {
        CommandStore commands = state.commands();
        route("GET", base, call -> Reply.ok(commands.list(scope(call))));
        route("PUT", base, call -> {
            commands.countWrite();
            if (call.body() == null || !call.body().isArray()) {
                return Reply.error(400, 50035, "Invalid Form Body");
            }
            return Reply.ok(commands.overwrite(scope(call), call.body()));
        });
        route("POST", base, call -> {
            commands.countWrite();
            CommandStore.Upsert upsert = commands.upsert(scope(call), objectBody(call));
            return new Reply(upsert.created() ? 201 : 200, upsert.command());
        });
        route(
                "GET",
                base + "/{command}",
                call -> commands.get(scope(call), call.id("command"))
                        .map(Reply::ok)
                        .orElseGet(FakeRest::unknownCommand));
        route("PATCH", base + "/{command}", call -> {
            commands.countWrite();
            return commands.edit(scope(call), call.id("command"), objectBody(call))
                    .map(Reply::ok)
                    .orElseGet(FakeRest::unknownCommand);
        });
        route("DELETE", base + "/{command}", call -> {
            commands.countWrite();
            return commands.delete(scope(call), call.id("command")) ? Reply.noContent() : unknownCommand();
        });
    }

    private Reply callback(Call call) {
        Interactions.Pending pending = state.interactions()
                .byId(call.id("interaction"))
                .filter(known -> known.token().equals(call.param("token")))
                .orElseThrow(() -> new Refusal(Reply.error(404, 10062, "Unknown interaction")));
        JsonNode body = objectBody(call);
        if (!pending.acknowledge()) {
            return Reply.error(400, 40060, "Interaction has already been acknowledged.");
        }
        JsonNode data = body.path("data").isObject() ? body.path("data") : JSON.createObjectNode();
        switch (body.path("type").asInt()) {
            case 4, 5 ->
                pending.putMessage(
                        "@original", state.payloads().message(state.ids().next(), pending.guild(), data));
            case 7 -> {
                ObjectNode original = pending.message("@original")
                        .orElseGet(() -> state.payloads().message(state.ids().next(), pending.guild(), data));
                Payloads.applyMessageFields(original, data);
                pending.putMessage("@original", original);
            }
            default -> {
                // 6 (deferred update), 8 (autocomplete result) and 9 (modal) leave the messages as they are.
            }
        }
        return Reply.noContent();
    }

    private Reply followUp(Call call) {
        Interactions.Pending pending = acknowledgedByToken(call);
        long messageId = state.ids().next();
        ObjectNode message = state.payloads().message(messageId, pending.guild(), objectBody(call));
        pending.putMessage(Long.toUnsignedString(messageId), message);
        return Reply.ok(message);
    }

    private Reply getWebhookMessage(Call call) {
        return acknowledgedByToken(call)
                .message(call.param("message"))
                .map(Reply::ok)
                .orElseGet(FakeRest::unknownMessage);
    }

    private Reply editWebhookMessage(Call call) {
        Interactions.Pending pending = acknowledgedByToken(call);
        Optional<ObjectNode> found = pending.message(call.param("message"));
        if (found.isEmpty()) {
            return unknownMessage();
        }
        ObjectNode message = found.get();
        Payloads.applyMessageFields(message, objectBody(call));
        message.put("edited_timestamp", Snowflakes.timestampOf(state.ids().next()));
        pending.putMessage(call.param("message"), message);
        return Reply.ok(message);
    }

    private Reply deleteWebhookMessage(Call call) {
        return acknowledgedByToken(call).removeMessage(call.param("message")) ? Reply.noContent() : unknownMessage();
    }

    /** The interaction a webhook call belongs to; Discord only honours its token once the interaction is answered. */
    private Interactions.Pending acknowledgedByToken(Call call) {
        checkApplication(call);
        return state.interactions()
                .byToken(call.param("token"))
                .filter(Interactions.Pending::isAcknowledged)
                .orElseThrow(() -> new Refusal(Reply.error(404, 10015, "Unknown Webhook")));
    }

    private long scope(Call call) {
        checkApplication(call);
        if (call.param("guild") == null) {
            return CommandStore.GLOBAL;
        }
        long guildId = call.id("guild");
        if (!state.guilds().containsKey(guildId)) {
            throw new Refusal(Reply.error(403, 50001, "Missing Access"));
        }
        return guildId;
    }

    private void checkApplication(Call call) {
        if (call.id("app") != state.applicationId()) {
            throw new Refusal(Reply.error(404, 10002, "Unknown Application"));
        }
    }

    private static JsonNode objectBody(Call call) {
        if (call.body() == null || !call.body().isObject()) {
            throw new Refusal(Reply.error(400, 50035, "Invalid Form Body"));
        }
        return call.body();
    }

    private static Reply unknownCommand() {
        return Reply.error(404, 10063, "Unknown application command");
    }

    private static Reply unknownMessage() {
        return Reply.error(404, 10008, "Unknown Message");
    }

    private ObjectNode gatewayBot() {
        ObjectNode gateway = JSON.createObjectNode();
        gateway.put("url", gatewayUrl.get());
        gateway.put("shards", 1);
        gateway.putObject("session_start_limit")
                .put("total", 1000)
                .put("remaining", 1000)
                .put("reset_after", 0)
                .put("max_concurrency", 1);
        return gateway;
    }

    private void route(String method, String template, Handler handler) {
        List<String> names = new ArrayList<>();
        Matcher placeholder = PLACEHOLDER.matcher(template);
        StringBuilder regex = new StringBuilder();
        int last = 0;
        while (placeholder.find()) {
            regex.append(Pattern.quote(template.substring(last, placeholder.start())))
                    .append("([^/]+)");
            names.add(placeholder.group(1));
            last = placeholder.end();
        }
        regex.append(Pattern.quote(template.substring(last)));
        routes.add(new Route(method, template, Pattern.compile(regex.toString()), names, handler));
    }

    private void exchange(HttpExchange exchange) throws IOException {
        synchronized (this) {
            inFlight++;
        }
        try (exchange) {
            respond(exchange);
        } finally {
            synchronized (this) {
                inFlight--;
                notifyAll();
            }
        }
    }

    private void respond(HttpExchange exchange) throws IOException {
        long receivedNanos = System.nanoTime();
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        String fullPath = exchange.getRequestURI().getPath();
        String query = exchange.getRequestURI().getRawQuery();
        Headers headers = exchange.getRequestHeaders();
        String contentType = headers.getFirst("Content-Type");
        String authorization = headers.getFirst("Authorization");
        byte[] raw = exchange.getRequestBody().readAllBytes();

        String path = fullPath.startsWith(API_PREFIX + "/") ? fullPath.substring(API_PREFIX.length()) : null;
        Optional<Route> route = path == null
                ? Optional.empty()
                : routes.stream()
                        .filter(candidate -> candidate.method().equals(method)
                                && candidate.pattern().matcher(path).matches())
                        .findFirst();
        String recordedPath = path == null ? fullPath : path;

        Reply reply;
        JsonNode body = null;
        Map<String, String> params = route.map(found -> params(found, path)).orElse(Map.of());
        RateLimits.Verdict verdict = rateLimits.admit(
                route.map(found -> method + " " + found.template()).orElse(method + " unknown"),
                major(params),
                isInteractionRoute(recordedPath),
                state.clock().instant());
        try {
            body = parseBody(raw, contentType);
            if (path != null) {
                validate(method, path, body);
            }
            reply = verdict.admitted()
                    ? answer(route, authorization, new Call(params, query(query), body), method, recordedPath)
                    : tooManyRequests(verdict);
        } catch (JsonProcessingException e) {
            recorder.validationFailed(new ValidationFailure(
                    method,
                    recordedPath,
                    new String(raw, StandardCharsets.UTF_8),
                    List.of("not JSON: " + e.getOriginalMessage())));
            reply = Reply.error(400, 50109, "The request body contains invalid JSON.");
        }

        Optional<Interactions.Pending> interaction = interactionOf(params);
        recorder.record(new RecordedRequest(
                method,
                recordedPath,
                query,
                contentType,
                authorization,
                body,
                reply.status(),
                interaction.map(Interactions.Pending::id).orElse(0L),
                interaction
                        .map(pending -> pending.sinceInjection(receivedNanos))
                        .orElse(null)));
        send(exchange, reply, verdict.headers());
    }

    private static Reply tooManyRequests(RateLimits.Verdict verdict) {
        ObjectNode body = JSON.createObjectNode();
        body.put("message", "You are being rate limited.");
        body.put("retry_after", Double.parseDouble(RateLimits.seconds(verdict.retryAfter())));
        body.put("global", verdict.global());
        return new Reply(429, body);
    }

    /** The route's major parameter, which Discord splits buckets by: the channel, guild or webhook it acts on. */
    private static String major(Map<String, String> params) {
        if (params.containsKey("channel")) {
            return "channel=" + params.get("channel");
        }
        if (params.containsKey("guild")) {
            return "guild=" + params.get("guild");
        }
        if (params.containsKey("token")) {
            return "webhook=" + params.getOrDefault("app", params.get("interaction")) + "/" + params.get("token");
        }
        return "";
    }

    private static boolean isInteractionRoute(String path) {
        return path.startsWith("/interactions/") || path.startsWith("/webhooks/");
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> query = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            query.put(
                    URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return query;
    }

    private Reply answer(Optional<Route> route, String authorization, Call call, String method, String path) {
        if (route.isEmpty()) {
            return Reply.error(404, 0, "404: Not Found");
        }
        if (!isInteractionRoute(path) && (authorization == null || !authorization.startsWith("Bot "))) {
            return Reply.error(401, 0, "401: Unauthorized");
        }
        try {
            return route.get().handler().handle(call);
        } catch (Refusal refusal) {
            return refusal.reply;
        } catch (RuntimeException e) {
            LOG.error("The fake Discord failed on {} {}", method, path, e);
            return Reply.error(500, 0, "fake Discord failed: " + e);
        }
    }

    private void validate(String method, String path, JsonNode body) {
        List<String> problems = spec.check(method, path, body);
        if (!problems.isEmpty()) {
            recorder.validationFailed(new ValidationFailure(method, path, String.valueOf(body), problems));
        }
    }

    private static JsonNode parseBody(byte[] raw, String contentType) throws JsonProcessingException {
        if (raw.length == 0) {
            return null;
        }
        if (Multipart.isMultipart(contentType)) {
            byte[] payload = Multipart.parts(raw, contentType).get("payload_json");
            return payload == null ? null : JSON.readTree(new String(payload, StandardCharsets.UTF_8));
        }
        return JSON.readTree(new String(raw, StandardCharsets.UTF_8));
    }

    private static Map<String, String> params(Route route, String path) {
        Matcher matcher = route.pattern().matcher(path);
        if (!matcher.matches()) {
            throw new IllegalStateException("route " + route.template() + " no longer matches " + path);
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < route.names().size(); i++) {
            params.put(route.names().get(i), matcher.group(i + 1));
        }
        return params;
    }

    private Optional<Interactions.Pending> interactionOf(Map<String, String> params) {
        if (params.containsKey("token")) {
            return state.interactions().byToken(params.get("token"));
        }
        return Optional.empty();
    }

    private static void send(HttpExchange exchange, Reply reply, Map<String, String> rateLimitHeaders)
            throws IOException {
        Headers headers = exchange.getResponseHeaders();
        rateLimitHeaders.forEach(headers::set);
        // Discord's answers pass its proxy; JDA takes a 429 without this header for a Cloudflare ban of every route.
        headers.set("Via", "1.1 google");
        if (reply.body() == null) {
            exchange.sendResponseHeaders(reply.status(), -1);
            return;
        }
        byte[] bytes = JSON.writeValueAsBytes(reply.body());
        headers.set("Content-Type", "application/json");
        exchange.sendResponseHeaders(reply.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
