package dev.workshopbot.content;

import java.util.List;

/**
 * One block of a section's body: {@code plain} feeds summaries and search, {@code spans} keep links and formatting
 * for full text; {@code attributes} are the kramdown attribute lists on it, {@code callout} the title of the
 * just-the-docs callout it is (null when it is none). {@code children} are a table's rows and a row's cells, or a
 * hint's content: a {@link Kind#HINT} is a {@code <details>} block whose {@code plain} is its summary ("Hint 1"), and
 * whose content no summary, card, daily post or search ever reads.
 */
public record Block(
        Kind kind,
        String plain,
        List<Span> spans,
        int line,
        List<String> attributes,
        String callout,
        List<Block> children) {

    /** What a block is; only prose kinds feed summaries. ROW and CELL only appear inside a TABLE. */
    public enum Kind {
        PARAGRAPH,
        LIST,
        QUOTE,
        CODE,
        TABLE,
        ROW,
        CELL,
        IMAGE,
        RULE,
        HINT;

        public boolean isProse() {
            return this == PARAGRAPH || this == LIST || this == QUOTE;
        }
    }

    public Block {
        spans = List.copyOf(spans);
        attributes = List.copyOf(attributes);
        children = List.copyOf(children);
    }

    /** A block with no callout and no children. */
    public Block(Kind kind, String plain, List<Span> spans, int line, List<String> attributes) {
        this(kind, plain, spans, line, attributes, null, List.of());
    }

    /** A hint: its summary shown, {@code content} kept for whoever asks for it. */
    static Block hint(String summary, int line, List<Block> content) {
        return new Block(Kind.HINT, summary, List.of(Span.plain(summary)), line, List.of(), null, content);
    }

    /** What a hint hides; nothing for any other block. */
    public List<Block> hidden() {
        return kind == Kind.HINT ? children : List.of();
    }

    /** The language a code block names ({@code ```python}), or "". */
    public String language() {
        return attributes.stream()
                .filter(attribute -> attribute.startsWith(".language-"))
                .map(attribute -> attribute.substring(".language-".length()))
                .findFirst()
                .orElse("");
    }

    Block withSpans(List<Span> spans, List<Block> children) {
        return new Block(kind, plain, spans, line, attributes, callout, children);
    }

    Block withCallout(String title) {
        return new Block(kind, plain, spans, line, attributes, title, children);
    }

    /** Whether this paragraph is an author byline (its links are no reading; it is no summary, passage or answer). */
    public boolean isByline() {
        return attributes.contains(Byline.ATTRIBUTE);
    }
}
