package dev.workshopbot.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.lang.reflect.RecordComponent;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** {@code config/bot.yml} as immutable records that validate themselves; messages name the key. */
public record BotConfig(Discord discord, Content content, Daily daily, Storage storage, Http http) {

    private static final String ENV_PREFIX = "WORKSHOP_BOT_";
    private static final Map<String, Class<?>> SECTIONS = Map.of("discord", Discord.class, "content", Content.class,
            "daily", Daily.class, "storage", Storage.class, "http", Http.class);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    public BotConfig {
        discord = discord == null ? Discord.DEFAULT : discord;
        content = content == null ? Content.DEFAULT : content;
        daily = daily == null ? Daily.DEFAULT : daily;
        storage = storage == null ? Storage.DEFAULT : storage;
        http = http == null ? Http.DEFAULT : http;
    }

    public static BotConfig defaults() {
        return new BotConfig(null, null, null, null, null);
    }

    /** {@code discord.*}; the token is not here on purpose: it comes from {@code DISCORD_TOKEN} only. */
    public record Discord(List<String> guildIds, String apiBaseUrl, String gatewayUrl, List<String> moderatorRoleIds,
            Integer cooldownUses, String cooldownWindow, String modLogChannelId) {
        static final Discord DEFAULT = new Discord(null, null, null, null, null, null, null);

        public Discord {
            guildIds = ids("discord.guildIds", guildIds);
            moderatorRoleIds = ids("discord.moderatorRoleIds", moderatorRoleIds);
            apiBaseUrl = url("discord.apiBaseUrl", apiBaseUrl, "https://discord.com/api/v10/", "http");
            gatewayUrl = url("discord.gatewayUrl", gatewayUrl, "wss://gateway.discord.gg", "ws");
            cooldownUses = cooldownUses == null ? 5 : cooldownUses;
            if (cooldownUses < 1) {
                throw new IllegalArgumentException("discord.cooldownUses: " + cooldownUses
                        + " must be at least 1 (uses of one command per user per window)");
            }
            cooldownWindow = cooldownWindow == null ? "10s" : cooldownWindow;
            duration("discord.cooldownWindow", cooldownWindow);
            modLogChannelId = modLogChannelId == null || modLogChannelId.isBlank() ? null : modLogChannelId.strip();
            if (modLogChannelId != null) {
                ids("discord.modLogChannelId", List.of(modLogChannelId));
            }
        }

        public Duration cooldown() {
            return duration("discord.cooldownWindow", cooldownWindow);
        }
    }

    /** {@code content.*}. */
    public record Content(String dir, String siteBaseUrl, Boolean watch) {
        static final Content DEFAULT = new Content(null, null, null);

        public Content {
            dir = dir == null || dir.isBlank() ? "content" : dir;
            siteBaseUrl = url("content.siteBaseUrl", siteBaseUrl, "https://example.org", "http");
            watch = watch != null && watch;
        }

        public Path directory() {
            return Path.of(dir);
        }
    }

    /** {@code daily.*}. */
    public record Daily(String defaultTime, String defaultTimezone, String catchUpWindow, Boolean thread,
            String onEnd) {
        static final Daily DEFAULT = new Daily(null, null, null, null, null);

        public Daily {
            defaultTime = defaultTime == null ? "09:00" : defaultTime;
            try {
                LocalTime.parse(defaultTime);
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("daily.defaultTime: '" + defaultTime
                        + "' is not a time; write HH:mm, e.g. 09:00");
            }
            defaultTimezone = defaultTimezone == null ? "UTC" : defaultTimezone;
            try {
                ZoneId.of(defaultTimezone);
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("daily.defaultTimezone: '" + defaultTimezone
                        + "' is not an IANA time zone; write e.g. Europe/Berlin or America/New_York");
            }
            catchUpWindow = catchUpWindow == null ? "6h" : catchUpWindow;
            duration("daily.catchUpWindow", catchUpWindow);
            thread = thread == null || thread;
            onEnd = onEnd == null ? "stop" : onEnd;
            if (!onEnd.equals("stop") && !onEnd.equals("loop")) {
                throw new IllegalArgumentException("daily.onEnd: '" + onEnd + "' must be 'stop' (post nothing after "
                        + "the last day) or 'loop' (start the plan over)");
            }
        }

        public LocalTime time() {
            return LocalTime.parse(defaultTime);
        }

        public ZoneId zone() {
            return ZoneId.of(defaultTimezone);
        }

        public boolean loops() {
            return onEnd.equals("loop");
        }

        public Duration catchUp() {
            return duration("daily.catchUpWindow", catchUpWindow);
        }
    }

    /** {@code storage.*}. */
    public record Storage(String url) {
        static final Storage DEFAULT = new Storage(null);

        public Storage {
            url = url == null || url.isBlank() ? "jdbc:sqlite:data/workshop-bot.db" : url;
            if (!url.startsWith("jdbc:sqlite:") && !url.startsWith("jdbc:postgresql:")) {
                throw new IllegalArgumentException("storage.url: '" + url
                        + "' is not a jdbc:sqlite: or jdbc:postgresql: URL");
            }
        }
    }

    /** {@code http.*}. */
    public record Http(Integer port, String host) {
        static final Http DEFAULT = new Http(null, null);
        private static final String LABEL = "[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?";
        private static final String HOSTNAME = "(?i)" + LABEL + "(\\." + LABEL + ")*";

        public Http {
            port = port == null ? 0 : port;
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("http.port: " + port + " is not a port; use 1-65535, or 0 for off");
            }
            host = host == null || host.isBlank() ? "127.0.0.1" : host.strip();
            if (!host.matches(HOSTNAME) && !isIpv6Literal(host)) {
                throw new IllegalArgumentException("http.host: '" + host + "' is not an IP address or host name; "
                        + "use 127.0.0.1 (this machine only, the default), 0.0.0.0 (every interface) or an address");
            }
        }

        private static boolean isIpv6Literal(String host) {
            if (!host.matches("[0-9A-Fa-f:.]+") || !host.contains(":")) {
                return false;
            }
            try {
                // a literal with a colon is parsed, never looked up
                return java.net.InetAddress.getByName(host) instanceof java.net.Inet6Address;
            } catch (java.net.UnknownHostException e) {
                return false;
            }
        }
    }

    /** Reads the file without environment overrides. */
    public static BotConfig load(Path file) {
        return load(file, Map.of());
    }

    /**
     * Reads the file (a missing file means all defaults), then applies {@code WORKSHOP_BOT_<SECTION>_<KEY>}
     * variables from {@code env}, which win. Any bad key or value is a {@link ConfigException} naming it.
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
        try {
            JsonNode parsed = YAML.readTree(yaml);
            ObjectNode tree = parsed instanceof ObjectNode object ? object : YAML.createObjectNode();
            if (tree.path("discord").has("token")) {
                throw new ConfigException(file + ": discord.token: the token is never read from a file; remove it "
                        + "and set the DISCORD_TOKEN environment variable instead");
            }
            override(tree, env);
            return YAML.treeToValue(tree, BotConfig.class);
        } catch (UnrecognizedPropertyException e) {
            throw new ConfigException(file + ": " + path(e) + ": unknown key; known keys here: "
                    + e.getKnownPropertyIds());
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new ConfigException(file + ": " + cause.getMessage());
        } catch (JacksonException e) {
            throw new ConfigException(file + ": " + (path(e).isEmpty() ? "" : path(e) + ": ")
                    + e.getOriginalMessage().lines().findFirst().orElse("invalid YAML"));
        }
    }

    /** Environment variables named after a key path replace that key's value (YAML syntax, so lists work). */
    private static void override(ObjectNode tree, Map<String, String> env) throws JacksonException {
        for (Map.Entry<String, String> variable : new TreeMap<>(env).entrySet()) {
            if (!variable.getKey().startsWith(ENV_PREFIX) || variable.getKey().equals("DISCORD_TOKEN")) {
                continue;
            }
            String[] path = variable.getKey().substring(ENV_PREFIX.length()).split("_", 2);
            String section = path[0].toLowerCase(Locale.ROOT);
            Class<?> type = SECTIONS.get(section);
            String key = type == null || path.length < 2 ? null : componentName(type, path[1]);
            if (key == null) {
                throw new ConfigException(variable.getKey() + ": no such configuration key; variables are named "
                        + "WORKSHOP_BOT_<SECTION>_<KEY>, e.g. WORKSHOP_BOT_STORAGE_URL");
            }
            if (section.equals("discord") && key.equals("token")) {
                throw new ConfigException(variable.getKey() + ": the token is read only from DISCORD_TOKEN");
            }
            JsonNode value = YAML.readTree(variable.getValue().isEmpty() ? "\"\"" : variable.getValue());
            JsonNode existing = tree.get(section);
            ObjectNode node = existing instanceof ObjectNode object ? object : tree.putObject(section);
            node.set(key, value == null || value.isMissingNode() ? YAML.getNodeFactory().textNode("") : value);
        }
    }

    private static String componentName(Class<?> type, String envKey) {
        String wanted = envKey.replace("_", "").toLowerCase(Locale.ROOT);
        for (RecordComponent component : type.getRecordComponents()) {
            if (component.getName().toLowerCase(Locale.ROOT).equals(wanted)) {
                return component.getName();
            }
        }
        return null;
    }

    private static String path(JacksonException e) {
        if (e instanceof com.fasterxml.jackson.databind.JsonMappingException mapping) {
            return mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("");
        }
        return "";
    }

    /** {@code 6h}, {@code 90m}, {@code 10s} or ISO-8601 ({@code PT6H}); positive. */
    static Duration duration(String key, String text) {
        String value = text.strip().toUpperCase(java.util.Locale.ROOT);
        Duration duration;
        try {
            duration = Duration.parse(value.matches("\\d+[HMS]") ? "PT" + value : value);
        } catch (java.time.format.DateTimeParseException e) {
            throw notADuration(key, text);
        }
        if (duration.isNegative() || duration.isZero()) {
            throw notADuration(key, text);
        }
        return duration;
    }

    private static IllegalArgumentException notADuration(String key, String text) {
        return new IllegalArgumentException(key + ": '" + text + "' is not a positive duration; write e.g. 6h, 90m, "
                + "10s or PT6H");
    }

    private static List<String> ids(String key, List<String> ids) {
        if (ids == null) {
            return List.of();
        }
        for (String id : ids) {
            if (id == null || !id.matches("\\d{1,20}")) {
                throw new IllegalArgumentException(key + ": '" + id + "' is not a Discord id (digits only)");
            }
        }
        return List.copyOf(ids);
    }

    private static String url(String key, String value, String fallback, String schemePrefix) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            URI uri = new URI(value);
            if (uri.getScheme() == null || !uri.getScheme().startsWith(schemePrefix) || uri.getHost() == null) {
                throw new IllegalArgumentException(key + ": '" + value + "' is not an absolute " + schemePrefix
                        + "(s) URL");
            }
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException(key + ": '" + value + "' is not a URL");
        }
        return value;
    }
}
