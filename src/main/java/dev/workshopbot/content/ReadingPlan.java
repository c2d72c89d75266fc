package dev.workshopbot.content;

import java.util.List;

/** The daily reading plan: an authored {@code reading-plan.yml}, or one section a day in reading order. */
public record ReadingPlan(List<Day> days, boolean authored) {

    /** One day: the sections to read (workshop keys), extra links (URLs) and a discussion prompt (may be null). */
    public record Day(List<String> sections, List<String> links, String prompt, int line) {
        public Day {
            sections = List.copyOf(sections);
            links = List.copyOf(links);
        }
    }

    public ReadingPlan {
        days = List.copyOf(days);
    }

    public int size() {
        return days.size();
    }

    static ReadingPlan oneSectionADay(List<Section> sections) {
        return new ReadingPlan(
                sections.stream()
                        .map(section -> new Day(List.of(section.key()), List.of(), null, 0))
                        .toList(),
                false);
    }
}
