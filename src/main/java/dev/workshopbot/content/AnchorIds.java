package dev.workshopbot.content;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Heading ids as Jekyll's kramdown with GFM input makes them, so links land on the published anchors.
 * One instance numbers the repeats of one page ({@code x}, {@code x-1}, {@code x-2}, ...).
 */
public final class AnchorIds {

    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{M}\\p{Nd}\\p{Pc}\\- \\t]");
    private static final Pattern BLANK = Pattern.compile("[ \\t]");

    private final Map<String, Integer> seen = new HashMap<>();

    /** The id for the next heading with this source text on the page. */
    public String next(String sourceText) {
        return number(slug(sourceText));
    }

    /** Reserves an id written by the author ({@code {#id}}) so later repeats are numbered past it. */
    public String number(String base) {
        int repeats = seen.merge(base, 1, Integer::sum) - 1;
        return repeats == 0 ? base : base + "-" + repeats;
    }

    /** Lowercase, drop everything but letters, marks, digits, {@code _}, {@code -} and blanks, blanks to {@code -}. */
    public static String slug(String sourceText) {
        String lower = sourceText.toLowerCase(Locale.ROOT);
        return BLANK.matcher(NOT_WORD.matcher(lower).replaceAll("")).replaceAll("-");
    }
}
