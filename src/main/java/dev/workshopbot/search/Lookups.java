package dev.workshopbot.search;

import dev.workshopbot.content.Library;
import dev.workshopbot.content.Page;
import dev.workshopbot.content.Quote;
import dev.workshopbot.content.ReadingList;
import dev.workshopbot.content.Section;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** Names members type, resolved against one snapshot: sections, pages, reading lists, quote authors, quotes. */
public final class Lookups {

    private static final int SUGGESTIONS = 3;

    private final Snapshot snapshot;

    public Lookups(Snapshot snapshot) {
        this.snapshot = snapshot;
    }

    /** A section by handle or id, then by exact title, then the single closest title. */
    public Lookup<Section> section(String typed) {
        Library library = snapshot.library();
        return find(typed, snapshot.sections(), library::section);
    }

    /** A page by exact title or handle, else the single closest title. */
    public Lookup<Page> page(String typed) {
        Library library = snapshot.library();
        return find(
                typed,
                snapshot.pages(),
                handle -> library.pages().stream()
                        .filter(page -> Library.handleOf(page.path()).equals(handle))
                        .findFirst());
    }

    /** A reading list by id, then by exact title, then the single closest title. */
    public Lookup<ReadingList> readingList(String typed) {
        return find(typed, snapshot.readingLists(), snapshot.library()::readingList);
    }

    /** The attribution of some quote that the typed name means. */
    public Lookup<String> author(String typed) {
        return find(
                typed,
                snapshot.authors(),
                handle -> snapshot.authors().entries().stream()
                        .filter(entry -> entry.value().equals(handle))
                        .map(Suggester.Entry::label)
                        .findFirst());
    }

    /**
     * Ordinals (into {@link Library#quotes()}) of the quotes by {@code author} (any when empty) that contain
     * {@code search} or match it in the index; every quote for a blank search. In reading order.
     */
    public List<Integer> quotes(String search, Optional<String> author) {
        List<Quote> quotes = snapshot.library().quotes();
        Set<Integer> found = new LinkedHashSet<>();
        String lower = search.toLowerCase(Locale.ROOT);
        for (int i = 0; i < quotes.size(); i++) {
            if (search.isBlank()
                    || quotes.get(i).text().toLowerCase(Locale.ROOT).contains(lower)) {
                found.add(i);
            }
        }
        if (!search.isBlank()) {
            found.addAll(snapshot.search().ordinals(SearchIndex.Kind.QUOTE, search, 100));
        }
        return found.stream()
                .filter(i ->
                        author.isEmpty() || author.get().equals(quotes.get(i).attribution()))
                .sorted()
                .toList();
    }

    /** The direct key first (a handle or id), then what the suggester picks, else why not. */
    private static <T> Lookup<T> find(String typed, Suggester names, Function<String, Optional<T>> byKey) {
        String name = typed == null ? "" : typed.strip();
        Optional<T> direct = name.isEmpty() ? Optional.empty() : byKey.apply(name);
        if (direct.isEmpty()) {
            direct = names.pick(name).flatMap(entry -> byKey.apply(entry.value()));
        }
        if (direct.isPresent()) {
            return new Lookup.Found<>(direct.get());
        }
        List<String> close = names.suggest(name, SUGGESTIONS).stream()
                .map(Suggester.Entry::label)
                .toList();
        return close.size() > 1 ? new Lookup.Ambiguous<>(close) : new Lookup.Missing<>(close);
    }
}
