package dev.workshopbot.content;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.search.spell.LevenshteinDistance;

/**
 * Which links point into the workshop itself. A link to one of its pages (relative in any form, {@code page.md} as
 * jekyll-relative-links rewrites it, or absolute under the site's URL) is navigation, not reading; one under the
 * site that reaches no page is broken, and the page it most likely meant is named.
 */
final class CrossReferences {

    /** What a link's URL is to the workshop. */
    sealed interface Target {
        /** Outside the site, or a file on it (an image, a PDF): a link like any other. */
        record Elsewhere() implements Target {}

        /** One of the workshop's pages. */
        record ToPage(Page page) implements Target {}

        /** Under the site, but no page is there; {@code likely} is the page the author probably meant. */
        record Broken(String path, Optional<Page> likely) implements Target {}
    }

    private final List<String> bases;
    private final Map<String, Page> byRoute = new HashMap<>();
    private final Map<String, Page> bySource = new HashMap<>();
    private final List<Page> pages;

    /** {@code bases} are the URLs the site is known under: the one pages are linked to first, then any other. */
    CrossReferences(List<String> bases, List<Page> pages) {
        this.bases = bases.stream()
                .map(base -> base.endsWith("/") ? base.substring(0, base.length() - 1) : base)
                .distinct()
                .toList();
        this.pages = pages;
        for (Page page : pages) {
            route(page.url()).ifPresent(route -> byRoute.putIfAbsent(route, page));
            bySource.put(page.path(), page);
        }
    }

    /** What {@code url}, written on page {@code from}, points to. */
    Target of(String url, Page from) {
        Optional<String> route = route(url);
        if (route.isEmpty()) {
            return new Target.Elsewhere();
        }
        String path = route.get();
        if (path.endsWith(".md")) {
            return markdownFile(path, from);
        }
        String last = path.substring(path.lastIndexOf('/') + 1);
        if (last.contains(".") && !last.endsWith(".html")) {
            return new Target.Elsewhere();
        }
        String pretty = path.endsWith(".html") ? path.substring(0, path.length() - ".html".length()) : path;
        pretty = pretty.endsWith("/") ? pretty : pretty + "/";
        if (pretty.endsWith("/index/")) {
            pretty = pretty.substring(0, pretty.length() - "index/".length());
        }
        Page page = byRoute.get(pretty);
        return page != null ? new Target.ToPage(page) : new Target.Broken(pretty, likely(pretty));
    }

    /** A link to a {@code .md} source, which jekyll-relative-links resolves against the linking file's folder. */
    private Target markdownFile(String path, Page from) {
        Optional<String> fromRoute = route(from.url());
        String relative = fromRoute.isPresent() && path.startsWith(fromRoute.get())
                ? path.substring(fromRoute.get().length())
                : path.substring(1);
        Path folder = Path.of(from.path()).getParent();
        String source = (folder == null ? Path.of(relative) : folder.resolve(relative))
                .normalize()
                .toString()
                .replace('\\', '/');
        Page page = bySource.getOrDefault(source, bySource.get(path.substring(1)));
        return page != null ? new Target.ToPage(page) : new Target.Broken(path, likely(path));
    }

    /** The path of {@code url} under the site, without fragment or query; empty for a URL elsewhere. */
    private Optional<String> route(String url) {
        String base = bases.stream()
                .filter(known -> url.startsWith(known)
                        && (url.length() == known.length() || "/#?".indexOf(url.charAt(known.length())) >= 0))
                .findFirst()
                .orElse(null);
        if (base == null) {
            return Optional.empty();
        }
        String rest = url.substring(base.length());
        int cut = rest.length();
        for (char end : new char[] {'#', '?'}) {
            int at = rest.indexOf(end);
            cut = at >= 0 ? Math.min(cut, at) : cut;
        }
        String path = rest.substring(0, cut);
        return Optional.of(path.isEmpty() ? "/" : path);
    }

    /** The page whose file or route ends most like {@code path} does. */
    private Optional<Page> likely(String path) {
        String wanted = lastSegment(path);
        LevenshteinDistance distance = new LevenshteinDistance();
        return pages.stream()
                .max(Comparator.comparingDouble(page -> Math.max(
                        distance.getDistance(wanted, lastSegment(page.path())),
                        distance.getDistance(
                                wanted, lastSegment(route(page.url()).orElse(""))))));
    }

    private static String lastSegment(String path) {
        String trimmed = path.replaceAll("(\\.md|\\.html|/)+$", "");
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }
}
