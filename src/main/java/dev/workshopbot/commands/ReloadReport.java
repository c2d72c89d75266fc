package dev.workshopbot.commands;

import dev.workshopbot.content.Library;
import dev.workshopbot.content.LibraryDiff;
import dev.workshopbot.content.Problem;
import dev.workshopbot.reload.ContentReloader;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A reload's result in words: the one text that {@code /reload}'s embed and the console's {@code reload} both show,
 * so that the two doors never tell a moderator different things.
 */
public record ReloadReport(String title, String description, List<Part> parts, List<String> problems, String footer) {

    /** One kind of thing that changed ("Pages", "Sections"…), with a line each for added, removed and changed. */
    public record Part(String kind, List<String> lines) {}

    /**
     * The report of {@code result}, naming at most {@code namesShown} ids per line, each written through
     * {@code name} (Discord marks them as code; a terminal shows them as they are).
     */
    public static ReloadReport of(ContentReloader.Result result, int namesShown, UnaryOperator<String> name) {
        String versions = "Content " + name.apply(Library.shortVersion(result.oldVersion())) + " → "
                + name.apply(Library.shortVersion(result.newVersion()));
        return switch (result.outcome()) {
            case BUSY ->
                new ReloadReport(
                        "A reload is already running",
                        "Try again in a moment; the running reload will report when it is done.",
                        List.of(),
                        List.of(),
                        null);
            case UNCHANGED ->
                new ReloadReport(
                        "No change",
                        "The content is the same as what is being served ("
                                + name.apply(Library.shortVersion(result.oldVersion())) + ").",
                        List.of(),
                        List.of(),
                        null);
            case REFUSED ->
                new ReloadReport(
                        "Reload refused: still serving the old content",
                        null,
                        List.of(),
                        result.problems().stream().map(Problem::toString).toList(),
                        "Fix these and reload again · still serving " + Library.shortVersion(result.oldVersion()));
            case SWAPPED -> {
                LibraryDiff diff = result.diff();
                List<Part> parts = new ArrayList<>();
                part(parts, "Pages", diff.pages(), namesShown, name);
                part(parts, "Sections", diff.sections(), namesShown, name);
                part(parts, "Links", diff.links(), namesShown, name);
                part(parts, "Quotes", diff.quotes(), namesShown, name);
                part(parts, "Reading lists", diff.readingLists(), namesShown, name);
                yield new ReloadReport(
                        "Reloaded",
                        versions
                                + (diff.isEmpty()
                                        ? "\nOnly formatting changed: no page, section, link, quote or list did."
                                        : ""),
                        List.copyOf(parts),
                        List.of(),
                        null);
            }
        };
    }

    /** The whole report for a terminal: every name and every problem, one per line. */
    public static String text(ContentReloader.Result result) {
        ReloadReport report = of(result, Integer.MAX_VALUE, UnaryOperator.identity());
        StringBuilder out = new StringBuilder(report.title()).append('\n');
        if (report.description() != null) {
            out.append(report.description()).append('\n');
        }
        for (Part part : report.parts()) {
            out.append(part.kind()).append('\n');
            part.lines().forEach(line -> out.append("  ").append(line).append('\n'));
        }
        report.problems().forEach(problem -> out.append(problem).append('\n'));
        if (report.footer() != null) {
            out.append('(').append(report.footer()).append(")\n");
        }
        return out.toString().stripTrailing();
    }

    private static void part(
            List<Part> parts, String kind, LibraryDiff.Change change, int namesShown, UnaryOperator<String> name) {
        if (change.isEmpty()) {
            return;
        }
        List<String> lines = new ArrayList<>();
        line(lines, "added", change.added(), namesShown, name);
        line(lines, "removed", change.removed(), namesShown, name);
        line(lines, "changed", change.changed(), namesShown, name);
        parts.add(new Part(kind, List.copyOf(lines)));
    }

    private static void line(
            List<String> lines, String what, List<String> ids, int namesShown, UnaryOperator<String> name) {
        if (ids.isEmpty()) {
            return;
        }
        List<String> shown = ids.stream().limit(namesShown).map(name).toList();
        lines.add(what + " " + ids.size() + ": " + String.join(", ", shown)
                + (ids.size() > shown.size() ? " " + Fit.andMore(ids.size() - shown.size()) : ""));
    }
}
