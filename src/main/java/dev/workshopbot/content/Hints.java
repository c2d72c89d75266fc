package dev.workshopbot.content;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code <details>} hint blocks out of raw HTML as kramdown sites write them: the opening tag, its
 * {@code <summary>}, maybe a body on the same lines, and the closing tag, which may come several Markdown blocks
 * later (a code block inside the hint is Markdown between two HTML blocks).
 */
final class Hints {

    private static final Pattern SUMMARY = Pattern.compile("(?is)<summary[^>]*>(.*?)</summary>");
    private static final Pattern TAG = Pattern.compile("<[^>]{0,500}>");

    /** What one raw HTML block says about hints: whether it opens one, its summary, body text, and whether it closes. */
    record Html(boolean opens, String summary, String body, boolean closes) {}

    private Hints() {}

    /** How {@code html} opens, fills or closes a hint; a block that is not about hints opens and closes nothing. */
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
        String body = open < 0 && close < 0 ? "" : text(html.substring(Math.min(start, end), end));
        return new Html(open >= 0, summary, body, close >= 0);
    }

    /** HTML as its text: tags dropped, the common entities undone, blanks collapsed. */
    static String text(String html) {
        String text = TAG.matcher(html)
                .replaceAll(" ")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&nbsp;", " ")
                .replace("&amp;", "&");
        return text.replaceAll("\\s+", " ").strip();
    }
}
