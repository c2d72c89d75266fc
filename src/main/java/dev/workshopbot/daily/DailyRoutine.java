package dev.workshopbot.daily;

import dev.workshopbot.concurrent.Periodic;
import dev.workshopbot.content.Library;
import dev.workshopbot.content.ReadingPlan;
import dev.workshopbot.store.DailyStore;
import dev.workshopbot.store.GuildSettings;
import dev.workshopbot.store.PostRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts each server's next plan day at its local time, exactly once per server per local date. The intent is
 * recorded under the (server, date) key before sending and completed with the message id after; an unfinished
 * intent older than the lease is taken over, and the channel is searched for the post before sending again.
 */
public final class DailyRoutine {

    private static final Logger LOG = LoggerFactory.getLogger(DailyRoutine.class);

    /** What one server's tick did. */
    public enum Outcome {
        POSTED,
        RECOVERED,
        SKIPPED,
        PAUSED,
        FAILED,
        PLAN_FINISHED
    }

    /** How the routine behaves: from {@code daily.*} config. */
    public record Settings(Duration catchUp, boolean thread, boolean loop, Duration lease) {}

    private final DailyStore store;
    private final Supplier<Library> content;
    private final ReadingPublisher publisher;
    private final Clock clock;
    private final Settings settings;
    private final String instance;

    public DailyRoutine(
            DailyStore store,
            Supplier<Library> content,
            ReadingPublisher publisher,
            Clock clock,
            Settings settings,
            String instance) {
        this.store = store;
        this.content = content;
        this.publisher = publisher;
        this.clock = clock;
        this.settings = settings;
        this.instance = instance;
    }

    /** Ticks every {@code period} until the returned future is cancelled; each post's outcome goes to {@code onPost}. */
    public ScheduledFuture<?> start(ScheduledExecutorService scheduler, Duration period, Consumer<Outcome> onPost) {
        return Periodic.every(
                scheduler,
                Duration.ZERO,
                period,
                LOG,
                "daily routine tick",
                () -> tick().forEach(post -> post.thenAccept(onPost)));
    }

    /** One pass over every server; the returned futures complete when each started post is recorded. */
    public List<CompletableFuture<Outcome>> tick() {
        Instant now = clock.instant();
        Library library = content.get();
        List<CompletableFuture<Outcome>> started = new ArrayList<>();
        for (GuildSettings guild : store.allSettings()) {
            if (guild.paused()) {
                continue;
            }
            Optional<LocalDate> due = ScheduleMath.dueDate(guild.time(), guild.zone(), now, settings.catchUp())
                    .filter(date -> isScheduled(guild, date));
            if (due.isPresent()) {
                started.add(post(guild, due.get(), library, now));
            }
        }
        return started;
    }

    /**
     * Whether a date's post belongs to the schedule: catching up is for posts missed while the bot was down, so a
     * schedule set or resumed after today's time starts tomorrow.
     */
    static boolean isScheduled(GuildSettings guild, LocalDate date) {
        return !ScheduleMath.postInstant(date, guild.time(), guild.zone()).isBefore(guild.activeFrom());
    }

    private CompletableFuture<Outcome> post(GuildSettings guild, LocalDate date, Library library, Instant now) {
        Optional<PostRecord> existing = store.post(guild.guildId(), date);
        if (existing.isPresent()) {
            PostRecord intent = existing.get();
            if (intent.isDone() || !store.takeOver(intent, instance, now, now.minus(settings.lease()))) {
                return CompletableFuture.completedFuture(Outcome.SKIPPED);
            }
            DailyPost post = postFor(guild, date, intent.planDay(), library);
            return publisher
                    .findEarlier(post)
                    .handle((found, failure) -> {
                        if (failure != null) {
                            // The crashed instance may have sent it, so the day stays claimed.
                            return CompletableFuture.completedFuture(failed(guild, post, failure, false));
                        }
                        if (found.isPresent()) {
                            store.complete(
                                    guild.guildId(),
                                    date,
                                    found.get().messageId(),
                                    found.get().threadId(),
                                    clock.instant());
                            LOG.info(
                                    "daily post guild={} date={} was already sent; recorded it", guild.guildId(), date);
                            return CompletableFuture.completedFuture(Outcome.RECOVERED);
                        }
                        return send(guild, post);
                    })
                    .thenCompose(outcome -> outcome);
        }
        ReadingPlan plan = library.plan();
        int index = guild.cursor();
        if (index >= plan.size()) {
            if (!settings.loop() || plan.size() == 0) {
                return CompletableFuture.completedFuture(Outcome.PLAN_FINISHED);
            }
            index = index % plan.size();
        }
        DailyPost post = postFor(guild, date, index, library);
        if (!store.claim(guild.guildId(), date, index, guild.channelId(), post.nonce(), instance, now)) {
            return CompletableFuture.completedFuture(Outcome.SKIPPED);
        }
        return send(guild, post);
    }

    private DailyPost postFor(GuildSettings guild, LocalDate date, int index, Library library) {
        ReadingPlan plan = library.plan();
        ReadingPlan.Day day = plan.days().get(Math.min(index, plan.size() - 1));
        return new DailyPost(
                guild.guildId(), guild.channelId(), date, index, plan.size(), day, library, settings.thread());
    }

    private CompletableFuture<Outcome> send(GuildSettings guild, DailyPost post) {
        CompletableFuture<ReadingPublisher.Published> sending;
        try {
            sending = publisher.publish(post);
        } catch (PublishException e) {
            sending = CompletableFuture.failedFuture(e);
        }
        return sending.handle((published, failure) -> {
            if (failure == null) {
                store.complete(
                        guild.guildId(), post.date(), published.messageId(), published.threadId(), clock.instant());
                LOG.info(
                        "daily post guild={} date={} day={}/{} message={}",
                        guild.guildId(),
                        post.date(),
                        post.number(),
                        post.total(),
                        published.messageId());
                return Outcome.POSTED;
            }
            // Discord refused the post, so it was never sent: the day goes back to the plan for after the fix.
            return failed(guild, post, failure, true);
        });
    }

    /** Pauses the server for a failure retrying cannot fix, giving the day back if it surely was not sent. */
    private Outcome failed(GuildSettings guild, DailyPost post, Throwable failure, boolean surelyNotSent) {
        Throwable cause = PublishException.unwrap(failure);
        if (cause instanceof PublishException problem && problem.kind().pausesTheServer()) {
            if (surelyNotSent) {
                store.release(guild.guildId(), post.date(), post.index());
            }
            store.pause(guild.guildId(), problem.getMessage(), clock.instant());
            LOG.warn(
                    "daily posts paused guild={} channel={}: {}",
                    guild.guildId(),
                    guild.channelId(),
                    problem.getMessage());
            return Outcome.PAUSED;
        }
        LOG.warn(
                "daily post guild={} date={} failed, retried after {}: {}",
                guild.guildId(),
                post.date(),
                settings.lease(),
                cause.toString());
        return Outcome.FAILED;
    }
}
