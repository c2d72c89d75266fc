package dev.workshopbot.content;

import java.util.List;

/** A bulleted list of links, titled by what introduces it; {@code links} are URLs, de-duplicated, in order. */
public record ReadingList(String id, String title, String page, String section, int line, List<String> links) {

    public ReadingList {
        links = List.copyOf(links);
    }
}
