package dev.workshopbot.discord.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Discord's official OpenAPI description, used to check every request body the bot sends against the schema
 * Discord publishes for that route.
 */
final class ApiSpec {

    /** Where the project keeps the description: beside the repository, in the shared folder. */
    static final Path DEFAULT_LOCATION = Path.of("..", "shared", "discord-api-spec", "openapi.json");

    // Only a name for $ref resolution inside the document; the registry is given the text and never fetches.
    private static final String DOCUMENT_IRI = "https://fake-discord.invalid/openapi.json";
    private static final List<String> METHODS = List.of("get", "put", "post", "patch", "delete");
    private static final List<String> ENUMS_ACCEPTING_NUMERIC_STRINGS =
            List.of("InteractionContextType", "ApplicationIntegrationType");

    private final SchemaRegistry registry;
    private final List<Operation> operations;
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    private record Operation(
            String method,
            String template,
            Pattern pattern,
            int placeholders,
            boolean hasJsonBody,
            boolean bodyRequired) {}

    private ApiSpec(String document) {
        JsonNode root = readTree(document);
        this.operations = operations(root);
        String lenient = acceptWhatDiscordAccepts(root).toString();
        // The spec marks its unions with this extension keyword; it only documents, so it must not warn or validate.
        Dialect openApi = Dialect.builder(Dialects.getOpenApi31())
                .keyword(new NonValidationKeyword("x-discord-union"))
                .build();
        this.registry = SchemaRegistry.withDialect(
                openApi,
                builder -> builder.schemaLoader(loader -> loader.fetchRemoteResources(false))
                        .schemas(Map.of(DOCUMENT_IRI, lenient)));
    }

    /** The project's copy, loaded once per test JVM: the document is read-only and takes about a second to load. */
    static ApiSpec shared() {
        return Shared.INSTANCE;
    }

    private static final class Shared {
        static final ApiSpec INSTANCE = load(DEFAULT_LOCATION);
    }

    static ApiSpec load(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        if (!Files.isRegularFile(absolute)) {
            throw new IllegalStateException("Discord's OpenAPI description is not at " + absolute
                    + "; the tests run from the project root with the shared folder beside it");
        }
        try {
            return new ApiSpec(Files.readString(absolute));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + absolute, e);
        }
    }

    /**
     * The one place where the fake is more lenient than the description, for what Discord accepts and JDA 6.5.0
     * sends: snowflakes as integers (JDA numbers new attachments 0, 1, ... in {@code attachments[].id}), and a
     * command's {@code contexts} and {@code integration_types} as numeric strings ("0"). Every JDA bot sending
     * these shows that Discord takes them; the description only lists the canonical form. Likewise a command's
     * {@code default_member_permissions}, which Discord's own documentation types as a string ("32") and JDA sends
     * so, while the description says integer.
     */
    private static JsonNode acceptWhatDiscordAccepts(JsonNode root) {
        ObjectNode lenient = root.deepCopy();
        ObjectNode schemas = (ObjectNode) lenient.path("components").path("schemas");
        ObjectNode integerSnowflake =
                schemas.objectNode().put("type", "integer").put("minimum", 0);
        schemas.set("SnowflakeType", anyOf(schema(schemas, "SnowflakeType"), integerSnowflake));
        for (String name : ENUMS_ACCEPTING_NUMERIC_STRINGS) {
            JsonNode integerEnum = schema(schemas, name);
            ObjectNode numericString = schemas.objectNode().put("type", "string");
            ArrayNode values = numericString.putArray("enum");
            integerEnum
                    .path("oneOf")
                    .forEach(option -> values.add(option.path("const").asText()));
            schemas.set(name, anyOf(integerEnum, numericString));
        }
        ObjectNode permissionString = schemas.objectNode().put("type", "string").put("pattern", "^[0-9]+$");
        schemas.forEach(schema -> {
            JsonNode properties = schema.path("properties");
            if (properties.has("default_member_permissions")) {
                ((ObjectNode) properties)
                        .set(
                                "default_member_permissions",
                                anyOf(properties.get("default_member_permissions"), permissionString));
            }
        });
        return lenient;
    }

    private static JsonNode schema(ObjectNode schemas, String name) {
        JsonNode schema = schemas.get(name);
        if (schema == null) {
            throw new IllegalStateException("Discord's OpenAPI description no longer defines the schema " + name
                    + "; revisit the leniencies of ApiSpec");
        }
        return schema;
    }

    private static ObjectNode anyOf(JsonNode canonical, JsonNode alsoAccepted) {
        ObjectNode union = JsonNodeFactory.instance.objectNode();
        union.putArray("anyOf").add(canonical).add(alsoAccepted);
        return union;
    }

    /**
     * Checks a request body against the JSON schema of the matching operation.
     *
     * @param path the route without the API prefix, e.g. {@code /applications/1/commands}
     * @param body the parsed JSON body, or null when the request had none
     * @return the problems found; empty when Discord would accept the body
     */
    List<String> check(String method, String path, JsonNode body) {
        Optional<Operation> match = find(method, path);
        if (match.isEmpty()) {
            return body == null ? List.of() : List.of("no operation " + method + " " + path + " in the description");
        }
        Operation operation = match.get();
        if (body == null) {
            return operation.bodyRequired() ? List.of("the description requires a request body") : List.of();
        }
        if (!operation.hasJsonBody()) {
            return List.of("the description defines no JSON body for " + method + " " + operation.template());
        }
        Schema schema = schemas.computeIfAbsent(
                operation.method() + " " + operation.template(),
                key -> registry.getSchema(SchemaLocation.of(DOCUMENT_IRI + "#" + bodyPointer(operation))));
        List<String> problems = new ArrayList<>();
        for (Error error : schema.validate(body.toString(), InputFormat.JSON)) {
            problems.add(error.toString());
        }
        return problems;
    }

    private Optional<Operation> find(String method, String path) {
        String lower = method.toLowerCase(Locale.ROOT);
        return operations.stream()
                .filter(operation -> operation.method().equals(lower)
                        && operation.pattern().matcher(path).matches())
                .findFirst();
    }

    private static String bodyPointer(Operation operation) {
        return "/paths/" + escapePointer(operation.template()) + "/" + operation.method() + "/requestBody/content/"
                + escapePointer("application/json") + "/schema";
    }

    private static String escapePointer(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    private static List<Operation> operations(JsonNode root) {
        List<Operation> found = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : root.path("paths").properties()) {
            String template = entry.getKey();
            for (String method : METHODS) {
                JsonNode operation = entry.getValue().get(method);
                if (operation == null) {
                    continue;
                }
                JsonNode requestBody = operation.path("requestBody");
                found.add(new Operation(
                        method,
                        template,
                        templatePattern(template),
                        placeholders(template),
                        requestBody.path("content").has("application/json"),
                        requestBody.path("required").asBoolean(false)));
            }
        }
        // A literal segment such as "@original" or "@me" wins over a placeholder that would also match it.
        found.sort(Comparator.comparingInt(Operation::placeholders));
        return List.copyOf(found);
    }

    private static Pattern templatePattern(String template) {
        StringBuilder regex = new StringBuilder();
        for (String part : template.split("(?=\\{)|(?<=\\})")) {
            regex.append(part.startsWith("{") ? "[^/]+" : Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }

    private static int placeholders(String template) {
        return (int) template.chars().filter(c -> c == '{').count();
    }

    private static JsonNode readTree(String document) {
        try {
            return new ObjectMapper().readTree(document);
        } catch (IOException e) {
            throw new UncheckedIOException("Discord's OpenAPI description is not valid JSON", e);
        }
    }
}
