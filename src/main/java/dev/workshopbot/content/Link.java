package dev.workshopbot.content;

import java.net.URI;

/**
 * A link in the prose: its plain text, absolute URL and where it stands ({@code list} is null outside reading lists);
 * {@code description} is what a reading list's item says after the link, or null.
 */
public record Link(String text, String url, String page, String section, String list, int line, String description) {

    Link withDescription(String description) {
        return new Link(text, url, page, section, list, line, description);
    }

    /** The site a reader lands on ({@code example.com}), or {@code email} for mailto links. */
    public String host() {
        if (url.startsWith("mailto:")) {
            return "email";
        }
        try {
            String host = URI.create(url).getHost();
            if (host != null) {
                return host.startsWith("www.") ? host.substring(4) : host;
            }
        } catch (IllegalArgumentException e) {
            return "link";
        }
        return "link";
    }
}
