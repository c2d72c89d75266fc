package dev.workshopbot.discord;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.requests.RestRateLimiter;
import net.dv8tion.jda.api.requests.Route;
import okhttp3.Response;

/**
 * JDA's rate limiter, with Discord's global limit kept before sending instead of learnt from 429 answers. JDA knows
 * each route's bucket from the response headers, but meets the global limit (50 requests per second per bot) only
 * as 429s, and it works all buckets at once: a thousand daily posts due in the same minute, one bucket per channel,
 * went out together, and all but 50 a second came back 429, again every second, thousands of invalid requests where
 * Discord bans a bot's address for 10,000 in 10 minutes. Here each request that counts against the global limit
 * first waits for its slot from a {@link GlobalPacer}; interaction responses do not count on Discord, so replies never
 * wait behind posts.
 */
final class PacedRateLimiter implements RestRateLimiter {

    private final RestRateLimiter buckets;
    private final GlobalPacer pacer;
    private final LongSupplier nanoTime;

    /**
     * @param buckets the limiter that keeps the per-route buckets, JDA's own
     * @param nanoTime the clock the slots are reserved on, {@code System::nanoTime} but in tests
     */
    PacedRateLimiter(RestRateLimiter buckets, GlobalPacer pacer, LongSupplier nanoTime) {
        this.buckets = buckets;
        this.pacer = pacer;
        this.nanoTime = nanoTime;
    }

    @Override
    public void enqueue(Work task) {
        buckets.enqueue(task.getRoute().getBaseRoute().isInteractionBucket() ? task : new Paced(task));
    }

    @Override
    public void stop(boolean shutdown, Runnable callback) {
        buckets.stop(shutdown, callback);
    }

    @Override
    public boolean isStopped() {
        return buckets.isStopped();
    }

    @Override
    public int cancelRequests() {
        return buckets.cancelRequests();
    }

    /** A request that waits for its global slot each time its bucket sends it, retries included. */
    private final class Paced implements Work {
        private final Work task;

        Paced(Work task) {
            this.task = task;
        }

        @Override
        public Route.CompiledRoute getRoute() {
            return task.getRoute();
        }

        @Override
        public JDA getJDA() {
            return task.getJDA();
        }

        @Override
        public Response execute() {
            long wait = pacer.reserve(nanoTime.getAsLong()) - nanoTime.getAsLong();
            if (wait > 0) {
                try {
                    TimeUnit.NANOSECONDS.sleep(wait);
                } catch (InterruptedException e) {
                    // JDA is shutting down: send now, as JDA would have, and let it see the interrupt.
                    Thread.currentThread().interrupt();
                }
            }
            return task.execute();
        }

        @Override
        public boolean isSkipped() {
            return task.isSkipped();
        }

        @Override
        public boolean isDone() {
            return task.isDone();
        }

        @Override
        public boolean isPriority() {
            return task.isPriority();
        }

        @Override
        public boolean isCancelled() {
            return task.isCancelled();
        }

        @Override
        public void cancel() {
            task.cancel();
        }
    }
}
