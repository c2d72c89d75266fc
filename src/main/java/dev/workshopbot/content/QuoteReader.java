package dev.workshopbot.content;

import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.ListBlock;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Reads a block quote into a {@link Quote} and its block: the text, and who said it, from a closing
 * {@code — [who](url)} line or else from the paragraph that introduces it ("As Willison puts it:").
 */
final class QuoteReader {

    private static final Pattern ATTRIBUTION_DASH = Pattern.compile("^\\s*(—|–|―|--|~)\\s*");
    private static final Pattern SPEECH_VERB = Pattern.compile(
            "\\s+(puts it|put it|says|said|writes|wrote|notes|noted|explains|argues|observes|reminds us)$",
            Pattern.CASE_INSENSITIVE);

    /** A quote read, with the block that shows it in its section. */
    record Read(Quote quote, Block block) {}

    private final Inlines inlines;
    private final Inlines quiet;
    private final ListRenderer lists;
    private final Supplier<List<Link>> linksSoFar;

    /**
     * {@code inlines} records the links it meets; {@code quiet} resolves the same links without recording them again,
     * for an introduction already read; {@code linksSoFar} are the page's links before the quote, whose text may give
     * the full name of a surname.
     */
    QuoteReader(Inlines inlines, Inlines quiet, ListRenderer lists, Supplier<List<Link>> linksSoFar) {
        this.inlines = inlines;
        this.quiet = quiet;
        this.lists = lists;
        this.linksSoFar = linksSoFar;
    }

    /**
     * The quote, or null when it has no text. {@code intro} is the paragraph just before it in the same section, or
     * null.
     */
    Read read(
            BlockQuote blockQuote,
            String page,
            String section,
            Paragraph intro,
            List<String> attributes,
            String callout) {
        List<Node> body = new ArrayList<>();
        List<Node> attributionNodes = new ArrayList<>();
        splitAttribution(blockQuote, body, attributionNodes);

        List<Span> spans = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (Node node : body) {
            Inlines.Rendered part =
                    node instanceof ListBlock list ? lists.render(list).whole() : inlines.render(node);
            if (part.isBlank()) {
                continue;
            }
            if (text.length() > 0) {
                text.append("\n\n");
                spans.add(Span.plain("\n\n"));
            }
            text.append(part.plain());
            spans.addAll(part.spans());
        }
        String attribution = null;
        String attributionUrl = null;
        if (!attributionNodes.isEmpty()) {
            Inlines.Rendered who = inlines.render(attributionNodes);
            attribution = ATTRIBUTION_DASH.matcher(who.plain()).replaceFirst("").strip();
            attributionUrl = who.spans().stream()
                    .filter(span -> span.url() != null)
                    .map(Span::url)
                    .findFirst()
                    .orElse(null);
            spans.add(Span.plain("\n— "));
            spans.addAll(who.spans());
        } else if (intro != null) {
            List<Span> introLinks = quiet.render(intro).spans().stream()
                    .filter(span -> span.url() != null)
                    .toList();
            if (!introLinks.isEmpty()) {
                Span source = introLinks.get(introLinks.size() - 1);
                attributionUrl = source.url();
                attribution = intro.getFirstChild() instanceof com.vladsch.flexmark.ast.Link
                        ? introLinks.get(0).text()
                        : fullName(SPEECH_VERB.matcher(source.text()).replaceFirst(""));
            }
        }
        String plain = text.toString().strip();
        if (plain.isEmpty()) {
            return null;
        }
        int line = Inlines.line(blockQuote);
        return new Read(
                new Quote(plain, attribution, attributionUrl, page, section, line),
                new Block(
                        Block.Kind.QUOTE,
                        plain + (attribution == null ? "" : "\n— " + attribution),
                        spans,
                        line,
                        attributes,
                        callout,
                        List.of()));
    }

    /** A surname alone ("As Willison puts it") becomes the full name a link on this page gave earlier. */
    private String fullName(String name) {
        if (name.isBlank() || name.contains(" ")) {
            return name;
        }
        List<Link> links = linksSoFar.get();
        for (int i = links.size() - 1; i >= 0; i--) {
            String text = links.get(i).text();
            if (text.endsWith(" " + name) && text.split(" ").length <= 4) {
                return text;
            }
        }
        return name;
    }

    /** A closing {@code — [who](url)} line, alone or as the last line of the last paragraph, is the attribution. */
    private static void splitAttribution(BlockQuote quote, List<Node> body, List<Node> attribution) {
        Node last = quote.getLastChild();
        for (Node child = quote.getFirstChild(); child != null; child = child.getNext()) {
            if (child != last || !(child instanceof Paragraph paragraph)) {
                body.add(child);
                continue;
            }
            List<BasedSequence> lines = paragraph.getContentLines();
            BasedSequence lastLine = lines.get(lines.size() - 1);
            if (!ATTRIBUTION_DASH.matcher(lastLine.toString()).lookingAt()) {
                body.add(child);
                continue;
            }
            int attributionLine = lastLine.getStartOffset();
            List<Node> before = new ArrayList<>();
            for (Node inline = paragraph.getFirstChild(); inline != null; inline = inline.getNext()) {
                (inline.getStartOffset() >= attributionLine ? attribution : before).add(inline);
            }
            if (!before.isEmpty()) {
                Paragraph head = new Paragraph();
                before.forEach(head::appendChild);
                body.add(head);
            }
        }
    }
}
