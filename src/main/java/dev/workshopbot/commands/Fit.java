package dev.workshopbot.commands;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes text fit Discord's limits without a raw cut: at a paragraph, list item or sentence boundary,
 * never inside a masked link or a code fence, with {@code …} and what to read for the rest.
 */
public final class Fit {

    private static final Pattern BOUNDARY = Pattern.compile("\\n|[.!?…][\"'”’)*_]*(?= )");
    /**
     * A {@code [} that is not escaped, up to its {@code ](url)}; an escaped {@code \[} is text and must not protect
     * everything up to the next link. Unrolled and possessive, so a long run of text cannot overflow the stack.
     */
    private static final Pattern MASKED_LINK =
            Pattern.compile("(?<!(?<!\\\\)\\\\)\\[[^\\]\\\\]*+(?:\\\\.[^\\]\\\\]*+)*+\\]\\([^)\\s]*\\)");

    private static final int FENCE_REPAIR = 8;

    /** The tail of a list cut short: "and 3 more". */
    static String andMore(int hidden) {
        return "and " + hidden + " more";
    }

    private Fit() {}

    /** {@code text} if it fits in {@code max}, else its longest fitting prefix at a boundary + {@code …} + {@code more}. */
    public static String cut(String text, int max, String more) {
        if (text.length() <= max) {
            return text;
        }
        String suffix = "…" + (more == null || more.isEmpty() ? "" : " " + more);
        int budget = max - suffix.length();
        if (budget <= 0) {
            return suffix.length() <= max ? suffix : "…";
        }
        int end = boundary(text, budget);
        return text.substring(0, end).stripTrailing() + suffix;
    }

    /** Splits {@code text} into chunks of at most {@code max} characters at boundaries, losing nothing. */
    public static List<String> split(String text, int max) {
        List<String> chunks = new ArrayList<>();
        String rest = text.strip();
        while (rest.length() > max) {
            int end = boundary(rest, max - FENCE_REPAIR);
            String chunk = rest.substring(0, end).stripTrailing();
            rest = rest.substring(end).strip();
            if (fences(chunk) % 2 == 1) {
                // Only a code block longer than a whole chunk gets here: close it and reopen it, in its language.
                String opening = chunk.substring(chunk.lastIndexOf("```") + 3);
                String language = opening.lines().findFirst().orElse("");
                chunk = chunk + "\n```";
                rest = "```" + language.strip() + "\n" + rest;
            }
            if (opensSpoiler(chunk)) {
                // A hint longer than the rest of the page stays hidden on both sides of the cut.
                chunk = chunk + "||";
                rest = "||" + rest;
            }
            chunks.add(chunk);
        }
        if (!rest.isEmpty()) {
            chunks.add(rest);
        }
        return chunks;
    }

    /** Whether {@code text} leaves a spoiler ({@code ||…||}) open; bars inside code fences are code, not spoilers. */
    static boolean opensSpoiler(String text) {
        boolean fenced = false;
        boolean open = false;
        for (int i = 0; i + 1 < text.length(); i++) {
            if (text.startsWith("```", i)) {
                fenced = !fenced;
                i += 2;
            } else if (!fenced && text.charAt(i) == '|' && text.charAt(i + 1) == '|') {
                open = !open;
                i++;
            }
        }
        return open;
    }

    /**
     * The end of the longest prefix within {@code budget} that ends at a line or sentence boundary outside
     * links and code; falls back to a word boundary, then to a line inside a code block longer than the budget,
     * then to a code-point boundary for text with no blanks.
     */
    static int boundary(String text, int budget) {
        boolean[] protectedAt = protectedRegions(text, budget);
        int best = -1;
        Matcher matcher = BOUNDARY.matcher(text);
        matcher.region(0, Math.min(text.length(), budget + 1));
        while (matcher.find()) {
            int end = matcher.group().equals("\n") ? matcher.start() : matcher.end();
            if (end <= budget && end > 0 && !protectedAt[end]) {
                best = end;
            }
        }
        if (best > budget / 3) {
            return best;
        }
        for (int i = budget; i > 0; i--) {
            if (Character.isWhitespace(text.charAt(i)) && !protectedAt[i]) {
                return i;
            }
        }
        // Only a code block longer than the budget protects everything: end between two of its lines.
        int line = text.lastIndexOf('\n', budget);
        if (line > 0) {
            return line;
        }
        int cut = budget;
        if (Character.isLowSurrogate(text.charAt(cut))) {
            cut--;
        }
        return Math.max(cut, 1);
    }

    /** Positions inside a masked link or a code fence, where a cut would break the rendering. */
    private static boolean[] protectedRegions(String text, int budget) {
        boolean[] inside = new boolean[Math.min(text.length(), budget + 1) + 1];
        Matcher link = MASKED_LINK.matcher(text);
        while (link.find() && link.start() <= budget) {
            mark(inside, link.start() + 1, link.end());
        }
        int fence = text.indexOf("```");
        while (fence >= 0 && fence <= budget) {
            int close = text.indexOf("```", fence + 3);
            int end = close < 0 ? text.length() : close + 3;
            mark(inside, fence + 1, end);
            fence = close < 0 ? -1 : text.indexOf("```", end);
        }
        return inside;
    }

    private static int fences(String text) {
        int count = 0;
        for (int at = text.indexOf("```"); at >= 0; at = text.indexOf("```", at + 3)) {
            count++;
        }
        return count;
    }

    private static void mark(boolean[] inside, int from, int to) {
        for (int i = from; i < to && i < inside.length; i++) {
            inside[i] = true;
        }
    }
}
