package dev.workshopbot.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.requests.RestRateLimiter;
import net.dv8tion.jda.api.requests.Route;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

class PacedRateLimiterTest {

    private static final long INTERVAL =
            (Duration.ofSeconds(1).toNanos() + GlobalPacer.DISCORD_PER_SECOND - 1) / GlobalPacer.DISCORD_PER_SECOND;

    private final List<RestRateLimiter.Work> enqueued = new ArrayList<>();
    private final GlobalPacer pacer = new GlobalPacer(GlobalPacer.DISCORD_PER_SECOND);
    // Time stands still, so a request whose slot lies ahead would sleep: the test only ever runs the first one.
    private final PacedRateLimiter limiter = new PacedRateLimiter(new Buckets(), pacer, () -> 0L);

    @Test
    void interactionResponse_isNotPaced() {
        // GIVEN a reply to an interaction, which Discord keeps out of the global limit
        Task callback = new Task(Route.Interactions.CALLBACK.compile("1", "token"));
        // WHEN JDA enqueues it and its bucket sends it
        limiter.enqueue(callback);
        enqueued.get(0).execute();
        // THEN it goes to the buckets as it is, sent, and takes no global slot
        assertSame(callback, enqueued.get(0));
        assertEquals(1, callback.executions);
        assertEquals(0, pacer.reserve(0), "the pacer is still idle");
    }

    @Test
    void channelMessage_takesAGlobalSlotEachTimeItIsSent() {
        // GIVEN a channel message, which counts against the global limit
        Task message = new Task(Route.Messages.SEND_MESSAGE.compile("123"));
        // WHEN JDA enqueues it and its bucket sends it
        limiter.enqueue(message);
        RestRateLimiter.Work paced = enqueued.get(0);
        paced.execute();
        // THEN the buckets get it wrapped, it is sent once, and the next slot is one interval on
        assertNotSame(message, paced);
        assertEquals(message.getRoute(), paced.getRoute());
        assertEquals(1, message.executions);
        assertEquals(INTERVAL, pacer.reserve(0));
    }

    @Test
    void pacedRequest_answersForItsRequest() {
        Task message = new Task(Route.Messages.SEND_MESSAGE.compile("123"));
        limiter.enqueue(message);
        RestRateLimiter.Work paced = enqueued.get(0);
        paced.cancel();
        assertTrue(message.cancelled);
        assertTrue(paced.isCancelled() && paced.isSkipped() && paced.isDone());
    }

    /** JDA's per-route limiter, reduced to what it was given. */
    private final class Buckets implements RestRateLimiter {
        @Override
        public void enqueue(Work task) {
            enqueued.add(task);
        }

        @Override
        public void stop(boolean shutdown, Runnable callback) {
            callback.run();
        }

        @Override
        public boolean isStopped() {
            return false;
        }

        @Override
        public int cancelRequests() {
            return 0;
        }
    }

    /** A request that counts how often it is sent. */
    private static final class Task implements RestRateLimiter.Work {
        private final Route.CompiledRoute route;
        private int executions;
        private boolean cancelled;

        Task(Route.CompiledRoute route) {
            this.route = route;
        }

        @Override
        public Route.CompiledRoute getRoute() {
            return route;
        }

        @Override
        public JDA getJDA() {
            throw new UnsupportedOperationException("not needed by the limiter");
        }

        @Override
        public Response execute() {
            executions++;
            return null;
        }

        @Override
        public boolean isSkipped() {
            return cancelled;
        }

        @Override
        public boolean isDone() {
            return cancelled || executions > 0;
        }

        @Override
        public boolean isPriority() {
            return false;
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }
}
