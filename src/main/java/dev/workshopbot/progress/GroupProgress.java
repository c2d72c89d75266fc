package dev.workshopbot.progress;

import dev.workshopbot.content.Library;
import dev.workshopbot.content.ReadingPlan;
import dev.workshopbot.store.PostRecord;
import dev.workshopbot.store.ProgressStore;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Supplier;

/**
 * How the group keeps up, for moderators: for the last plan days, how many members read each day's reading and how
 * busy its discussion thread is; how many members were active this week; and, when the server opted in, a
 * leaderboard of streaks among members who made their progress public. The database counts who finished each day
 * (one small query a plan day), so the cost follows the plan days, not the number of reads.
 */
public final class GroupProgress {

    /** Plan days shown. */
    public static final int DAYS = 14;
    /** Leaderboard places shown. */
    public static final int LEADERS = 10;

    /** One plan day: its number (1-based), the date it was posted, members who read all of it, thread messages. */
    public record Day(int number, LocalDate date, int readers, OptionalInt messages) {}

    /** A member on the leaderboard; only ids are kept, Discord shows the name. */
    public record Leader(long userId, int current, int longest) {}

    /** The whole view; {@code readers} have marked anything at all; {@code leaders} is empty unless it is on. */
    public record Report(List<Day> days, int activeThisWeek, int readers, List<Leader> leaders) {}

    private final ProgressStore store;
    private final ProgressSystem progress;
    private final Supplier<Library> content;
    private final Supplier<ThreadActivity> threads;
    private final boolean leaderboard;

    public GroupProgress(
            ProgressStore store,
            ProgressSystem progress,
            Supplier<Library> content,
            Supplier<ThreadActivity> threads,
            boolean leaderboard) {
        this.store = store;
        this.progress = progress;
        this.content = content;
        this.threads = threads;
        this.leaderboard = leaderboard;
    }

    public Report report(long guildId) {
        Library library = content.get();
        List<ReadingPlan.Day> plan = library.plan().days();
        List<PostRecord> posts = progress.plannedPosts(guildId, library);
        List<Day> days = new ArrayList<>();
        ThreadActivity activity = threads.get();
        for (PostRecord post : posts.subList(Math.max(0, posts.size() - DAYS), posts.size())) {
            int readers = store.completions(guildId, ProgressSystem.keysOf(plan.get(post.planDay()), post.planDay()))
                    .size();
            OptionalInt messages = post.threadId() == null ? OptionalInt.empty() : activity.messages(post.threadId());
            days.add(new Day(post.planDay() + 1, post.localDate(), readers, messages));
        }
        LocalDate today = progress.today(guildId);
        int active = store.activeSince(guildId, today.minusDays(6));
        return new Report(List.copyOf(days), active, store.readers(guildId), leaders(guildId, plan, posts, today));
    }

    /**
     * The streaks of members who share their progress, from when each finished each plan day: a day is kept when
     * its last section was marked by the next plan day, so its finishing date stands for all its marks.
     */
    private List<Leader> leaders(long guildId, List<ReadingPlan.Day> plan, List<PostRecord> posts, LocalDate today) {
        if (!leaderboard) {
            return List.of();
        }
        List<Long> shared = store.publicMembers(guildId);
        if (shared.isEmpty()) {
            return List.of();
        }
        List<Streaks.PlanDate> days = new ArrayList<>();
        Map<Long, Map<String, LocalDate>> finished = new HashMap<>();
        for (int i = 0; i < posts.size(); i++) {
            PostRecord post = posts.get(i);
            String day = "day " + i;
            days.add(new Streaks.PlanDate(post.localDate(), List.of(day)));
            store.completions(guildId, ProgressSystem.keysOf(plan.get(post.planDay()), post.planDay()))
                    .forEach((member, date) -> finished.computeIfAbsent(member, id -> new HashMap<>())
                            .put(day, date));
        }
        List<Leader> leaders = new ArrayList<>();
        for (long member : shared) {
            Streaks.Result streaks = Streaks.of(days, finished.getOrDefault(member, Map.of()), today);
            if (streaks.longest() > 0) {
                leaders.add(new Leader(member, streaks.current(), streaks.longest()));
            }
        }
        leaders.sort(Comparator.comparingInt(Leader::current)
                .thenComparingInt(Leader::longest)
                .reversed()
                .thenComparingLong(Leader::userId));
        return List.copyOf(leaders.subList(0, Math.min(LEADERS, leaders.size())));
    }
}
