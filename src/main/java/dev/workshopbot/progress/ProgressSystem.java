package dev.workshopbot.progress;

import dev.workshopbot.content.Library;
import dev.workshopbot.content.Page;
import dev.workshopbot.content.ReadingPlan;
import dev.workshopbot.content.Section;
import dev.workshopbot.store.DailyStore;
import dev.workshopbot.store.GuildSettings;
import dev.workshopbot.store.PostRecord;
import dev.workshopbot.store.ProgressStore;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reading progress as plain values: marking sections read on the server's local date, a member's report (sections
 * read per page, streaks, the next unread section), and the server's plan days. The commands translate; this
 * decides.
 */
public final class ProgressSystem {

    /** The key a plan day without sections is marked under, so that such a day can be read too. */
    static final String DAY_KEY_PREFIX = "plan-day:";

    /** One page's share of the workshop: sections read of its total. */
    public record PageProgress(Page page, int read, int total) {}

    /** Everything {@code /progress} shows about one member. */
    public record Report(
            int read, int total, List<PageProgress> pages, Streaks.Result streaks, Optional<Section> next) {}

    private final ProgressStore store;
    private final DailyStore daily;
    private final Supplier<Library> content;
    private final Clock clock;
    private final ZoneId defaultZone;

    public ProgressSystem(
            ProgressStore store, DailyStore daily, Supplier<Library> content, Clock clock, ZoneId defaultZone) {
        this.store = store;
        this.daily = daily;
        this.content = content;
        this.clock = clock;
        this.defaultZone = defaultZone;
    }

    /** The server's time zone: its daily schedule's, else the configured default. */
    public ZoneId zone(long guildId) {
        return daily.settings(guildId).map(GuildSettings::zone).orElse(defaultZone);
    }

    /** The server's local date now. */
    public LocalDate today(long guildId) {
        return clock.instant().atZone(zone(guildId)).toLocalDate();
    }

    /** Marks {@code keys} read today; returns how many were new (0: all were marked before). */
    public int mark(long guildId, long userId, List<String> keys) {
        return store.mark(guildId, userId, keys, today(guildId), clock.instant());
    }

    public int undo(long guildId, long userId, List<String> keys) {
        return store.unmark(guildId, userId, keys);
    }

    /** What a plan day asks to read, as the keys its marks are stored under. */
    public static List<String> keysOf(ReadingPlan.Day day, int planDay) {
        return day.sections().isEmpty() ? List.of(DAY_KEY_PREFIX + planDay) : day.sections();
    }

    /** The server's posts that count as plan days: sent, and of a day the current plan still has; oldest first. */
    public List<PostRecord> plannedPosts(long guildId, Library library) {
        int days = library.plan().size();
        return daily.posts(guildId).stream()
                .filter(post -> post.isDone() && post.planDay() >= 0 && post.planDay() < days)
                .toList();
    }

    /** Those posts as plan days: the local date each was posted on and what it asked to read. */
    public static List<Streaks.PlanDate> planDates(List<PostRecord> posts, Library library) {
        List<ReadingPlan.Day> days = library.plan().days();
        List<Streaks.PlanDate> out = new ArrayList<>();
        for (PostRecord post : posts) {
            out.add(new Streaks.PlanDate(post.localDate(), keysOf(days.get(post.planDay()), post.planDay())));
        }
        return out;
    }

    /** The server's plan days so far: the local dates it posted on and what each asked to read. */
    public List<Streaks.PlanDate> planDates(long guildId, Library library) {
        return planDates(plannedPosts(guildId, library), library);
    }

    public Report report(long guildId, long userId) {
        Library library = content.get();
        Map<String, LocalDate> reads = store.reads(guildId, userId);
        List<PageProgress> pages = new ArrayList<>();
        int read = 0;
        int total = 0;
        Optional<Section> next = Optional.empty();
        for (Page page : library.pages()) {
            int pageRead = 0;
            for (Section section : page.sections()) {
                if (reads.containsKey(section.key())) {
                    pageRead++;
                } else if (next.isEmpty()) {
                    next = Optional.of(section);
                }
            }
            pages.add(new PageProgress(page, pageRead, page.sections().size()));
            read += pageRead;
            total += page.sections().size();
        }
        Streaks.Result streaks = Streaks.of(planDates(guildId, library), reads, today(guildId));
        return new Report(read, total, List.copyOf(pages), streaks, next);
    }

    public boolean isPublic(long guildId, long userId) {
        return store.member(guildId, userId).publicProgress();
    }

    public void setPublic(long guildId, long userId, boolean visible) {
        store.setPublic(guildId, userId, visible);
    }

    /** Deletes everything about the member in this server; returns the rows deleted. */
    public int forget(long guildId, long userId) {
        return store.forget(guildId, userId);
    }
}
