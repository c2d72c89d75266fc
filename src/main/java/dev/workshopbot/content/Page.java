package dev.workshopbot.content;

import java.util.List;

/** One Markdown file of the workshop, with its sections in document order. */
public record Page(String path, String title, Object navOrder, String parent, String url, List<Section> sections) {

    public Page {
        sections = List.copyOf(sections);
    }
}
