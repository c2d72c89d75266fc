package dev.workshopbot.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.workshopbot.content.LibraryDiff;
import dev.workshopbot.content.Problem;
import dev.workshopbot.reload.ContentReloader;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The reload report both doors show, built from plain results. */
class ReloadReportTest {

    private static final LibraryDiff.Change NONE = new LibraryDiff.Change(List.of(), List.of(), List.of());
    private static final String OLD = "0123456789abcdef";
    private static final String NEW = "fedcba9876543210";

    private static ContentReloader.Result swapped(LibraryDiff diff) {
        return new ContentReloader.Result(ContentReloader.Result.Outcome.SWAPPED, OLD, NEW, diff, List.of());
    }

    @Test
    void swapped_textNamesEveryIdAddedRemovedAndChanged_perKind() {
        // GIVEN a reload that added two sections, removed one, changed a page and removed a link
        LibraryDiff diff = new LibraryDiff(
                new LibraryDiff.Change(List.of(), List.of(), List.of("setup.md")),
                new LibraryDiff.Change(List.of("recent", "later"), List.of("gone"), List.of()),
                new LibraryDiff.Change(List.of(), List.of("setup.md#https://b.example"), List.of()),
                NONE,
                NONE);
        // WHEN it is shown in a terminal
        String text = ReloadReport.text(swapped(diff));
        // THEN the versions and every name appear, grouped by kind, and untouched kinds are left out
        assertEquals("""
                Reloaded
                Content 0123456789ab → fedcba987654
                Pages
                  changed 1: setup.md
                Sections
                  added 2: recent, later
                  removed 1: gone
                Links
                  removed 1: setup.md#https://b.example""", text);
    }

    @Test
    void refused_listsEveryProblemAsFileLineMessage_andSaysTheOldContentIsKept() {
        // GIVEN a reload refused for two problems in two files
        List<Problem> problems = List.of(
                Problem.error("yaml.md", 2, "malformed front matter"), Problem.error("latin.md", 3, "not UTF-8"));
        ContentReloader.Result refused =
                new ContentReloader.Result(ContentReloader.Result.Outcome.REFUSED, OLD, NEW, null, problems);
        // WHEN it is shown in a terminal
        String text = ReloadReport.text(refused);
        // THEN each problem has its own file:line line, not a count
        assertTrue(text.startsWith("Reload refused: still serving the old content\n"), text);
        assertTrue(text.contains("\nyaml.md:2: error: malformed front matter\n"), text);
        assertTrue(text.contains("\nlatin.md:3: error: not UTF-8\n"), text);
        assertTrue(text.endsWith("still serving 0123456789ab)"), text);
        assertFalse(text.contains("error(s)"), text);
    }

    @Test
    void namesShown_limitsEachLine_andCountsTheRest_throughTheDoorsOwnMarkup() {
        // GIVEN seven added sections
        List<String> added = List.of("a", "b", "c", "d", "e", "f", "g");
        LibraryDiff diff = new LibraryDiff(NONE, new LibraryDiff.Change(added, List.of(), List.of()), NONE, NONE, NONE);
        // WHEN the report is built as Discord wants it: five names, each as code
        ReloadReport report = ReloadReport.of(swapped(diff), 5, id -> "`" + id + "`");
        // THEN the line shows five marked names and the count of the others, and the versions are marked too
        assertEquals(
                List.of(new ReloadReport.Part("Sections", List.of("added 7: `a`, `b`, `c`, `d`, `e` and 2 more"))),
                report.parts());
        assertEquals("Content `0123456789ab` → `fedcba987654`", report.description());
    }

    @Test
    void swappedWithAnEmptyDiff_saysOnlyFormattingChanged() {
        // GIVEN a new version whose pages, sections, links, quotes and lists are all the same
        LibraryDiff diff = new LibraryDiff(NONE, NONE, NONE, NONE, NONE);
        // WHEN it is reported
        ReloadReport report = ReloadReport.of(swapped(diff), 5, UnaryOperator.identity());
        // THEN it says so instead of listing nothing
        assertTrue(
                report.description().endsWith("Only formatting changed: no page, section, link, quote or list did."),
                report.description());
        assertEquals(List.of(), report.parts());
    }
}
