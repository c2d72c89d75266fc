package dev.workshopbot.content;

import java.util.List;

/**
 * One block of a section's body: {@code plain} feeds summaries and search, {@code spans} keep the links
 * for full text; {@code attributes} are the kramdown attribute lists that style it (callouts).
 */
public record Block(Kind kind, String plain, List<Span> spans, int line, List<String> attributes) {

    /** What a block is; only prose kinds feed summaries. */
    public enum Kind {
        PARAGRAPH,
        LIST,
        QUOTE,
        CODE,
        TABLE,
        IMAGE,
        RULE;

        public boolean isProse() {
            return this == PARAGRAPH || this == LIST || this == QUOTE;
        }
    }

    public Block {
        spans = List.copyOf(spans);
        attributes = List.copyOf(attributes);
    }
}
