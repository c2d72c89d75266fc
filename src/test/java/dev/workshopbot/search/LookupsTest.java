package dev.workshopbot.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.workshopbot.content.ContentLoader;
import dev.workshopbot.content.Library;
import dev.workshopbot.content.Page;
import dev.workshopbot.content.Quote;
import dev.workshopbot.content.Section;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Names typed by members, resolved on a real Jekyll site whose exercise pages repeat the same headings. */
class LookupsTest {

    private static final Library SITE = new ContentLoader("https://workshop.example.test/prep-workshop")
            .load(Path.of("src/test/resources/sites/study-workshop"));
    private static final Lookups LOOKUPS = new Lookups(Snapshot.of(SITE));

    @Test
    void aNameCloseToAHeadingEveryExercisePageHas_isAmbiguous_andEachCandidateNamesItsPage() {
        // GIVEN three exercise pages with a "Hints" heading WHEN a member types "hint" without picking one
        Lookup<Section> hints = LOOKUPS.section("hint");
        Lookup.Ambiguous<Section> ambiguous = assertInstanceOf(Lookup.Ambiguous.class, hints);
        assertEquals(3, ambiguous.candidates().size(), ambiguous.candidates().toString());
        assertTrue(
                ambiguous.candidates().stream().allMatch(name -> name.startsWith("Hints · Exercise ")),
                ambiguous.candidates().toString());
    }

    @Test
    void aRepeatedHeadingQualifiedByItsPage_isFoundOnThatPage() {
        Lookup<Section> found = LOOKUPS.section("Problem Statement · Exercise 2: Sorted Pair");
        Section section = assertInstanceOf(Lookup.Found.class, found).value() instanceof Section s ? s : null;
        assertEquals("exercises/exercise-2.md", section.pagePath());
        assertEquals("problem-statement", section.id());
    }

    @Test
    void aTypoWithOneCloseTitle_isFound_andNonsenseIsMissing() {
        Section install = (Section) assertInstanceOf(Lookup.Found.class, LOOKUPS.section("instal the tools"))
                .value();
        assertEquals("install-the-tools", install.id());
        assertInstanceOf(Lookup.Missing.class, LOOKUPS.section("zzqx"));
    }

    @Test
    void pages_areFoundByTitle_andAPrefixOfSeveralIsAmbiguous() {
        Page faq =
                (Page) assertInstanceOf(Lookup.Found.class, LOOKUPS.page("faq")).value();
        assertEquals("faq.md", faq.path());
        Lookup<Page> exercise = LOOKUPS.page("Exercise");
        assertTrue(exercise.alternatives().size() > 1, exercise.toString());
    }

    @Test
    void authors_andTheirQuotes() {
        assertEquals(new Lookup.Found<>("Kent Beck"), LOOKUPS.author("kent beck"));
        assertInstanceOf(Lookup.Missing.class, LOOKUPS.author("Nobody At All"));
        List<Integer> byKent = LOOKUPS.quotes("", Optional.of("Kent Beck"));
        List<Quote> quotes = SITE.quotes();
        assertEquals(1, byKent.size());
        assertEquals("Kent Beck", quotes.get(byKent.get(0)).attribution());
        assertEquals(quotes.size(), LOOKUPS.quotes("", Optional.empty()).size(), "a blank search is every quote");
    }
}
