package dev.workshopbot.content;

import java.net.URI;

/** A link in the prose: its plain text, absolute URL and where it stands ({@code list} is null outside reading lists). */
public record Link(String text, String url, String page, String section, String list, int line) {

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
