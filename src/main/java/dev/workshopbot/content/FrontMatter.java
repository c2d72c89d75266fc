package dev.workshopbot.content;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The front matter keys the bot uses: {@code title}, {@code nav_order}, {@code parent}, {@code permalink}, {@code summaries}. */
record FrontMatter(String title, Object navOrder, String parent, String permalink, Map<String, String> summaries) {

    static final FrontMatter NONE = new FrontMatter(null, null, null, null, Map.of());

    private static final ObjectMapper YAML =
            new ObjectMapper(new YAMLFactory()).enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /**
     * Reads the YAML between the {@code ---} fences; {@code firstLine} is the file line of the first YAML line.
     * Returns null after adding an error when the YAML is malformed or has a value of the wrong type.
     */
    static FrontMatter parse(String path, String yaml, int firstLine, List<Problem> problems) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JacksonException e) {
            int line = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNr() - 1);
            problems.add(Problem.error(
                    path,
                    firstLine + line,
                    "malformed front matter: "
                            + e.getOriginalMessage().lines().findFirst().orElse("invalid YAML")));
            return null;
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return NONE;
        }
        if (!root.isObject()) {
            problems.add(Problem.error(path, firstLine, "malformed front matter: expected 'key: value' lines"));
            return null;
        }
        Lines lines = new Lines(path, yaml, firstLine, problems);
        String title = lines.scalar(root, "title");
        String parent = lines.scalar(root, "parent");
        String permalink = lines.scalar(root, "permalink");
        Object navOrder = null;
        JsonNode nav = root.get("nav_order");
        if (nav != null && !nav.isNull()) {
            if (nav.isNumber()) {
                navOrder = nav.isIntegralNumber() ? (Object) nav.longValue() : (Object) nav.doubleValue();
            } else if (nav.isTextual()) {
                navOrder = nav.textValue();
            } else {
                problems.add(Problem.error(path, lines.of("nav_order"), "nav_order must be a number or a string"));
                return null;
            }
        }
        Map<String, String> summaries = new LinkedHashMap<>();
        JsonNode authored = root.get("summaries");
        if (authored != null && !authored.isNull()) {
            if (!authored.isObject()) {
                problems.add(Problem.error(
                        path,
                        lines.of("summaries"),
                        "summaries must map section ids to text, e.g. 'summaries: {setup: \"...\"}'"));
                return null;
            }
            for (Map.Entry<String, JsonNode> entry : authored.properties()) {
                if (!entry.getValue().isValueNode() || entry.getValue().isNull()) {
                    problems.add(Problem.error(
                            path, lines.of(entry.getKey()), "summary of '" + entry.getKey() + "' must be text"));
                    return null;
                }
                summaries.put(entry.getKey(), entry.getValue().asText().strip());
            }
        }
        if (title == null && root.has("title")
                || parent == null && root.has("parent")
                || permalink == null && root.has("permalink")) {
            return null;
        }
        return new FrontMatter(title, navOrder, parent, permalink, summaries);
    }

    /** The file line of a key, found by its text, for messages about values Jackson parsed fine. */
    static int keyLine(String yaml, int firstLine, String key) {
        String[] all = yaml.split("\n", -1);
        for (int i = 0; i < all.length; i++) {
            String trimmed = all[i].stripLeading();
            if (trimmed.startsWith(key + ":") || trimmed.startsWith("\"" + key + "\":")) {
                return firstLine + i;
            }
        }
        return firstLine;
    }

    private record Lines(String path, String yaml, int firstLine, List<Problem> problems) {
        int of(String key) {
            return keyLine(yaml, firstLine, key);
        }

        String scalar(JsonNode root, String key) {
            JsonNode node = root.get(key);
            if (node == null || node.isNull()) {
                return null;
            }
            if (!node.isValueNode()) {
                problems.add(Problem.error(path, of(key), key + " must be a single value, not a list or map"));
                return null;
            }
            return node.asText();
        }
    }
}
