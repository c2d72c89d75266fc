package dev.workshopbot.discord;

import dev.workshopbot.commands.Messages;
import dev.workshopbot.commands.Reply;
import dev.workshopbot.store.DatabaseUnavailableException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs one interaction's handler off the gateway thread and answers within Discord's 3 s: directly when the
 * handler is quick, else after deferring at {@code deferAfter}. Cooldowns are checked first; a failure becomes an
 * ephemeral apology with an error id that is also in the log.
 */
public final class Dispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    private static final int PENDING = 0;
    private static final int ANSWERED = 1;
    private static final int DEFERRED = 2;
    private static final char[] ID_CHARS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

    /** Who and what, for cooldowns and the log line. */
    public record Context(long guildId, long userId, String command) {}

    /** Told of every interaction answered: its outcome ({@code ok}, {@code error}, {@code cooldown}) and latency. */
    @FunctionalInterface
    public interface Listener {
        void served(Context context, String outcome, Duration latency);
    }

    private final ExecutorService workers;
    private final ScheduledExecutorService timers;
    /**
     * Clicking through the pages of a reply already shown is reading, not asking again: buttons get a budget of
     * their own, this many times the commands' one, so a long table of contents can be paged but not hammered.
     */
    static final int PRESSES_PER_COMMAND_USE = 6;

    private final Cooldowns cooldowns;
    private final Cooldowns presses;
    private final Duration deferAfter;
    private final SecureRandom random = new SecureRandom();
    private final Listener listener;
    private volatile boolean accepting = true;

    public Dispatcher(
            ExecutorService workers, ScheduledExecutorService timers, Cooldowns cooldowns, Duration deferAfter) {
        this(workers, timers, cooldowns, deferAfter, (context, outcome, latency) -> {});
    }

    public Dispatcher(
            ExecutorService workers,
            ScheduledExecutorService timers,
            Cooldowns cooldowns,
            Duration deferAfter,
            Listener listener) {
        this.workers = workers;
        this.timers = timers;
        this.cooldowns = cooldowns;
        this.presses = cooldowns.looser(PRESSES_PER_COMMAND_USE);
        this.deferAfter = deferAfter;
        this.listener = listener;
    }

    /**
     * Handles one interaction. {@code deferEphemeral} is who sees a deferred answer; {@code rateLimited} says
     * whether the command counts against the user's cooldown. Returns when the answer has been handed to
     * {@code responder} (tests may join it).
     */
    public CompletableFuture<Void> dispatch(
            Context context,
            boolean deferEphemeral,
            boolean rateLimited,
            Supplier<Reply> handler,
            Responder responder) {
        return run(
                context,
                deferEphemeral,
                rateLimited ? Optional.of(cooldowns) : Optional.empty(),
                "use /" + context.command(),
                handler,
                responder);
    }

    /**
     * Handles a click on one of {@code context.command()}'s buttons or a choice from one of its menus, counted
     * against the looser budget of buttons.
     */
    public CompletableFuture<Void> press(Context context, Supplier<Reply> handler, Responder responder) {
        return run(
                context, true, Optional.of(presses), "click /" + context.command() + "'s buttons", handler, responder);
    }

    private CompletableFuture<Void> run(
            Context context,
            boolean deferEphemeral,
            Optional<Cooldowns> budget,
            String doing,
            Supplier<Reply> handler,
            Responder responder) {
        if (!accepting) {
            responder.reply(Messages.refusal("I'm restarting right now. Try again in a minute."));
            return CompletableFuture.completedFuture(null);
        }
        Optional<Duration> wait = budget.flatMap(limits -> limits.tryUse(context.userId(), context.command()));
        if (wait.isPresent()) {
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            responder.reply(Messages.refusal("You're going fast: you can " + doing + " again in " + seconds
                    + (seconds == 1 ? " second." : " seconds.")));
            log(context, "cooldown", 0);
            return CompletableFuture.completedFuture(null);
        }
        long started = System.nanoTime();
        AtomicInteger state = new AtomicInteger(PENDING);
        CompletableFuture<Reply> work;
        try {
            work = CompletableFuture.supplyAsync(handler, workers);
        } catch (RejectedExecutionException e) {
            responder.reply(Messages.refusal("I'm restarting right now. Try again in a minute."));
            return CompletableFuture.completedFuture(null);
        }
        ScheduledFuture<?> deferral = timers.schedule(
                () -> {
                    if (state.compareAndSet(PENDING, DEFERRED)) {
                        responder.defer(deferEphemeral);
                    }
                },
                deferAfter.toNanos(),
                TimeUnit.NANOSECONDS);
        return work.handle((reply, failure) -> {
            deferral.cancel(false);
            Reply answer = failure == null ? reply : apology(context, failure);
            if (state.compareAndSet(PENDING, ANSWERED)) {
                responder.reply(answer);
            } else {
                responder.replyAfterDefer(answer);
            }
            log(context, failure == null ? "ok" : "error", System.nanoTime() - started);
            return null;
        });
    }

    /** Stops taking new interactions; those already running finish. */
    public void stopAccepting() {
        accepting = false;
    }

    /** Stops taking interactions and waits up to {@code grace} for those in flight to be answered. */
    public boolean drain(Duration grace) throws InterruptedException {
        stopAccepting();
        workers.shutdown();
        boolean done = workers.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
        timers.shutdown();
        return done;
    }

    private Reply apology(Context context, Throwable failure) {
        Optional<String> unavailable = databaseUnavailable(failure);
        if (unavailable.isPresent()) {
            // Database logs this once, not once per interaction
            return Messages.refusal("The bot's database is unavailable: " + unavailable.get() + ". Nothing was "
                    + "changed; tell the bot's operator.");
        }
        String id = errorId();
        Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
        try (MDC.MDCCloseable guild = MDC.putCloseable("guild", String.valueOf(context.guildId()));
                MDC.MDCCloseable user = MDC.putCloseable("user", String.valueOf(context.userId()));
                MDC.MDCCloseable command = MDC.putCloseable("command", context.command())) {
            LOG.error("error {} answering /{}", id, context.command(), cause);
        }
        return Messages.refusal("Sorry, something went wrong on my side (error " + id + "). "
                + "Please try again; if it keeps happening, tell a moderator the error id.");
    }

    private static Optional<String> databaseUnavailable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DatabaseUnavailableException unavailable) {
                return Optional.of(unavailable.getMessage());
            }
        }
        return Optional.empty();
    }

    private String errorId() {
        char[] id = new char[6];
        for (int i = 0; i < id.length; i++) {
            id[i] = ID_CHARS[random.nextInt(ID_CHARS.length)];
        }
        return new String(id);
    }

    private void log(Context context, String outcome, long nanos) {
        listener.served(context, outcome, Duration.ofNanos(nanos));
        if (LOG.isInfoEnabled()) {
            LOG.info(
                    "interaction command=/{} guild={} user={} outcome={} latencyMs={}",
                    context.command(),
                    context.guildId(),
                    context.userId(),
                    outcome,
                    nanos / 1_000_000);
        }
    }
}
