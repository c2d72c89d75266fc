package dev.workshopbot.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code config/bot.yml} as immutable, typed records: every value is parsed once, here, and every problem of a file
 * and its environment overrides is reported at once, each with its key (and line, or variable).
 */
public record BotConfig(
        Discord discord,
        Content content,
        Daily daily,
        Storage storage,
        Http http,
        Search search,
        Insights insights,
        Progress progress) {

    private static final String ENV_PREFIX = "WORKSHOP_BOT_";
    private static final Map<String, Class<? extends Record>> SECTIONS = Map.of(
            "discord",
            Discord.class,
            "content",
            Content.class,
            "daily",
            Daily.class,
            "storage",
            Storage.class,
            "http",
            Http.class,
            "search",
            Search.class,
            "insights",
            Insights.class,
            "progress",
            Progress.class);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    public BotConfig {
        Objects.requireNonNull(discord, "discord");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(daily, "daily");
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(search, "search");
        Objects.requireNonNull(insights, "insights");
        Objects.requireNonNull(progress, "progress");
    }

    /** Every built-in default, as with an empty file and no variables. */
    public static BotConfig defaults() {
        return read(YAML.createObjectNode(), new ConfigReader(YAML.createObjectNode(), "defaults", Map.of()));
    }

    /** {@code discord.*}; the token is not here on purpose: it comes from {@code DISCORD_TOKEN} only. */
    public record Discord(
            Set<Long> guildIds,
            String apiBaseUrl,
            String gatewayUrl,
            Set<Long> moderatorRoleIds,
            int cooldownUses,
            Duration cooldownWindow,
            OptionalLong modLogChannelId) {

        public Discord {
            guildIds = Set.copyOf(guildIds);
            moderatorRoleIds = Set.copyOf(moderatorRoleIds);
            Objects.requireNonNull(apiBaseUrl, "discord.apiBaseUrl");
            Objects.requireNonNull(gatewayUrl, "discord.gatewayUrl");
            Objects.requireNonNull(cooldownWindow, "discord.cooldownWindow");
            Objects.requireNonNull(modLogChannelId, "discord.modLogChannelId");
            if (cooldownUses < 1) {
                throw new IllegalArgumentException("discord.cooldownUses must be at least 1, not " + cooldownUses);
            }
        }
    }

    /** {@code content.*}; without {@code siteBaseUrl} the bot knows no published site to link to. */
    public record Content(String dir, Optional<String> siteBaseUrl, boolean watch) {

        public Content {
            Objects.requireNonNull(dir, "content.dir");
            Objects.requireNonNull(siteBaseUrl, "content.siteBaseUrl");
        }

        public Path directory() {
            return Path.of(dir);
        }
    }

    /** {@code daily.*}. */
    public record Daily(
            LocalTime defaultTime, ZoneId defaultTimezone, Duration catchUpWindow, boolean thread, OnEnd onEnd) {

        /** What happens after the plan's last day. */
        public enum OnEnd {
            STOP,
            LOOP
        }

        public Daily {
            Objects.requireNonNull(defaultTime, "daily.defaultTime");
            Objects.requireNonNull(defaultTimezone, "daily.defaultTimezone");
            Objects.requireNonNull(catchUpWindow, "daily.catchUpWindow");
            Objects.requireNonNull(onEnd, "daily.onEnd");
        }

        public boolean loops() {
            return onEnd == OnEnd.LOOP;
        }
    }

    /** {@code storage.*}. */
    public record Storage(String url) {

        public Storage {
            Objects.requireNonNull(url, "storage.url");
        }
    }

    /**
     * {@code search.*}: {@code semantic} turns the in-process sentence embeddings on (the default) or off, leaving
     * {@code /search} and {@code /ask} to keyword search.
     */
    public record Search(boolean semantic) {}

    /**
     * {@code insights.*}: whether {@code /ask} and {@code /search} are recorded for {@code /insights} (as their search
     * words, time, hits and feedback; never who asked), and how long a record is kept.
     */
    public record Insights(boolean enabled, Duration retention) {}

    /**
     * {@code progress.*}: {@code leaderboard} shows a streak leaderboard in {@code /group-progress} (of members who
     * made their progress public; off by default), {@code reminderDelay} is how long after a server's post time an
     * opted-in member is reminded that yesterday's reading is unmarked (less than a day).
     */
    public record Progress(boolean leaderboard, Duration reminderDelay) {

        public Progress {
            Objects.requireNonNull(reminderDelay, "progress.reminderDelay");
            checkDelay(reminderDelay);
        }

        static Duration checkDelay(Duration delay) {
            if (delay.isNegative() || delay.compareTo(Duration.ofHours(23)) > 0) {
                throw new IllegalArgumentException(
                        "must be between 0 and 23h after the post time (the reminder " + "goes out the same day), not "
                                + delay.toString().substring(2).toLowerCase(Locale.ROOT));
            }
            return delay;
        }
    }

    /** {@code http.*}: where {@code /health} and {@code /metrics} listen; port 0 turns them off. */
    public record Http(int port, String host) {

        public Http {
            Objects.requireNonNull(host, "http.host");
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("http.port must be 0-65535, not " + port);
            }
        }
    }

    /** Reads the file without environment overrides. */
    public static BotConfig load(Path file) {
        return load(file, Map.of());
    }

    /**
     * Reads the file (a missing file means all defaults), then applies {@code WORKSHOP_BOT_<SECTION>_<KEY>}
     * variables from {@code env}, which win. Every bad key or value is reported in one {@link ConfigException}.
     */
    public static BotConfig load(Path file, Map<String, String> env) {
        String yaml;
        try {
            yaml = Files.readString(file);
        } catch (NoSuchFileException e) {
            yaml = "";
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot be read: " + e.getMessage());
        }
        ObjectNode tree;
        Map<String, Integer> lines;
        try (JsonParser parser = YAML.getFactory().createParser(yaml)) {
            lines = ConfigReader.keyLines(parser);
            JsonNode parsed = YAML.readTree(yaml);
            if (parsed != null && !parsed.isMissingNode() && !parsed.isNull() && !(parsed instanceof ObjectNode)) {
                throw new ConfigException(file + ": the file must be a map of sections (discord:, content:, …)");
            }
            tree = parsed instanceof ObjectNode object ? object : YAML.createObjectNode();
        } catch (JacksonException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new ConfigException(file + (line > 0 ? ":" + line : "") + ": not valid YAML: "
                    + e.getOriginalMessage().lines().findFirst().orElse(""));
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot be read: " + e.getMessage());
        }
        ConfigReader reader = new ConfigReader(tree, file.toString(), lines);
        checkKeys(tree, reader);
        override(tree, env, reader);
        BotConfig config = read(tree, reader);
        if (!reader.problems().isEmpty()) {
            throw new ConfigException(reader.problems());
        }
        return config;
    }

    private static BotConfig read(ObjectNode tree, ConfigReader in) {
        Discord discord = new Discord(
                in.read("discord.guildIds", Set.of(), node -> ids(node)),
                in.read("discord.apiBaseUrl", "https://discord.com/api/v10/", node -> url(node, "http")),
                in.read("discord.gatewayUrl", "wss://gateway.discord.gg", node -> url(node, "ws")),
                in.read("discord.moderatorRoleIds", Set.of(), node -> ids(node)),
                in.read("discord.cooldownUses", 5, node -> atLeastOne(node)),
                in.read("discord.cooldownWindow", Duration.ofSeconds(10), node -> duration(node)),
                in.read("discord.modLogChannelId", OptionalLong.empty(), node -> optionalId(node)));
        Content content = new Content(
                in.read("content.dir", "content", node -> text(node).isBlank() ? "content" : text(node)),
                in.read(
                        "content.siteBaseUrl",
                        Optional.empty(),
                        node -> text(node).isBlank() ? Optional.empty() : Optional.of(url(node, "http"))),
                in.read("content.watch", false, node -> bool(node)));
        Daily daily = new Daily(
                in.read("daily.defaultTime", LocalTime.of(9, 0), node -> time(node)),
                in.read("daily.defaultTimezone", ZoneId.of("UTC"), node -> zone(node)),
                in.read("daily.catchUpWindow", Duration.ofHours(6), node -> duration(node)),
                in.read("daily.thread", true, node -> bool(node)),
                in.read("daily.onEnd", Daily.OnEnd.STOP, node -> onEnd(node)));
        Storage storage = new Storage(in.read("storage.url", "jdbc:sqlite:data/workshop-bot.db", node -> jdbc(node)));
        Http http = new Http(
                in.read("http.port", 0, node -> port(node)), in.read("http.host", "127.0.0.1", node -> host(node)));
        Search search = new Search(in.read("search.semantic", true, node -> bool(node)));
        Insights insights = new Insights(
                in.read("insights.enabled", true, node -> bool(node)),
                in.read("insights.retention", Duration.ofDays(30), node -> duration(node)));
        Progress progress = new Progress(
                in.read("progress.leaderboard", false, node -> bool(node)),
                in.read("progress.reminderDelay", Duration.ofHours(10), node -> Progress.checkDelay(duration(node))));
        return new BotConfig(discord, content, daily, storage, http, search, insights, progress);
    }

    /** Unknown sections and keys, and a token written into the file. */
    private static void checkKeys(ObjectNode tree, ConfigReader in) {
        for (Map.Entry<String, JsonNode> section : tree.properties()) {
            Class<? extends Record> type = SECTIONS.get(section.getKey());
            if (type == null) {
                in.problem(section.getKey(), "unknown section; known sections: " + new TreeMap<>(SECTIONS).keySet());
                continue;
            }
            if (section.getValue().isNull()) {
                continue;
            }
            if (!(section.getValue() instanceof ObjectNode keys)) {
                in.problem(section.getKey(), "must be a map of keys (" + section.getKey() + ":\\n  key: value)");
                continue;
            }
            List<String> known = keys(type);
            for (String key : List.copyOf(
                    keys.properties().stream().map(Map.Entry::getKey).toList())) {
                String path = section.getKey() + "." + key;
                if (path.equals("discord.token")) {
                    in.problem(
                            path,
                            "the token is never read from a file; remove it and set the DISCORD_TOKEN "
                                    + "environment variable instead");
                } else if (!known.contains(key)) {
                    in.problem(path, "unknown key; known keys here: " + known);
                } else {
                    continue;
                }
                keys.remove(key);
            }
        }
    }

    /** Environment variables named after a key path replace that key's value (YAML syntax, so lists work). */
    private static void override(ObjectNode tree, Map<String, String> env, ConfigReader in) {
        for (Map.Entry<String, String> variable : new TreeMap<>(env).entrySet()) {
            String name = variable.getKey();
            if (!name.startsWith(ENV_PREFIX)) {
                continue;
            }
            String[] path = name.substring(ENV_PREFIX.length()).split("_", 2);
            String section = path[0].toLowerCase(Locale.ROOT);
            Class<? extends Record> type = SECTIONS.get(section);
            String key = type == null || path.length < 2 ? null : componentName(type, path[1]);
            if (section.equals("discord") && path.length == 2 && path[1].equalsIgnoreCase("token")) {
                in.problem(name + ": the token is read only from DISCORD_TOKEN");
                continue;
            }
            if (key == null) {
                in.problem(name + ": no such configuration key; variables are named "
                        + "WORKSHOP_BOT_<SECTION>_<KEY>, e.g. WORKSHOP_BOT_STORAGE_URL");
                continue;
            }
            JsonNode value;
            try {
                value = YAML.readTree(variable.getValue().isEmpty() ? "\"\"" : variable.getValue());
            } catch (JacksonException e) {
                in.problem(name + ": not a YAML value: "
                        + e.getOriginalMessage().lines().findFirst().orElse(""));
                continue;
            }
            JsonNode existing = tree.get(section);
            ObjectNode node = existing instanceof ObjectNode object ? object : tree.putObject(section);
            node.set(
                    key,
                    value == null || value.isMissingNode()
                            ? YAML.getNodeFactory().textNode("")
                            : value);
            in.overridden(section + "." + key, name);
        }
    }

    private static List<String> keys(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents())
                .map(RecordComponent::getName)
                .toList();
    }

    private static String componentName(Class<? extends Record> type, String envKey) {
        String wanted = envKey.replace("_", "").toLowerCase(Locale.ROOT);
        return keys(type).stream()
                .filter(name -> name.toLowerCase(Locale.ROOT).equals(wanted))
                .findFirst()
                .orElse(null);
    }

    private static String text(JsonNode node) {
        if (!node.isValueNode()) {
            throw new IllegalArgumentException("expected a single value, not " + (node.isArray() ? "a list" : "a map"));
        }
        return node.asText().strip();
    }

    private static boolean bool(JsonNode node) {
        String value = text(node).toLowerCase(Locale.ROOT);
        if (!value.equals("true") && !value.equals("false")) {
            throw new IllegalArgumentException("'" + text(node) + "' is not true or false");
        }
        return value.equals("true");
    }

    private static int integer(JsonNode node) {
        try {
            return Integer.parseInt(text(node));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text(node) + "' is not a whole number");
        }
    }

    private static int atLeastOne(JsonNode node) {
        int uses = integer(node);
        if (uses < 1) {
            throw new IllegalArgumentException(uses + " must be at least 1 (uses of one command per user per window)");
        }
        return uses;
    }

    private static int port(JsonNode node) {
        int port = integer(node);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(port + " is not a port; use 1-65535, or 0 for off");
        }
        return port;
    }

    /** {@code 6h}, {@code 90m}, {@code 10s} or ISO-8601 ({@code PT6H}); positive. */
    static Duration duration(JsonNode node) {
        String text = text(node);
        String value = text.toUpperCase(Locale.ROOT);
        try {
            Duration duration = value.matches("\\d+D")
                    ? Duration.ofDays(Long.parseLong(value.substring(0, value.length() - 1)))
                    : Duration.parse(value.matches("\\d+[HMS]") ? "PT" + value : value);
            if (!duration.isNegative() && !duration.isZero()) {
                return duration;
            }
        } catch (DateTimeParseException e) {
            // said below, with what to write instead
        }
        throw new IllegalArgumentException(
                "'" + text + "' is not a positive duration; write e.g. 30d, 6h, 90m, 10s or PT6H");
    }

    private static LocalTime time(JsonNode node) {
        try {
            return LocalTime.parse(text(node));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("'" + text(node) + "' is not a time; write HH:mm, e.g. 09:00");
        }
    }

    private static ZoneId zone(JsonNode node) {
        try {
            return ZoneId.of(text(node));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(
                    "'" + text(node) + "' is not an IANA time zone; write e.g. " + "Europe/Berlin or America/New_York");
        }
    }

    private static Daily.OnEnd onEnd(JsonNode node) {
        return switch (text(node)) {
            case "stop" -> Daily.OnEnd.STOP;
            case "loop" -> Daily.OnEnd.LOOP;
            default ->
                throw new IllegalArgumentException("'" + text(node) + "' must be 'stop' (post nothing after "
                        + "the last day) or 'loop' (start the plan over)");
        };
    }

    private static long id(String text) {
        if (!text.matches("\\d{1,20}")) {
            throw new IllegalArgumentException("'" + text + "' is not a Discord id (digits only)");
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is too large for a Discord id");
        }
    }

    private static Set<Long> ids(JsonNode node) {
        if (!node.isArray()) {
            throw new IllegalArgumentException("expected a list of ids, e.g. [123456789012345678]");
        }
        Set<Long> ids = new LinkedHashSet<>();
        for (JsonNode element : node) {
            ids.add(id(element.isNull() ? "null" : text(element)));
        }
        return ids;
    }

    private static OptionalLong optionalId(JsonNode node) {
        String text = text(node);
        return text.isEmpty() ? OptionalLong.empty() : OptionalLong.of(id(text));
    }

    private static String url(JsonNode node, String schemePrefix) {
        String value = text(node);
        try {
            URI uri = new URI(value);
            if (uri.getScheme() == null || !uri.getScheme().startsWith(schemePrefix) || uri.getHost() == null) {
                throw new IllegalArgumentException(
                        "'" + Secrets.mask(value) + "' is not an absolute " + schemePrefix + "(s) URL");
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + Secrets.mask(value) + "' is not a URL");
        }
        return value;
    }

    private static String jdbc(JsonNode node) {
        String url = text(node);
        if (url.isEmpty()) {
            return "jdbc:sqlite:data/workshop-bot.db";
        }
        if (!url.startsWith("jdbc:sqlite:") && !url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException(
                    "'" + Secrets.mask(url) + "' is not a jdbc:sqlite: or " + "jdbc:postgresql: URL");
        }
        return url;
    }

    private static final String LABEL = "[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?";
    private static final String HOSTNAME = "(?i)" + LABEL + "(\\." + LABEL + ")*";

    private static String host(JsonNode node) {
        String host = text(node);
        if (host.isEmpty()) {
            return "127.0.0.1";
        }
        if (!host.matches(HOSTNAME) && !isIpv6Literal(host)) {
            throw new IllegalArgumentException("'" + host + "' is not an IP address or host name; use 127.0.0.1 "
                    + "(this machine only, the default), 0.0.0.0 (every interface) or an address");
        }
        return host;
    }

    private static boolean isIpv6Literal(String host) {
        if (!host.matches("[0-9A-Fa-f:.]+") || !host.contains(":")) {
            return false;
        }
        try {
            // a literal with a colon is parsed, never looked up
            return InetAddress.getByName(host) instanceof Inet6Address;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
