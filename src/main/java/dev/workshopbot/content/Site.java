package dev.workshopbot.content;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a Jekyll source folder says about itself: {@code _config.yml} ({@code url} + {@code baseurl}, {@code title},
 * {@code exclude}) and {@code _data/*.yml|json}, which Liquid output tags read as {@code site.data.<file>.<key>}.
 */
record Site(Optional<String> url, String title, List<PathMatcher> exclude, JsonNode config, JsonNode data) {

    static final String CONFIG = "_config.yml";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> DEFAULT_CALLOUTS = Set.of("note", "warning", "important", "highlight", "new");

    /** A folder that is not a Jekyll site: no URL, no title, nothing excluded, no data. */
    static final Site NONE = new Site(
            Optional.empty(),
            "",
            List.of(),
            JsonNodeFactory.instance.objectNode(),
            JsonNodeFactory.instance.objectNode());

    /** Reads the site's files out of the content folder's files (paths relative to it); problems name their file. */
    static Site read(Map<String, byte[]> files, List<Problem> problems) {
        byte[] config = files.get(CONFIG);
        JsonNode root = config == null ? null : tree(CONFIG, config, YAML, problems);
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            String path = file.getKey();
            if (path.startsWith("_data/") && path.indexOf('/', "_data/".length()) < 0) {
                boolean json = path.endsWith(".json");
                if (json || path.endsWith(".yml") || path.endsWith(".yaml")) {
                    JsonNode value = tree(path, file.getValue(), json ? JSON : YAML, problems);
                    if (value != null) {
                        String name = path.substring("_data/".length(), path.lastIndexOf('.'));
                        data.set(name, value);
                    }
                }
            }
        }
        if (root == null || !root.isObject()) {
            return new Site(Optional.empty(), "", List.of(), JsonNodeFactory.instance.objectNode(), data);
        }
        String url = root.path("url").asText("").strip();
        String baseurl = root.path("baseurl").asText("").strip();
        Optional<String> site = url.isEmpty()
                ? Optional.empty()
                : Optional.of(strip(url) + (baseurl.isEmpty() || baseurl.equals("/") ? "" : "/" + trim(baseurl)));
        List<PathMatcher> exclude = new ArrayList<>();
        for (JsonNode entry : root.path("exclude")) {
            String pattern = trim(entry.asText(""));
            if (!pattern.isEmpty()) {
                exclude.add(FileSystems.getDefault().getPathMatcher("glob:" + pattern));
                exclude.add(FileSystems.getDefault().getPathMatcher("glob:" + pattern + "/**"));
            }
        }
        return new Site(site, root.path("title").asText(""), List.copyOf(exclude), root, data);
    }

    /** Whether Jekyll leaves {@code path} out of the site: {@code _} and {@code .} folders and files, and {@code exclude}. */
    boolean skips(String path) {
        for (String part : path.split("/")) {
            if (part.startsWith("_") || part.startsWith(".")) {
                return true;
            }
        }
        Path relative = Path.of(path);
        return exclude.stream().anyMatch(matcher -> matcher.matches(relative));
    }

    /**
     * The title of the just-the-docs callout a kramdown class names ({@code {: .note }} → "Note"): the {@code title}
     * {@code _config.yml} gives it under {@code callouts}, or its name capitalised; when the site defines no callouts,
     * the kinds the theme's documentation uses. Empty when the class is no callout.
     */
    Optional<String> callout(String kind) {
        JsonNode callouts = config.path("callouts");
        if (callouts.isObject() && !callouts.isEmpty()) {
            JsonNode entry = callouts.get(kind);
            if (entry == null) {
                return Optional.empty();
            }
            String title = entry.path("title").asText("").strip();
            return Optional.of(title.isEmpty() ? capitalised(kind) : title);
        }
        return DEFAULT_CALLOUTS.contains(kind) ? Optional.of(capitalised(kind)) : Optional.empty();
    }

    private static String capitalised(String kind) {
        String words = kind.replace('-', ' ').replace('_', ' ');
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static JsonNode tree(String path, byte[] bytes, ObjectMapper mapper, List<Problem> problems) {
        try {
            return mapper.readTree(new String(bytes, StandardCharsets.UTF_8));
        } catch (JacksonException e) {
            int line = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNr());
            problems.add(Problem.warning(
                    path,
                    line,
                    "not read: " + e.getOriginalMessage().lines().findFirst().orElse("invalid")
                            + "; the site's settings and data from it are not used"));
            return null;
        }
    }

    private static String strip(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static String trim(String path) {
        String trimmed = path.strip();
        while (trimmed.startsWith("/")) {
            trimmed = trimmed.substring(1);
        }
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }
}
