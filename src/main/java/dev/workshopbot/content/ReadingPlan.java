package dev.workshopbot.content;

import java.util.ArrayList;
import java.util.List;

/** The daily reading plan: an authored {@code reading-plan.yml}, or a page a day in reading order. */
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

    /** About ten minutes of reading at 230 words a minute: what one day of the default plan aims for. */
    static final int DAY_WORDS = 2300;

    /**
     * The plan without {@code reading-plan.yml}: a page a day, its sections together. A page longer than a day's
     * reading is split at its level-2 headings into parts near {@link #DAY_WORDS}; a day with no words of its own
     * (a parent page that only lists its children) joins the next, so no day is empty.
     */
    static ReadingPlan pageADay(List<Page> pages) {
        List<List<Section>> days = new ArrayList<>();
        for (Page page : pages) {
            days.addAll(parts(page.sections()));
        }
        List<List<Section>> full = new ArrayList<>();
        List<Section> carried = new ArrayList<>();
        for (List<Section> day : days) {
            carried.addAll(day);
            if (words(carried) > 0) {
                full.add(carried);
                carried = new ArrayList<>();
            }
        }
        if (!carried.isEmpty() && !full.isEmpty()) {
            full.get(full.size() - 1).addAll(carried);
        } else if (!carried.isEmpty()) {
            full.add(carried);
        }
        return new ReadingPlan(
                full.stream()
                        .map(day -> new Day(day.stream().map(Section::key).toList(), List.of(), null, 0))
                        .toList(),
                false);
    }

    /** A page's sections as days: whole when short, else runs of level-2 parts that stay near a day's reading. */
    private static List<List<Section>> parts(List<Section> sections) {
        if (words(sections) <= DAY_WORDS) {
            return sections.isEmpty() ? List.of() : List.of(sections);
        }
        List<List<Section>> chapters = new ArrayList<>();
        for (Section section : sections) {
            if (chapters.isEmpty()
                    || section.level() <= 2
                            && !chapters.get(chapters.size() - 1).isEmpty()) {
                chapters.add(new ArrayList<>());
            }
            chapters.get(chapters.size() - 1).add(section);
        }
        List<List<Section>> days = new ArrayList<>();
        for (List<Section> chapter : chapters) {
            List<Section> last = days.isEmpty() ? null : days.get(days.size() - 1);
            if (last != null && words(last) + words(chapter) <= DAY_WORDS) {
                last.addAll(chapter);
            } else {
                days.add(new ArrayList<>(chapter));
            }
        }
        return days;
    }

    private static int words(List<Section> sections) {
        return sections.stream().mapToInt(Section::words).sum();
    }
}
