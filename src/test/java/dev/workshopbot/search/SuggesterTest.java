package dev.workshopbot.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SuggesterTest {

    private static final Suggester SECTIONS = new Suggester(List.of(
            new Suggester.Entry("The Illusion of Vibe Coding", "the-illusion-of-vibe-coding"),
            new Suggester.Entry("Vibe Coding vs. Vibe Engineering", "vibe-coding-vs-vibe-engineering"),
            new Suggester.Entry("Vibe", "vibe"),
            new Suggester.Entry("Interview Basics", "interview-basics")));

    private static List<String> values(List<Suggester.Entry> entries) {
        return entries.stream().map(Suggester.Entry::value).toList();
    }

    @Test
    void exactMatch_first_thenPrefix_thenWordPrefix() {
        assertEquals(
                List.of("vibe", "vibe-coding-vs-vibe-engineering", "the-illusion-of-vibe-coding"),
                values(SECTIONS.suggest("vibe", 25)));
    }

    @Test
    void typos_stillFind_byFuzzyMatch() {
        assertEquals(List.of("interview-basics"), values(SECTIONS.suggest("intervew", 25)));
    }

    @Test
    void emptyInput_offersTheReadingOrder() {
        assertEquals(values(SECTIONS.entries()), values(SECTIONS.suggest("", 25)));
    }

    @Test
    void neverMoreThan25_evenWhenAskedForMore() {
        List<Suggester.Entry> many = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            many.add(new Suggester.Entry("Part " + i, "part-" + i));
        }
        List<Suggester.Entry> choices = new Suggester(many).suggest("part", 100);
        assertEquals(25, choices.size());
        assertEquals("part-0", choices.get(0).value());
    }

    @Test
    void exactLookup_ignoresCaseAndSpacing() {
        assertTrue(SECTIONS.exact("  the illusion OF vibe coding ").isPresent());
        assertTrue(SECTIONS.exact("the illusion").isEmpty());
    }
}
