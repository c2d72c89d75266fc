package dev.workshopbot.content;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;

/**
 * Reads raw HTML blocks: {@code <details>} hints as kramdown sites write them (the opening tag, its
 * {@code <summary>}, maybe a body on the same lines, and the closing tag, which may come several Markdown blocks
 * later: a code block inside the hint is Markdown between two HTML blocks), and any other HTML as its text.
 */
final class Hints {

    /** Elements whose content Discord cannot show: media, frames, scripts, forms; their text, if any, is all it gets. */
    static final Set<String> UNSHOWN = Set.of(
            "iframe",
            "video",
            "audio",
            "script",
            "style",
            "svg",
            "object",
            "embed",
            "canvas",
            "form",
            "input",
            "button",
            "select",
            "textarea",
            "img",
            "picture",
            "table");

    private static final Pattern SUMMARY = Pattern.compile("(?is)<summary[^>]*>(.*?)</summary>");

    /**
     * What one raw HTML block says: whether it opens a hint, its summary, the text of the rest (the hint's body, or
     * the whole block's text when it is not about hints), whether it closes a hint, and the elements in it Discord
     * cannot show.
     */
    record Html(boolean opens, String summary, String body, boolean closes, List<String> unshown) {}

    private Hints() {}

    static Html read(String html) {
        String lower = html.toLowerCase(Locale.ROOT);
        int open = lower.indexOf("<details");
        int close = lower.lastIndexOf("</details>");
        int start = open < 0 ? 0 : Math.max(0, lower.indexOf('>', open) + 1);
        String summary = "";
        Matcher matcher = SUMMARY.matcher(html);
        if (open >= 0 && matcher.find(start)) {
            summary = text(matcher.group(1));
            start = matcher.end();
        }
        int end = close >= start ? close : html.length();
        String body = text(html.substring(Math.min(start, end), end));
        return new Html(open >= 0, summary, body, close >= 0, unshown(html));
    }

    /** HTML as the text a reader sees: tags dropped, entities undone, scripts and styles left out, blanks collapsed. */
    static String text(String html) {
        Element body = Jsoup.parseBodyFragment(html).body();
        for (Element image : body.select("img[alt]")) {
            String alt = image.attr("alt").strip();
            if (!alt.isEmpty()) {
                image.replaceWith(new TextNode(" 🖼 " + alt + " "));
            }
        }
        return body.text().strip();
    }

    private static List<String> unshown(String html) {
        Set<String> tags = new LinkedHashSet<>();
        for (Element element : Jsoup.parseBodyFragment(html).body().getAllElements()) {
            String tag = element.normalName();
            if (UNSHOWN.contains(tag)
                    && !(tag.equals("img") && !element.attr("alt").isBlank())) {
                tags.add(tag);
            }
        }
        return List.copyOf(tags);
    }
}
