package dev.workshopbot.daily;

import dev.workshopbot.concurrent.Periodic;
import dev.workshopbot.content.Library;
import dev.workshopbot.store.DailyStore;
import dev.workshopbot.store.GuildSettings;
import dev.workshopbot.store.PostRecord;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warns a server's moderators that the reading plan runs out: once when the post of three plan days before the last
 * is out, and once when the last day is posted, saying what happens next ({@code daily.onEnd}). Each note is claimed
 * in the database first, so a restart or a second process never repeats it.
 */
public final class PlanEndNotices {

    private static final Logger LOG = LoggerFactory.getLogger(PlanEndNotices.class);
    /** Plan days before the last at which the first note goes out. */
    static final int DAYS_AHEAD = 3;

    /** Where notes go: the moderators' log channel of that server, else its daily channel. */
    public interface Notifier {
        void note(long guildId, long dailyChannelId, String text);
    }

    private final DailyStore store;
    private final Supplier<Library> content;
    private final Notifier notifier;
    private final Clock clock;
    private final boolean loops;

    public PlanEndNotices(DailyStore store, Supplier<Library> content, Notifier notifier, Clock clock, boolean loops) {
        this.store = store;
        this.content = content;
        this.notifier = notifier;
        this.clock = clock;
        this.loops = loops;
    }

    public ScheduledFuture<?> start(ScheduledExecutorService scheduler, Duration period) {
        return Periodic.every(scheduler, period, period, LOG, "plan notices tick", () -> tick());
    }

    /** One pass over every server; returns the notes sent. */
    public List<String> tick() {
        int total = content.get().plan().size();
        List<String> sent = new ArrayList<>();
        for (GuildSettings guild : store.allSettings()) {
            Optional<PostRecord> last = store.lastPost(guild.guildId()).filter(PostRecord::isDone);
            if (last.isEmpty() || total == 0) {
                continue;
            }
            int left = total - 1 - last.get().planDay();
            Optional<String> note = note(left, total, last.get());
            if (note.isPresent()
                    && store.claimPlanNotice(guild.guildId(), total, left == 0 ? "last" : "ahead", clock.instant())) {
                notifier.note(guild.guildId(), guild.channelId(), note.get());
                sent.add(note.get());
            }
        }
        return sent;
    }

    private Optional<String> note(int left, int total, PostRecord post) {
        String next = loops
                ? "the daily posts start again from day 1 (`daily.onEnd: loop`)."
                : "the daily posts stop (`daily.onEnd: stop`): add days to `reading-plan.yml` and /reload to go on, or"
                        + " set `daily.onEnd: loop` to start over.";
        if (left == DAYS_AHEAD) {
            return Optional.of("The reading plan ends in " + DAYS_AHEAD + " days: day " + total + " of " + total
                    + " posts on " + post.localDate().plusDays(DAYS_AHEAD) + " if no day is skipped. After that, "
                    + next);
        }
        if (left == 0) {
            return Optional.of("Today's post (" + post.localDate() + ") is the last day of the reading plan, day "
                    + total + " of " + total + ". From tomorrow " + next);
        }
        return Optional.empty();
    }
}
