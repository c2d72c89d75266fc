package dev.workshopbot.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads typed values out of a configuration tree and collects every problem instead of stopping at the first,
 * each said where it came from: {@code file:line} for a key in the file, the variable's name for an override.
 */
final class ConfigReader {

    private final ObjectNode tree;
    private final String file;
    private final Map<String, Integer> lines;
    private final Map<String, String> variables = new HashMap<>();
    private final List<String> problems = new ArrayList<>();

    ConfigReader(ObjectNode tree, String file, Map<String, Integer> lines) {
        this.tree = tree;
        this.file = file;
        this.lines = lines;
    }

    /** The 1-based line of every key path ({@code daily.defaultTime}) in a YAML document. */
    static Map<String, Integer> keyLines(JsonParser parser) throws IOException {
        Map<String, Integer> lines = new HashMap<>();
        for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
            if (token == JsonToken.FIELD_NAME) {
                String path = parser.getParsingContext()
                        .pathAsPointer()
                        .toString()
                        .substring(1)
                        .replace('/', '.');
                lines.putIfAbsent(path, parser.currentTokenLocation().getLineNr());
            }
        }
        return lines;
    }

    /** Remembers that {@code key}'s value came from environment variable {@code variable}. */
    void overridden(String key, String variable) {
        variables.put(key, variable);
    }

    /** Where {@code key} was set, as the start of a problem line. */
    String where(String key) {
        String variable = variables.get(key);
        if (variable != null) {
            return variable + ": ";
        }
        Integer line = lines.get(key);
        return file + (line == null ? "" : ":" + line) + ": ";
    }

    void problem(String key, String message) {
        problems.add(where(key) + key + ": " + message);
    }

    /** A problem of no particular key, such as YAML that does not parse. */
    void problem(String message) {
        problems.add(message);
    }

    List<String> problems() {
        return problems;
    }

    /**
     * The value at {@code key} ({@code section.name}) turned into a {@code T} by {@code parse}, or {@code fallback}
     * when it is absent or null; a value {@code parse} refuses (with an {@link IllegalArgumentException} whose message
     * says what is expected) is a problem, and {@code fallback} stands in so the rest can still be read.
     */
    <T> T read(String key, T fallback, Function<JsonNode, T> parse) {
        String[] path = key.split("\\.", 2);
        JsonNode value = tree.path(path[0]).path(path[1]);
        if (value.isMissingNode() || value.isNull()) {
            return fallback;
        }
        try {
            return parse.apply(value);
        } catch (IllegalArgumentException e) {
            problem(key, e.getMessage());
            return fallback;
        }
    }
}
