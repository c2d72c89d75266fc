package dev.workshopbot.content;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Orders pages as just-the-docs orders its navigation: numbers, then strings, then titles; children under parents. */
final class NavOrder {

    private static final Comparator<Page> SIBLINGS = Comparator.comparingInt(
                    (Page page) -> page.navOrder() instanceof Number ? 0 : page.navOrder() instanceof String ? 1 : 2)
            .thenComparingDouble(page -> page.navOrder() instanceof Number number ? number.doubleValue() : 0)
            .thenComparing(page -> page.navOrder() instanceof String text ? text.toLowerCase(Locale.ROOT) : "")
            .thenComparing(page -> page.title().toLowerCase(Locale.ROOT))
            .thenComparing(Page::path);

    private NavOrder() {}

    /** Pages in reading order; a page whose parent title matches no page is a warning and sorts at the top level. */
    static List<Page> order(List<Page> pages, List<Problem> problems) {
        Map<String, Page> byTitle = new HashMap<>();
        pages.forEach(page -> byTitle.putIfAbsent(page.title(), page));
        Map<String, List<Page>> children = new HashMap<>();
        List<Page> roots = new ArrayList<>();
        for (Page page : pages) {
            Page parent = page.parent() == null ? null : byTitle.get(page.parent());
            if (page.parent() != null && (parent == null || parent == page)) {
                problems.add(Problem.warning(
                        page.path(),
                        2,
                        "parent '" + page.parent()
                                + "' is the title of no other page; the page is listed at the top level"));
                roots.add(page);
            } else if (parent == null) {
                roots.add(page);
            } else {
                children.computeIfAbsent(parent.path(), key -> new ArrayList<>())
                        .add(page);
            }
        }
        Set<String> placed = new HashSet<>();
        List<Page> ordered = new ArrayList<>();
        roots.sort(SIBLINGS);
        for (Page root : roots) {
            visit(root, children, placed, ordered);
        }
        // Pages caught in a parent cycle are reachable from no root; they still get served.
        pages.stream()
                .filter(page -> !placed.contains(page.path()))
                .sorted(SIBLINGS)
                .forEach(ordered::add);
        return ordered;
    }

    private static void visit(Page page, Map<String, List<Page>> children, Set<String> placed, List<Page> ordered) {
        if (!placed.add(page.path())) {
            return;
        }
        ordered.add(page);
        List<Page> kids = new ArrayList<>(children.getOrDefault(page.path(), List.of()));
        kids.sort(SIBLINGS);
        kids.forEach(kid -> visit(kid, children, placed, ordered));
    }
}
