package dev.workshopbot.content;

/** A run of plain text, linked when {@code url} is not null. */
public record Span(String text, String url) {

    public static Span plain(String text) {
        return new Span(text, null);
    }
}
