package dev.workshopbot.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Jekyll source folder is content: its _config.yml, _data and Liquid are read as the site would be built. */
class SiteFolderTest {

    private static final Path SITE = Path.of("src/test/resources/sites/study-workshop");
    private static final Library LIBRARY =
            ContentLoader.forSite(Optional.empty()).load(SITE);

    private static String text(Section section) {
        return String.join("\n", section.blocks().stream().map(Block::plain).toList());
    }

    @Test
    void withoutAConfiguredBase_pageUrlsComeFromTheSitesUrlAndBaseurl() {
        assertTrue(LIBRARY.knowsItsSite());
        assertEquals(
                "https://workshop.example.test/prep-workshop/setup/",
                LIBRARY.page("setup.md").orElseThrow().url());
        // AND a configured base still wins over the site's own
        Library configured = ContentLoader.forSite(Optional.of("https://mirror.example.test"))
                .load(SITE);
        assertEquals(
                "https://mirror.example.test/setup/",
                configured.page("setup.md").orElseThrow().url());
    }

    @Test
    void underscoreFoldersExcludedFilesAndNonMarkdown_areNoPages() {
        List<String> paths = LIBRARY.pages().stream().map(Page::path).toList();
        assertFalse(paths.contains("README.md"), "README.md is in _config.yml's exclude: " + paths);
        assertTrue(paths.stream().noneMatch(path -> path.startsWith("_") || !path.endsWith(".md")), paths.toString());
        assertEquals(9, paths.size(), paths.toString());
    }

    @Test
    void liquidOutput_isResolvedFromConfigAndData_inHeadingsAndText() {
        Section home = LIBRARY.pages().stream()
                .filter(page -> page.path().equals("index.md"))
                .findFirst()
                .orElseThrow()
                .sections()
                .get(0);
        assertEquals("Interview Prep Workshop", home.title());
        assertEquals("interview-prep-workshop", home.id());
        assertTrue(text(home).contains("We meet every Thursday at 18:30"), text(home));
        Section setup = LIBRARY.section("setup.md", "setup").orElseThrow();
        assertTrue(text(setup).contains("The workshop uses Python 3.12."), text(setup));
        // AND no page shows Liquid raw
        LIBRARY.sections()
                .forEach(section -> assertFalse(
                        text(section).contains("{{") || text(section).contains("{%"),
                        section.key() + ": " + text(section)));
    }

    @Test
    void liquidTheBotCannotAnswer_isAWarningOnItsLine_andIsLeftOut() {
        List<String> problems =
                LIBRARY.problems().stream().map(Problem::toString).toList();
        assertTrue(
                problems.contains("setup.md:55: warning: Liquid output '{{ site.data.workshop.missing_key }}' names "
                        + "nothing in _config.yml, _data or the page; it is left out"),
                problems.toString());
        assertTrue(
                problems.contains("index.md:26: warning: Liquid tag '{% include custom-note.html %}' is not "
                        + "something the bot can show; it is left out"),
                problems.toString());
    }

    @Test
    void rawKeepsItsText_pageTitleIsThePages_andABrokenConfigIsAWarningWithItsLine(@TempDir Path dir)
            throws IOException {
        Files.writeString(dir.resolve("_config.yml"), "title: Site\nurl: [broken\n");
        Files.writeString(
                dir.resolve("page.md"),
                "---\ntitle: The Page\n---\n# {{ page.title }}\n\n"
                        + "Write {% raw %}{{ name }}{% endraw %} in a template. {% if x %}Shown{% endif %} here.\n");
        Library library = ContentLoader.forSite(Optional.empty()).load(dir);
        Section section = library.sections().get(0);
        assertEquals("The Page", section.title());
        assertEquals("Write {{ name }} in a template. Shown here.", text(section));
        assertFalse(library.knowsItsSite());
        assertTrue(
                library.problems().stream()
                        .anyMatch(problem -> problem.toString().startsWith("_config.yml:2: warning: not read:")),
                library.problems().toString());
    }

    @Test
    void sectionsArePerPage_pageSlashAnchorReachesEveryPage_theFirstToo_andRepeatsAreNoWarning() {
        // GIVEN three exercise pages that each have "Hints"
        for (int n = 1; n <= 3; n++) {
            Section hints =
                    LIBRARY.section("exercises/exercise-" + n + "/hints").orElseThrow();
            assertEquals("exercises/exercise-" + n + ".md", hints.pagePath());
        }
        // THEN a bare anchor that several pages share names none of them, a unique one still works
        assertTrue(LIBRARY.section("hints").isEmpty());
        assertEquals(
                "setup.md", LIBRARY.section("install-the-tools").orElseThrow().pagePath());
        // AND the repeats are not reported as problems
        assertTrue(
                LIBRARY.problems().stream()
                        .noneMatch(problem -> problem.toString().contains("also used by")),
                LIBRARY.problems().toString());
    }
}
