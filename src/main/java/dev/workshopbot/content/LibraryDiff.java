package dev.workshopbot.content;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/** What changed between two snapshots: per kind, the ids added, removed and changed. */
public record LibraryDiff(Change pages, Change sections, Change links, Change quotes, Change readingLists) {

    /** Ids of one kind of thing, added, removed and changed, in reading order. */
    public record Change(List<String> added, List<String> removed, List<String> changed) {
        public boolean isEmpty() {
            return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
        }

        @Override
        public String toString() {
            return "+" + added.size() + " -" + removed.size() + " ~" + changed.size();
        }
    }

    public boolean isEmpty() {
        return pages.isEmpty() && sections.isEmpty() && links.isEmpty() && quotes.isEmpty() && readingLists.isEmpty();
    }

    public static LibraryDiff between(Library before, Library after) {
        return new LibraryDiff(
                change(before.pages(), after.pages(), Page::path, page -> page),
                change(
                        before.sections(),
                        after.sections(),
                        Section::key,
                        section -> List.of(section.title(), section.summary(), section.blocks(), section.level())),
                change(
                        occurrences(before.links(), link -> link.page() + "#" + link.url()),
                        occurrences(after.links(), link -> link.page() + "#" + link.url()),
                        Map.Entry::getKey,
                        entry -> List.of(
                                entry.getValue().text(),
                                String.valueOf(entry.getValue().section()),
                                String.valueOf(entry.getValue().list()))),
                change(
                        occurrences(before.quotes(), quote -> quote.page() + "#" + quote.section()),
                        occurrences(after.quotes(), quote -> quote.page() + "#" + quote.section()),
                        Map.Entry::getKey,
                        entry -> List.of(
                                entry.getValue().text(),
                                String.valueOf(entry.getValue().attribution()),
                                String.valueOf(entry.getValue().attributionUrl()))),
                change(
                        before.readingLists(),
                        after.readingLists(),
                        ReadingList::id,
                        list -> List.of(list.title(), list.links(), list.section())));
    }

    /**
     * Things that have no id of their own (links, quotes) are named by where they stand and their place there:
     * {@code page#url} (the 2nd link to the same URL on a page gets {@code @2}), {@code page#section@n}.
     */
    private static <T> List<Map.Entry<String, T>> occurrences(List<T> items, Function<T, String> place) {
        Map<String, Integer> seen = new LinkedHashMap<>();
        List<Map.Entry<String, T>> named = new ArrayList<>();
        for (T item : items) {
            String base = place.apply(item);
            int n = seen.merge(base, 1, Integer::sum);
            named.add(Map.entry(n == 1 ? base : base + "@" + n, item));
        }
        return named;
    }

    private static <T> Change change(
            List<T> before, List<T> after, Function<T, String> id, Function<T, Object> content) {
        Map<String, T> old = new LinkedHashMap<>();
        before.forEach(item -> old.putIfAbsent(id.apply(item), item));
        Map<String, T> now = new LinkedHashMap<>();
        after.forEach(item -> now.putIfAbsent(id.apply(item), item));
        List<String> added = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        for (Map.Entry<String, T> entry : now.entrySet()) {
            T previous = old.get(entry.getKey());
            if (previous == null) {
                added.add(entry.getKey());
            } else if (!Objects.equals(content.apply(previous), content.apply(entry.getValue()))) {
                changed.add(entry.getKey());
            }
        }
        List<String> removed =
                old.keySet().stream().filter(key -> !now.containsKey(key)).toList();
        return new Change(List.copyOf(added), removed, List.copyOf(changed));
    }
}
