package dev.workshopbot.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without reading-plan.yml the plan is a page a day, long pages split near ten minutes, and no day is empty. */
class DefaultPlanTest {

    private static int words(Library library, ReadingPlan.Day day) {
        return day.sections().stream()
                .mapToInt(key -> library.section(key).orElseThrow().words())
                .sum();
    }

    @Test
    void onTheFixtureSite_eachPageIsADay_andNoDayIsEmpty() {
        Library site = ContentLoader.forSite(Optional.empty()).load(Path.of("src/test/resources/sites/study-workshop"));
        ReadingPlan plan = site.plan();
        assertTrue(plan.size() < site.sections().size(), "fewer days than sections: " + plan.size());
        plan.days().forEach(day -> assertTrue(words(site, day) > 0, "empty day " + day));
        // every section is read once, in reading order
        assertEquals(
                site.sections().stream().map(Section::key).toList(),
                plan.days().stream().flatMap(day -> day.sections().stream()).toList());
        // a day never mixes two pages unless a page had nothing of its own to read
        ReadingPlan.Day first = plan.days().get(0);
        assertEquals(
                "index.md", site.section(first.sections().get(0)).orElseThrow().pagePath());
    }

    @Test
    void aLongPage_isSplitAtItsLevelTwoHeadings_intoDaysNearTenMinutes(@TempDir Path dir) throws IOException {
        StringBuilder page = new StringBuilder("---\ntitle: Long\n---\n# Long\n\nIntro words here.\n");
        String paragraph = "Every sentence here has exactly eight words in it. ".repeat(100);
        for (int chapter = 1; chapter <= 5; chapter++) {
            page.append("\n## Chapter ")
                    .append(chapter)
                    .append("\n\n")
                    .append(paragraph)
                    .append('\n')
                    .append("\n### Detail ")
                    .append(chapter)
                    .append("\n\n")
                    .append(paragraph)
                    .append('\n');
        }
        Files.writeString(dir.resolve("long.md"), page.toString());
        Library library = new ContentLoader("https://x.example").load(dir);
        List<ReadingPlan.Day> days = library.plan().days();
        // 5 chapters of ~1,600 words: one chapter a day, each starting at its level-2 heading
        assertEquals(5, days.size(), days.toString());
        for (ReadingPlan.Day day : days) {
            assertTrue(words(library, day) <= ReadingPlan.DAY_WORDS + 10, day.toString());
        }
        assertEquals(
                2, library.section(days.get(1).sections().get(0)).orElseThrow().level());
    }
}
