package dev.workshopbot.content;

import java.util.List;
import java.util.regex.Pattern;

/**
 * An author byline: the line of profile links under a page's title ("**Written by Segun Akinyemi:** [LinkedIn](…) •
 * [GitHub](…)"), usually in a {@code {: .blank-note }} callout. Its links say who wrote the page, so they are not
 * reading, and the line is not a sentence a summary should pick.
 */
final class Byline {

    /** The attribute a byline's block carries, so that summaries pass over it. */
    static final String ATTRIBUTE = "byline";

    /** A label that names authors: "Written by …:", "Organised by …", "By …", "Author:", "Maintainers:". */
    private static final Pattern LABEL = Pattern.compile(
            "(?i)^\\s*(?:.{0,40}?\\bby\\b.*|(?:co-?)?authors?\\b.*|maintainers?\\b.*|organi[sz]ers?\\b.*)$");

    /** What may stand between the links: separators and blanks only. */
    private static final Pattern BETWEEN = Pattern.compile("[\\s•·|,/–—-]*|\\s*and\\s*");

    private static final int MAX_LABEL = 80;

    private Byline() {}

    /**
     * Whether a paragraph's spans read as a byline: a bold label that names authors, then only links with separators
     * between them.
     */
    static boolean is(List<Span> spans) {
        StringBuilder label = new StringBuilder();
        boolean links = false;
        for (Span span : spans) {
            if (span.url() != null && !span.has(Span.Mark.IMAGE)) {
                links = true;
            } else if (span.has(Span.Mark.BOLD) && !links) {
                label.append(span.text());
            } else if (!BETWEEN.matcher(span.text()).matches()) {
                return false;
            }
        }
        return links && label.length() <= MAX_LABEL && LABEL.matcher(label).matches();
    }
}
