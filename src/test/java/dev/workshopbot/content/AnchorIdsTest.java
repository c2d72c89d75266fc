package dev.workshopbot.content;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnchorIdsTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Why LLMs Can't Replace You (Yet)|why-llms-cant-replace-you-yet",
                "2024 Plans_v2.0|2024-plans_v20",
                "Café & Naïve|café--naïve",
                "Vibe Coding vs. Vibe Engineering|vibe-coding-vs-vibe-engineering",
                "Should I Still Grind LeetCode?|should-i-still-grind-leetcode",
                "🚀 Launch!|-launch",
            })
    void slug_followsKramdownGfm(String heading, String id) {
        assertEquals(id, AnchorIds.slug(heading));
    }

    @Test
    void repeatedHeadings_getNumberedSuffixes() {
        AnchorIds ids = new AnchorIds();
        assertEquals("setup", ids.next("Setup"));
        assertEquals("setup-1", ids.next("Setup"));
        assertEquals("setup-2", ids.next("setup"));
        assertEquals("other", ids.next("Other"));
    }
}
