package dev.workshopbot.commands;

import dev.workshopbot.content.Block;
import dev.workshopbot.content.Span;
import dev.workshopbot.search.SearchIndex;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Discord-flavoured Markdown from content and user text: everything escaped, links masked, callouts labelled. */
public final class Markdown {

    private static final Map<String, String> CALLOUTS = Map.of(
            ".note",
            "Note",
            ".warning",
            "Warning",
            ".important",
            "Important",
            ".highlight",
            "Highlight",
            ".new",
            "New");

    private static final String MARKDOWN = "\\*_~|`[]";
    private static final Pattern LINE_MARKUP = Pattern.compile("(?m)^(\\s*)(#|-#|>|-)");
    private static final Pattern NUMBERED_ITEM = Pattern.compile("(?m)^(\\s*\\d+)\\.");

    private Markdown() {}

    /** Text shown as-is: Markdown, masked-link brackets and headers cannot take effect. */
    public static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            // Every character Discord's Markdown gives a meaning, one by one: runs like '***' cannot slip through.
            if (MARKDOWN.indexOf(c) >= 0) {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        // A line starting with '#', '-#', '>', '-' or '1.' would become a header, subtext, quote or list.
        String lines = LINE_MARKUP.matcher(escaped).replaceAll("$1\\\\$2");
        return NUMBERED_ITEM.matcher(lines).replaceAll("$1\\\\.");
    }

    /** A masked link; the URL is made safe for Discord's parser (no spaces, no closing parenthesis). */
    public static String link(String text, String url) {
        if (url == null) {
            return escape(text);
        }
        return "[" + escape(text) + "](" + safeUrl(url) + ")";
    }

    static String safeUrl(String url) {
        return url.replace(" ", "%20").replace("(", "%28").replace(")", "%29");
    }

    public static String spans(List<Span> spans) {
        StringBuilder out = new StringBuilder();
        for (Span span : spans) {
            out.append(span.url() == null ? escape(span.text()) : link(span.text(), span.url()));
        }
        return out.toString();
    }

    /** One block as it appears in a section's full text. */
    public static String block(Block block) {
        String body = switch (block.kind()) {
            case CODE -> codeFence(block);
            case TABLE -> "```\n" + block.plain().replace("```", "ʼʼʼ") + "\n```";
            case IMAGE ->
                "🖼 "
                        + escape(
                                block.spans().isEmpty()
                                        ? "image"
                                        : block.spans().get(0).text());
            case RULE -> "───";
            case QUOTE -> quoted(spans(block.spans()));
            case HINT -> hint(block);
            default -> spans(block.spans());
        };
        for (String attribute : block.attributes()) {
            String label = CALLOUTS.get(attribute.strip());
            if (label != null) {
                return quoted("**" + label + ":** " + body);
            }
        }
        return body;
    }

    /** A hint in full text: its summary, then its content behind spoiler bars, which the reader clicks to open. */
    private static String hint(Block hint) {
        // Bars in prose would end the spoiler early; in code they are code, and Discord keeps them inside it.
        String content = hint.hidden().stream()
                .map(block -> block.kind() == Block.Kind.CODE
                        ? block(block)
                        : block(block).replace("||", "| |"))
                .filter(text -> !text.isBlank())
                .collect(Collectors.joining("\n\n"));
        return "**" + escape(hint.plain()) + "**" + (content.isBlank() ? "" : "\n||" + content + "||");
    }

    private static String codeFence(Block block) {
        String language = block.attributes().stream()
                .filter(a -> a.startsWith(".language-"))
                .map(a -> a.substring(".language-".length()))
                .findFirst()
                .orElse("");
        return "```" + language.replaceAll("[^A-Za-z0-9+#-]", "") + "\n"
                + block.plain().replace("```", "ʼʼʼ") + "\n```";
    }

    /** Prefixes every line with {@code > }. */
    public static String quoted(String text) {
        return "> " + text.replace("\n", "\n> ");
    }

    /** A search snippet: escaped, with the matched words in bold. */
    public static String snippet(String marked) {
        return escape(marked)
                .replace(String.valueOf(SearchIndex.MATCH_START), "**")
                .replace(String.valueOf(SearchIndex.MATCH_END), "**");
    }
}
