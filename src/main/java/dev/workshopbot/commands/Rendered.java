package dev.workshopbot.commands;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.List;
import java.util.function.Supplier;

/**
 * Pages of text a command renders from one content version, kept so that paging through a long table of
 * contents or reading list does not render it all again on every click. Keyed by content version, so a new
 * version never sees pages rendered from the old one.
 */
final class Rendered {

    private final Cache<String, List<String>> pages =
            Caffeine.newBuilder().maximumSize(256).build();

    List<String> pages(String version, String what, Supplier<List<String>> render) {
        return pages.get(version + "\u0000" + what, key -> List.copyOf(render.get()));
    }
}
