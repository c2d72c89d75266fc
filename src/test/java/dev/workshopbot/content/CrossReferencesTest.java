package dev.workshopbot.content;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Links to the workshop's own pages are navigation, not reading; links under the site that reach no page are reported. */
class CrossReferencesTest {

    private static final Library SITE =
            ContentLoader.forSite(Optional.empty()).load(Path.of("src/test/resources/sites/study-workshop"));
    private static final List<String> PROBLEMS =
            SITE.problems().stream().map(Problem::toString).toList();

    @Test
    void linksToTheWorkshopsPages_inEveryForm_areNotReading() {
        // relative "setup", "./exercises/", "setup.md" (as jekyll-relative-links rewrites it) and an absolute URL
        assertTrue(
                SITE.links().stream()
                        .noneMatch(link -> link.url().startsWith("https://workshop.example.test/prep-workshop/")),
                SITE.links().toString());
        assertTrue(PROBLEMS.stream().noneMatch(problem -> problem.startsWith("faq.md:12:")), PROBLEMS.toString());
        assertTrue(PROBLEMS.stream().noneMatch(problem -> problem.startsWith("index.md:11:")), PROBLEMS.toString());
    }

    @Test
    void aRelativeLinkThatReachesNoPage_isAWarningOnItsLine_namingThePageItMeant() {
        // "./exercise-1" written on setup.md, which the site serves at /setup/, and "./exercise-4" that never existed
        assertTrue(
                PROBLEMS.contains("setup.md:52: warning: link 'first exercise' goes to /setup/exercise-1/ on the "
                        + "site, where there is no page; did you mean exercises/exercise-1.md (Exercise 1: Two Sum)?"),
                PROBLEMS.toString());
        assertTrue(
                PROBLEMS.stream()
                        .anyMatch(problem -> problem.startsWith("exercises/exercise-3.md:35: warning: "
                                + "link 'Exercise 4' goes to /exercises/exercise-3/exercise-4/")),
                PROBLEMS.toString());
    }

    @Test
    void externalLinksAndFilesOnTheSite_stayReading() {
        assertTrue(SITE.links().stream().anyMatch(link -> link.host().equals("email")));
        assertFalse(SITE.links().isEmpty());
        assertTrue(SITE.readingLists().stream().allMatch(list -> !list.links().isEmpty()));
    }
}
