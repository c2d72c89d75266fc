package dev.workshopbot.progress;

import dev.workshopbot.concurrent.Periodic;
import dev.workshopbot.content.Library;
import dev.workshopbot.content.ReadingPlan;
import dev.workshopbot.content.Section;
import dev.workshopbot.daily.ScheduleMath;
import dev.workshopbot.store.DailyStore;
import dev.workshopbot.store.GuildSettings;
import dev.workshopbot.store.PostRecord;
import dev.workshopbot.store.ProgressStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streak reminders for members who asked for them ({@code /remind on}): at the server's post time plus
 * {@code progress.reminderDelay}, a direct message to each whose streak breaks tonight because yesterday's reading is
 * unmarked. At most one a member a day, whichever process sends it (the claim is in the database); a member whose
 * direct messages are closed is recorded and not tried again until they turn reminders on again.
 */
public final class Reminders {

    private static final Logger LOG = LoggerFactory.getLogger(Reminders.class);

    private final ProgressStore store;
    private final DailyStore daily;
    private final ProgressSystem progress;
    private final Supplier<Library> content;
    private final DirectMessenger messenger;
    private final Clock clock;
    private final Duration delay;

    public Reminders(
            ProgressStore store,
            DailyStore daily,
            ProgressSystem progress,
            Supplier<Library> content,
            DirectMessenger messenger,
            Clock clock,
            Duration delay) {
        this.store = store;
        this.daily = daily;
        this.progress = progress;
        this.content = content;
        this.messenger = messenger;
        this.clock = clock;
        this.delay = delay;
    }

    public ScheduledFuture<?> start(ScheduledExecutorService scheduler, Duration period) {
        return Periodic.every(scheduler, period, period, LOG, "reminders tick", () -> tick());
    }

    /** One pass over every server whose reminder time has come today; the futures complete as messages are sent. */
    public List<CompletableFuture<DirectMessenger.Outcome>> tick() {
        Instant now = clock.instant();
        Library library = content.get();
        List<CompletableFuture<DirectMessenger.Outcome>> sent = new ArrayList<>();
        for (GuildSettings guild : daily.allSettings()) {
            LocalDate today = now.atZone(guild.zone()).toLocalDate();
            Instant due =
                    ScheduleMath.postInstant(today, guild.time(), guild.zone()).plus(delay);
            if (guild.paused() || now.isBefore(due)) {
                continue;
            }
            List<Long> members = store.remindable(guild.guildId());
            if (members.isEmpty()) {
                continue;
            }
            List<PostRecord> posts = progress.plannedPosts(guild.guildId(), library);
            List<Streaks.PlanDate> days = ProgressSystem.planDates(posts, library);
            for (long member : members) {
                Map<String, LocalDate> reads = store.reads(guild.guildId(), member);
                if (Streaks.breaksTonight(days, reads, today) && store.claimReminder(guild.guildId(), member, today)) {
                    // breaksTonight means the day before the latest is open: that is yesterday's post.
                    String text = text(
                            library,
                            posts.get(posts.size() - 2),
                            Streaks.of(days, reads, today).current());
                    sent.add(messenger.send(member, text).thenApply(outcome -> {
                        if (outcome == DirectMessenger.Outcome.CLOSED) {
                            store.dmsClosed(guild.guildId(), member, clock.instant());
                            LOG.info(
                                    "reminder guild={} user={}: direct messages closed; not trying again until "
                                            + "/remind on",
                                    guild.guildId(),
                                    member);
                        }
                        return outcome;
                    }));
                }
            }
        }
        return sent;
    }

    private static String text(Library library, PostRecord yesterday, int streak) {
        List<ReadingPlan.Day> plan = library.plan().days();
        String what = "day " + (yesterday.planDay() + 1) + "'s reading";
        String link = "";
        if (!plan.get(yesterday.planDay()).sections().isEmpty()) {
            Section first = library.section(
                            plan.get(yesterday.planDay()).sections().get(0))
                    .orElse(null);
            if (first != null) {
                what = what + " (" + library.displayTitle(first) + ")";
                link = "\n" + first.url();
            }
        }
        return "Your " + streak + "-day reading streak ends tonight: " + what
                + " is not marked as read yet. Read it and press Mark as read on its post in the server today to keep"
                + " it." + link + "\nTurn these off with /remind off.";
    }
}
