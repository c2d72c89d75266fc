package dev.workshopbot.content;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns the link targets of one page into absolute URLs, resolved against the page's URL on the site the way a
 * browser would, and keeps only what Discord accepts: each target dropped is a warning on its line.
 */
final class LinkResolver {

    /**
     * Discord's limit on an embed's URL, where page, section and other links go; a link button takes at most 512,
     * and the replies leave out an "Open on the site" button whose URL is longer.
     */
    static final int MAX_LINK_URL = 2048;

    private static final Set<String> KEPT_SCHEMES = Set.of("http", "https", "mailto");

    private final String path;
    private final String pageUrl;
    private final List<Problem> problems;
    /** The page's URL parsed, once per page rather than once per relative link. */
    private URI pageUri;

    LinkResolver(String path, String pageUrl, List<Problem> problems) {
        this.path = path;
        this.pageUrl = pageUrl;
        this.problems = problems;
    }

    /**
     * The URL Jekyll serves {@code path} at under {@code siteBaseUrl}: its {@code permalink}, else {@code a/b/} for
     * {@code a/b.md} and {@code a/} for {@code a/index.md}.
     */
    static String pageUrl(String siteBaseUrl, String path, String permalink) {
        String base = siteBaseUrl.endsWith("/") ? siteBaseUrl.substring(0, siteBaseUrl.length() - 1) : siteBaseUrl;
        String route;
        if (permalink != null && !permalink.isBlank()) {
            route = permalink.startsWith("/") ? permalink.strip() : "/" + permalink.strip();
        } else {
            String stem = path.endsWith(".md") ? path.substring(0, path.length() - 3) : path;
            if (stem.equals("index")) {
                route = "/";
            } else if (stem.endsWith("/index")) {
                route = "/" + stem.substring(0, stem.length() - "index".length());
            } else {
                route = "/" + stem + "/";
            }
        }
        return base + route.replace(" ", "%20");
    }

    /** The URL to keep for a link written on {@code line}, or null after a warning saying why it is dropped. */
    String resolve(String destination, int line) {
        String target = destination.strip();
        if (target.isEmpty()) {
            problems.add(Problem.warning(path, line, "link has no target; kept as plain text"));
            return null;
        }
        try {
            URI uri = absolute(target);
            if (uri == null) {
                problems.add(Problem.warning(
                        path,
                        line,
                        "link to '" + abbreviate(target) + "' dropped: only http, https and mailto links are kept"));
                return null;
            }
            String url = uri.toString();
            String refusal = url.startsWith("mailto:") ? null : refusal(url, uri, MAX_LINK_URL);
            if (refusal != null) {
                problems.add(Problem.warning(
                        path,
                        line,
                        "link to '" + abbreviate(target) + "' dropped: the URL " + refusal + "; kept as plain text"));
                return null;
            }
            return url;
        } catch (URISyntaxException | IllegalArgumentException e) {
            problems.add(Problem.warning(
                    path, line, "link target '" + abbreviate(target) + "' is not a valid URL; kept as plain text"));
            return null;
        }
    }

    /** The same URL as {@link #resolve} for a target already reported, or null, without a second warning. */
    String quietly(String destination) {
        try {
            URI uri = absolute(destination.strip());
            if (uri == null) {
                return null;
            }
            String url = uri.toString();
            return url.startsWith("mailto:") || refusal(url, uri, MAX_LINK_URL) == null ? url : null;
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    /** An image's URL on the site, or null when Discord could not link it (an image is not a link to report). */
    String image(String destination) {
        String url = quietly(destination);
        return url == null || url.startsWith("mailto:") ? null : url;
    }

    /** The absolute URL of a link target, or null when its scheme is not one we keep. */
    private URI absolute(String target) throws URISyntaxException {
        URI uri = new URI(target.replace(" ", "%20"));
        String scheme = uri.getScheme();
        if (scheme != null) {
            return KEPT_SCHEMES.contains(scheme.toLowerCase(Locale.ROOT)) ? uri : null;
        }
        if (target.startsWith("#")) {
            return new URI(pageUrl + target);
        }
        if (pageUri == null) {
            pageUri = new URI(pageUrl);
        }
        return pageUri.resolve(uri);
    }

    /**
     * Why Discord would answer 400 to this URL in an embed or a link button, or null when it takes it: Discord wants an
     * absolute http(s) URI, and a bracket left open also ends a Markdown link early.
     */
    static String discordRefusal(String url, int max) {
        return refusal(url, null, max);
    }

    /** {@link #discordRefusal} for a URL already parsed as {@code parsed}, or null to parse it here. */
    private static String refusal(String url, URI parsed, int max) {
        if (url.length() > max) {
            return "is " + url.length() + " characters long; Discord takes at most " + max;
        }
        int open = 0;
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c <= ' ' || c == 0x7f || c == '<' || c == '>' || c == '"' || c == '\\' || c == '^' || c == '`'
                    || c == '{' || c == '|' || c == '}') {
                return "has '" + (c <= ' ' ? String.format("\\u%04x", (int) c) : String.valueOf(c))
                        + "', which a URL cannot hold";
            }
            open += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (open < 0) {
                return "closes a bracket it never opened";
            }
        }
        if (open > 0) {
            return "opens a bracket it never closes";
        }
        try {
            URI uri = parsed != null ? parsed : new URI(url);
            String scheme = uri.getScheme();
            if (scheme == null
                    || !scheme.equalsIgnoreCase("http") && !scheme.equalsIgnoreCase("https")
                    || uri.getHost() == null) {
                return "is not an absolute http(s) URL";
            }
            return null;
        } catch (URISyntaxException e) {
            return "is not a valid URL (" + e.getReason() + ")";
        }
    }

    static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 59) + "…";
    }
}
