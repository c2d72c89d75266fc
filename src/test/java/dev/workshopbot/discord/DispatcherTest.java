package dev.workshopbot.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.workshopbot.commands.Messages;
import dev.workshopbot.commands.Reply;
import dev.workshopbot.store.DailyStore;
import dev.workshopbot.store.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

@Timeout(10)
class DispatcherTest {

    private final ExecutorService workers = Executors.newFixedThreadPool(2);
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
    private final AtomicLong nanos = new AtomicLong();
    private final Cooldowns cooldowns = new Cooldowns(2, Duration.ofSeconds(10), nanos::get);
    private final Dispatcher.Context context = new Dispatcher.Context(1, 42, "section");

    /** Records what the dispatcher did, in order. */
    static final class Recording implements Responder {
        final List<String> calls = new CopyOnWriteArrayList<>();
        final List<Reply> replies = new CopyOnWriteArrayList<>();
        final CountDownLatch deferred = new CountDownLatch(1);

        @Override
        public void reply(Reply reply) {
            calls.add("reply");
            replies.add(reply);
        }

        @Override
        public void defer(boolean ephemeral) {
            calls.add("defer:" + (ephemeral ? "private" : "public"));
            deferred.countDown();
        }

        @Override
        public void replyAfterDefer(Reply reply) {
            calls.add("replyAfterDefer");
            replies.add(reply);
        }
    }

    @AfterEach
    void stop() {
        workers.shutdownNow();
        timers.shutdownNow();
    }

    @Test
    void deletedDatabase_isAnsweredPrivately_withTheReason_notAnErrorId(@TempDir Path dir) throws Exception {
        // GIVEN a command that reads the daily settings from a database whose file was deleted
        Path file = dir.resolve("x.db");
        DailyStore store = new DailyStore(Database.open("jdbc:sqlite:" + file));
        Files.delete(file);
        Dispatcher dispatcher = new Dispatcher(workers, timers, cooldowns, Duration.ofSeconds(5));
        Recording responder = new Recording();

        // WHEN it is invoked
        dispatcher
                .dispatch(
                        new Dispatcher.Context(1, 42, "daily"),
                        true,
                        true,
                        () -> Reply.visible(Messages.text(store.settings(1).toString())),
                        responder)
                .get(5, TimeUnit.SECONDS);

        // THEN the member reads, privately, that the database is unavailable and why
        Reply reply = responder.replies.get(0);
        assertTrue(reply.ephemeral());
        String text = reply.message().getContent();
        assertTrue(text.startsWith("The bot's database is unavailable: database file " + file + " was deleted"), text);
    }

    @Test
    void quickHandler_isAnsweredDirectly_withoutDeferring() throws Exception {
        Dispatcher dispatcher = new Dispatcher(workers, timers, cooldowns, Duration.ofSeconds(5));
        Recording responder = new Recording();
        dispatcher
                .dispatch(context, false, true, () -> Reply.visible(Messages.text("hi")), responder)
                .get(5, TimeUnit.SECONDS);
        assertEquals(List.of("reply"), responder.calls);
        assertEquals("hi", responder.replies.get(0).message().getContent());
    }

    @Test
    void slowHandler_isDeferredFirst_thenAnsweredThroughTheHook() throws Exception {
        // GIVEN a handler that only finishes once the interaction has been deferred
        Dispatcher dispatcher = new Dispatcher(workers, timers, cooldowns, Duration.ofMillis(20));
        Recording responder = new Recording();
        // WHEN it runs
        dispatcher
                .dispatch(
                        context,
                        true,
                        true,
                        () -> {
                            awaitQuietly(responder.deferred);
                            return Reply.visible(Messages.text("late"));
                        },
                        responder)
                .get(5, TimeUnit.SECONDS);
        // THEN the deferral came first, for the audience asked, and the answer went through the hook
        assertEquals(List.of("defer:private", "replyAfterDefer"), responder.calls);
        assertEquals("late", responder.replies.get(0).message().getContent());
    }

    @Test
    void failingHandler_getsAnEphemeralApologyWithAnErrorId_thatIsAlsoLogged() throws Exception {
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        Logger logger = (Logger) LoggerFactory.getLogger(Dispatcher.class);
        logger.addAppender(logs);
        try {
            Dispatcher dispatcher = new Dispatcher(workers, timers, cooldowns, Duration.ofSeconds(5));
            Recording responder = new Recording();
            dispatcher
                    .dispatch(
                            context,
                            false,
                            true,
                            () -> {
                                throw new IllegalStateException("boom");
                            },
                            responder)
                    .get(5, TimeUnit.SECONDS);
            Reply reply = responder.replies.get(0);
            assertTrue(reply.ephemeral());
            String content = reply.message().getContent();
            String id = content.replaceAll("(?s).*\\(error ([A-Z0-9]{6})\\).*", "$1");
            assertEquals(6, id.length(), content);
            ILoggingEvent error = logs.list.stream()
                    .filter(e -> e.getLevel().toString().equals("ERROR"))
                    .findFirst()
                    .orElseThrow();
            assertTrue(error.getFormattedMessage().contains(id), error.getFormattedMessage());
            assertEquals("42", error.getMDCPropertyMap().get("user"));
            assertEquals("1", error.getMDCPropertyMap().get("guild"));
            assertEquals("boom", error.getThrowableProxy().getMessage());
        } finally {
            logger.detachAppender(logs);
        }
    }

    @Test
    void overTheCooldown_isRefusedEphemerally_withTheSecondsToWait() throws Exception {
        Dispatcher dispatcher = new Dispatcher(workers, timers, cooldowns, Duration.ofSeconds(5));
        Recording responder = new Recording();
        for (int i = 0; i < 3; i++) {
            dispatcher
                    .dispatch(context, false, true, () -> Reply.visible(Messages.text("ok")), responder)
                    .get(5, TimeUnit.SECONDS);
        }
        Reply third = responder.replies.get(2);
        assertTrue(third.ephemeral());
        assertEquals(
                "You're going fast: you can use /section again in 10 seconds.",
                third.message().getContent());
    }

    @Test
    void pagingButtons_doNotUseTheCommandBudget_butHaveALooserOneOfTheirOwn() throws Exception {
        // GIVEN a member who used /section up to its budget (2 per 10 s here)
        Dispatcher dispatcher = new Dispatcher(workers, timers, cooldowns, Duration.ofSeconds(5));
        Recording responder = new Recording();
        for (int i = 0; i < 2; i++) {
            dispatcher
                    .dispatch(context, false, true, () -> Reply.visible(Messages.text("ok")), responder)
                    .get(5, TimeUnit.SECONDS);
        }
        // WHEN they click through the reply's pages as many times as the button budget allows
        int budget = 2 * Dispatcher.PRESSES_PER_COMMAND_USE;
        for (int i = 0; i < budget + 1; i++) {
            dispatcher
                    .press(context, () -> Reply.update(Messages.text("page")), responder)
                    .get(5, TimeUnit.SECONDS);
        }
        // THEN every click up to that budget is answered, and only the one past it waits
        List<String> answers = responder.replies.stream()
                .map(reply -> reply.message().getContent())
                .toList();
        assertEquals(java.util.Collections.nCopies(budget, "page"), answers.subList(2, 2 + budget));
        assertEquals(
                "You're going fast: you can click /section's buttons again in 10 seconds.", answers.get(2 + budget));
        // AND the command's own budget is still spent: the presses neither used nor refilled it
        dispatcher
                .dispatch(context, false, true, () -> Reply.visible(Messages.text("ok")), responder)
                .get(5, TimeUnit.SECONDS);
        assertTrue(responder
                .replies
                .get(responder.replies.size() - 1)
                .message()
                .getContent()
                .startsWith("You're going fast: you can use /section again"));
    }

    @Test
    void afterStopAccepting_newInteractionsAreToldToRetry() throws Exception {
        Dispatcher dispatcher = new Dispatcher(workers, timers, cooldowns, Duration.ofSeconds(5));
        dispatcher.stopAccepting();
        Recording responder = new Recording();
        dispatcher
                .dispatch(context, false, true, () -> Reply.visible(Messages.text("ok")), responder)
                .get(5, TimeUnit.SECONDS);
        assertTrue(responder.replies.get(0).message().getContent().startsWith("I'm restarting"));
    }

    @Test
    void drain_letsTheInteractionInFlightAnswer_andRefusesNewOnes() throws Exception {
        Dispatcher dispatcher = new Dispatcher(workers, timers, cooldowns, Duration.ofSeconds(5));
        Recording inFlight = new Recording();
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        var answered = dispatcher.dispatch(
                context,
                false,
                false,
                () -> {
                    running.countDown();
                    awaitQuietly(release);
                    return Reply.visible(Messages.text("finished"));
                },
                inFlight);
        assertTrue(running.await(5, TimeUnit.SECONDS));
        var draining = Executors.newSingleThreadExecutor().submit(() -> dispatcher.drain(Duration.ofSeconds(5)));
        Recording late = new Recording();
        awaitUntil(() -> {
            late.replies.clear();
            dispatcher.dispatch(context, false, false, () -> Reply.visible(Messages.text("new")), late);
            return late.replies.size() == 1
                    && late.replies.get(0).message().getContent().startsWith("I'm restarting");
        });
        release.countDown();
        assertTrue(draining.get(5, TimeUnit.SECONDS));
        answered.get(5, TimeUnit.SECONDS);
        assertEquals("finished", inFlight.replies.get(0).message().getContent());
    }

    private static void awaitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "condition never held");
            Thread.sleep(10);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            assertTrue(latch.await(5, TimeUnit.SECONDS), "the interaction was never deferred");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
