package dev.workshopbot.content;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.List;
import java.util.Optional;

/**
 * The Liquid a page's Markdown holds, as Jekyll would leave it: output tags the site can answer
 * ({@code {{ site.title }}}, {@code {{ site.data.workshop.key }}}, {@code {{ page.title }}}) become their value,
 * {@code {% raw %}} keeps its text, and anything else is removed with a {@code file:line} warning, never shown raw.
 * One pass over the text, so no input makes it slow.
 */
final class Liquid {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final String path;
    private final Site site;
    private final List<Problem> problems;
    private String source;
    private int scanned;
    private int line = 1;

    private Liquid(String path, Site site, List<Problem> problems) {
        this.path = path;
        this.site = site;
        this.problems = problems;
    }

    /** {@code source} with its Liquid rendered; the front matter is left as it is, as Jekyll does. */
    static String render(String path, String source, Site site, List<Problem> problems) {
        if (!source.contains("{{") && !source.contains("{%")) {
            return source;
        }
        return new Liquid(path, site, problems).run(source);
    }

    private String run(String text) {
        source = text;
        int body = bodyStart(text);
        String title = pageTitle(text.substring(0, body));
        StringBuilder out = new StringBuilder(text.length());
        out.append(text, 0, body);
        int i = body;
        int output = -2;
        int tag = -2;
        while (i < text.length()) {
            // Each opener is searched again only once passed, so a page of many tags is still one pass.
            output = output == -1 || output >= i ? output : text.indexOf("{{", i);
            tag = tag == -1 || tag >= i ? tag : text.indexOf("{%", i);
            int next = output < 0 ? tag : tag < 0 ? output : Math.min(output, tag);
            if (next < 0) {
                out.append(text, i, text.length());
                break;
            }
            out.append(text, i, next);
            boolean isTag = next == tag;
            int end = text.indexOf(isTag ? "%}" : "}}", next + 2);
            if (end < 0) {
                out.append(text, next, text.length());
                break;
            }
            String inner = text.substring(next + 2, end).replaceAll("^-|-$", "").strip();
            i = end + 2;
            if (!isTag) {
                Optional<String> value = value(inner, title);
                if (value.isPresent()) {
                    out.append(value.get());
                } else {
                    warn(
                            next,
                            "Liquid output '{{ " + shortened(inner) + " }}' names nothing in _config.yml, _data or the "
                                    + "page; it is left out");
                }
                continue;
            }
            String name = inner.split("\\s+", 2)[0];
            if (name.equals("raw") || name.equals("comment")) {
                int close = closing(text, i, "end" + name);
                if (close < 0) {
                    warn(
                            next,
                            "{% " + name + " %} without {% end" + name + " %}: the rest of the page is kept as "
                                    + "it is");
                    out.append(text, i, text.length());
                    break;
                }
                if (name.equals("raw")) {
                    out.append(text, i, close);
                }
                i = text.indexOf("%}", close) + 2;
            } else if (!name.startsWith("end")) {
                warn(
                        next,
                        "Liquid tag '{% " + shortened(inner)
                                + " %}' is not something the bot can show; it is left out");
            }
        }
        return out.toString();
    }

    /** Where {@code {% endNAME %}} starts at or after {@code from}, or -1. */
    private static int closing(String text, int from, String name) {
        int at = text.indexOf("{%", from);
        while (at >= 0) {
            int end = text.indexOf("%}", at + 2);
            if (end < 0) {
                return -1;
            }
            if (text.substring(at + 2, end).replaceAll("^-|-$", "").strip().equals(name)) {
                return at;
            }
            at = text.indexOf("{%", end + 2);
        }
        return -1;
    }

    private Optional<String> value(String expression, String pageTitle) {
        String name = expression.split("\\|", 2)[0].strip();
        if (name.equals("page.title")) {
            return Optional.ofNullable(pageTitle);
        }
        if (name.equals("site.url") || name.equals("site.baseurl")) {
            return scalar(site.config().path(name.substring("site.".length())));
        }
        if (name.startsWith("site.data.")) {
            return scalar(walk(site.data(), name.substring("site.data.".length())));
        }
        if (name.startsWith("site.")) {
            return scalar(walk(site.config(), name.substring("site.".length())));
        }
        return Optional.empty();
    }

    private static JsonNode walk(JsonNode root, String dotted) {
        JsonNode node = root;
        for (String key : dotted.split("\\.")) {
            node = node.path(key);
        }
        return node;
    }

    private static Optional<String> scalar(JsonNode node) {
        return node.isValueNode() && !node.isNull() ? Optional.of(node.asText().replace('\n', ' ')) : Optional.empty();
    }

    private static String shortened(String text) {
        return text.length() <= 60 ? text : text.substring(0, 59) + "…";
    }

    private void warn(int offset, String message) {
        for (; scanned < offset; scanned++) {
            if (source.charAt(scanned) == '\n') {
                line++;
            }
        }
        problems.add(Problem.warning(path, line, message));
    }

    /** Where the Markdown starts: after the front matter's closing {@code ---}, or at 0 without front matter. */
    private static int bodyStart(String text) {
        if (!text.startsWith("---\n")) {
            return 0;
        }
        int close = text.indexOf("\n---", 3);
        while (close >= 0) {
            int after = close + 4;
            if (after == text.length() || text.charAt(after) == '\n') {
                return Math.min(text.length(), after);
            }
            close = text.indexOf("\n---", after);
        }
        return 0;
    }

    private static String pageTitle(String frontMatter) {
        if (frontMatter.isEmpty()) {
            return null;
        }
        try {
            JsonNode root = YAML.readTree(frontMatter.substring(4, Math.max(4, frontMatter.length() - 3)));
            return root != null && root.path("title").isValueNode()
                    ? root.path("title").asText()
                    : null;
        } catch (JacksonException e) {
            // the page parser reports malformed front matter with its line
            return null;
        }
    }
}
