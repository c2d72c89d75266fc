package dev.workshopbot.content;

import java.util.Set;

/**
 * A run of text with the author's formatting: linked when {@code url} is not null, styled by {@code marks}. A
 * {@link Mark#CODE_BLOCK} span is a fenced code block inside a list item, in {@code language} when it names one.
 */
public record Span(String text, String url, Set<Mark> marks, String language) {

    /**
     * Inline formatting kept from the Markdown. {@link #IMAGE} is an image's alt text, linked to the image;
     * {@link #CROSS_REFERENCE} a link to a page of the workshop itself, shown as navigation ("→ Setup").
     */
    public enum Mark {
        CROSS_REFERENCE,
        STRIKE,
        BOLD,
        ITALIC,
        CODE,
        CODE_BLOCK,
        IMAGE
    }

    public Span {
        marks = Set.copyOf(marks);
        language = language == null ? "" : language;
    }

    /** Unstyled text, linked when {@code url} is not null. */
    public Span(String text, String url) {
        this(text, url, Set.of(), "");
    }

    public static Span plain(String text) {
        return new Span(text, null);
    }

    public static Span codeBlock(String code, String language) {
        return new Span(code, null, Set.of(Mark.CODE_BLOCK), language);
    }

    public boolean has(Mark mark) {
        return marks.contains(mark);
    }

    /** Whether the text is prose a summary or search may read: not code blocks, not image descriptions. */
    public boolean isProse() {
        return !has(Mark.CODE_BLOCK) && !has(Mark.IMAGE);
    }

    Span withUrl(String url, Mark mark) {
        java.util.EnumSet<Mark> more = java.util.EnumSet.of(mark);
        more.addAll(marks);
        return new Span(text, url, more, language);
    }

    Span withText(String text) {
        return text.equals(this.text) ? this : new Span(text, url, marks, language);
    }
}
