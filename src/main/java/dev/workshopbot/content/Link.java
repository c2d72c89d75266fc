package dev.workshopbot.content;

/** A link in the prose: its plain text, absolute URL and where it stands ({@code list} is null outside reading lists). */
public record Link(String text, String url, String page, String section, String list, int line) {
}
