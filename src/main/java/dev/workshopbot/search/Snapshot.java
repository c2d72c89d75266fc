package dev.workshopbot.search;

import dev.workshopbot.content.Library;
import dev.workshopbot.content.Quote;
import dev.workshopbot.content.Section;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** One content version with everything built from it: served as a unit, swapped as a unit. */
public record Snapshot(
        Library library,
        SearchIndex search,
        Suggester sections,
        Suggester readingLists,
        Suggester authors,
        Suggester pages,
        SemanticIndex semantic) {

    /** A snapshot for keyword search; {@link #withSemantic} adds the vectors once they are embedded. */
    public static Snapshot of(Library library) {
        return new Snapshot(
                library,
                SearchIndex.build(library),
                sectionSuggester(library),
                new Suggester(library.readingLists().stream()
                        .map(list -> new Suggester.Entry(list.title(), library.handle(list)))
                        .toList()),
                authorSuggester(library),
                new Suggester(library.pages().stream()
                        .map(page -> new Suggester.Entry(page.title(), Library.handleOf(page.path())))
                        .toList()),
                null);
    }

    /** The same content with its passages' vectors: hybrid retrieval from now on. */
    public Snapshot withSemantic(SemanticIndex index) {
        return new Snapshot(library, search, sections, readingLists, authors, pages, index);
    }

    /** Hybrid retrieval when the vectors are there, keyword search until then. */
    public Retrieval retrieval() {
        return new Retrieval(search, semantic);
    }

    /** Section titles repeated across pages are told apart by their page title, as everywhere they are shown. */
    private static Suggester sectionSuggester(Library library) {
        List<Suggester.Entry> entries = new ArrayList<>();
        for (Section section : library.sections()) {
            entries.add(new Suggester.Entry(library.displayTitle(section), library.handle(section)));
        }
        return new Suggester(entries);
    }

    private static Suggester authorSuggester(Library library) {
        Set<String> authors = new LinkedHashSet<>();
        for (Quote quote : library.quotes()) {
            if (quote.attribution() != null && !quote.attribution().isBlank()) {
                authors.add(quote.attribution());
            }
        }
        return new Suggester(authors.stream()
                .map(author -> new Suggester.Entry(author, Library.handleOf(author)))
                .toList());
    }
}
