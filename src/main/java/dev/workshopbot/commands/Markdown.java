package dev.workshopbot.commands;

import dev.workshopbot.content.Block;
import dev.workshopbot.content.Span;
import dev.workshopbot.search.SearchIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Discord-flavoured Markdown from content and user text: text escaped, links masked, the author's formatting kept,
 * callouts labelled with their site's titles.
 */
public final class Markdown {

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

    /**
     * Spans as Discord Markdown: text escaped, links masked, bold, italic, strikethrough and code kept (a run of
     * spans in bold is one {@code **…**}, with the blanks at its edges outside it, as Discord needs), and a code block
     * in a list item fenced on its own lines with its language.
     */
    public static String spans(List<Span> spans) {
        StringBuilder out = new StringBuilder();
        List<Span.Mark> open = new ArrayList<>();
        List<Integer> openedAt = new ArrayList<>();
        boolean afterCodeBlock = false;
        for (Span span : spans) {
            if (span.has(Span.Mark.CODE_BLOCK)) {
                close(out, open, openedAt, 0);
                trimTrailingBlanks(out);
                out.append(out.length() == 0 ? "" : "\n").append(fence(span.text(), span.language()));
                afterCodeBlock = true;
                continue;
            }
            String text = span.text();
            if (afterCodeBlock) {
                text = text.startsWith("\n") ? text : "\n" + text.stripLeading();
                afterCodeBlock = false;
            }
            List<Span.Mark> wanted = STYLES.stream().filter(span::has).toList();
            int keep = 0;
            while (keep < open.size() && keep < wanted.size() && open.get(keep) == wanted.get(keep)) {
                keep++;
            }
            close(out, open, openedAt, keep);
            if (open.size() < wanted.size()) {
                int lead = 0;
                while (lead < text.length() && Character.isWhitespace(text.charAt(lead))) {
                    lead++;
                }
                out.append(text, 0, lead);
                text = text.substring(lead);
                // Marks around only blanks are not opened: a delimiter next to a blank is no delimiter to Discord.
                for (int i = open.size(); i < wanted.size() && !text.isEmpty(); i++) {
                    out.append(DELIMITERS.get(wanted.get(i)));
                    open.add(wanted.get(i));
                    openedAt.add(out.length());
                }
            }
            out.append(styled(text, span));
        }
        close(out, open, openedAt, 0);
        return out.toString();
    }

    /** Bold, italic and strikethrough nest in this order; code is written per span. */
    private static final List<Span.Mark> STYLES = List.of(Span.Mark.STRIKE, Span.Mark.BOLD, Span.Mark.ITALIC);

    private static final Map<Span.Mark, String> DELIMITERS =
            Map.of(Span.Mark.STRIKE, "~~", Span.Mark.BOLD, "**", Span.Mark.ITALIC, "_");

    /** Closes the marks from {@code keep} on, moving trailing blanks after them; a mark around nothing is removed. */
    private static void close(StringBuilder out, List<Span.Mark> open, List<Integer> openedAt, int keep) {
        if (open.size() <= keep) {
            return;
        }
        String trail = trimTrailingBlanks(out);
        for (int i = open.size() - 1; i >= keep; i--) {
            String delimiter = DELIMITERS.get(open.remove(i));
            int at = openedAt.remove(i);
            if (out.length() == at) {
                out.setLength(at - delimiter.length());
            } else {
                out.append(delimiter);
            }
        }
        out.append(trail);
    }

    private static String trimTrailingBlanks(StringBuilder out) {
        int end = out.length();
        while (end > 0 && Character.isWhitespace(out.charAt(end - 1))) {
            end--;
        }
        String trail = out.substring(end);
        out.setLength(end);
        return trail;
    }

    /** One span's text: code in backticks, links masked, the rest escaped. */
    private static String styled(String text, Span span) {
        String shown = span.has(Span.Mark.CODE) ? code(text) : escape(text);
        if (span.url() == null) {
            return shown;
        }
        return (span.has(Span.Mark.CROSS_REFERENCE) ? "→ " : "") + "[" + shown + "](" + safeUrl(span.url()) + ")";
    }

    /** Inline code: Discord shows what is between the backticks as it is, so it is not escaped. */
    static String code(String text) {
        String code = text.replace("``", "ʼʼ").replace("\n", " ");
        return code.contains("`") ? "`` " + code + " ``" : "`" + code + "`";
    }

    /** A fenced code block in {@code language} (letters, digits, {@code + # -}); a fence inside it cannot close it. */
    public static String fence(String code, String language) {
        return "```" + language.replaceAll("[^A-Za-z0-9+#-]", "") + "\n" + code.replace("```", "ʼʼʼ") + "\n```";
    }

    /** One block as it appears in a section's full text. */
    public static String block(Block block) {
        String body = switch (block.kind()) {
            case CODE -> fence(block.plain(), block.language());
            case TABLE -> Tables.render(block);
            case IMAGE -> block.spans().isEmpty() ? "🖼 image" : spans(block.spans());
            case RULE -> "───";
            case QUOTE -> quoted(spans(block.spans()));
            case HINT -> hint(block);
            default -> spans(block.spans());
        };
        if (block.callout() != null) {
            String title = block.callout().strip();
            return quoted("**" + escape(title) + (title.endsWith(":") ? "**" : ":**") + " " + body);
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
