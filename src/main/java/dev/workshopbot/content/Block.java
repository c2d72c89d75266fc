package dev.workshopbot.content;

import java.util.List;

/**
 * One block of a section's body: {@code plain} feeds summaries and search, {@code spans} keep the links
 * for full text; {@code attributes} are the kramdown attribute lists that style it (callouts). A {@link Kind#HINT}
 * is a {@code <details>} block: {@code plain} is its summary ("Hint 1"), and its content is in {@code hidden},
 * which no summary, card, daily post or search ever reads.
 */
public record Block(Kind kind, String plain, List<Span> spans, int line, List<String> attributes, List<Block> hidden) {

    /** What a block is; only prose kinds feed summaries. */
    public enum Kind {
        PARAGRAPH,
        LIST,
        QUOTE,
        CODE,
        TABLE,
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
        hidden = List.copyOf(hidden);
    }

    /** A block with nothing hidden in it: everything but a hint. */
    public Block(Kind kind, String plain, List<Span> spans, int line, List<String> attributes) {
        this(kind, plain, spans, line, attributes, List.of());
    }

    /** A hint: its summary shown, {@code content} kept for whoever asks for it. */
    static Block hint(String summary, int line, List<Block> content) {
        return new Block(Kind.HINT, summary, List.of(new Span(summary, null)), line, List.of(), content);
    }
}
