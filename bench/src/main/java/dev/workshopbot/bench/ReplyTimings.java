package dev.workshopbot.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.dv8tion.jda.api.events.GenericEvent;
import net.dv8tion.jda.api.events.interaction.GenericInteractionCreateEvent;
import net.dv8tion.jda.api.hooks.EventListener;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Times each interaction inside the bot's process: from the moment JDA hands the interaction event to its listeners
 * (this listener is registered before the bot's own) to the moment the interaction's callback request reaches the
 * HTTP client (this interceptor is JDA's OkHttp client's first). What lies outside, the gateway frame on its way in
 * and the HTTP exchange on its way out, is not counted.
 */
final class ReplyTimings implements EventListener, Interceptor {

    /** One interaction's time inside the bot and the HTTP status Discord answered its callback with. */
    record Timing(long nanos, int status) {
    }

    private final Map<Long, Long> arrivals = new ConcurrentHashMap<>();
    private final Map<Long, CompletableFuture<Timing>> callbacks = new ConcurrentHashMap<>();

    @Override
    public void onEvent(GenericEvent event) {
        if (event instanceof GenericInteractionCreateEvent interaction) {
            arrivals.put(interaction.getIdLong(), System.nanoTime());
        }
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        long handedOver = System.nanoTime();
        long interaction = callbackOf(chain.request().url().pathSegments());
        if (interaction == 0) {
            return chain.proceed(chain.request());
        }
        Long arrived = arrivals.remove(interaction);
        try {
            Response response = chain.proceed(chain.request());
            callback(interaction).complete(new Timing(arrived == null ? -1 : handedOver - arrived, response.code()));
            return response;
        } catch (IOException | RuntimeException e) {
            callback(interaction).completeExceptionally(e);
            throw e;
        }
    }

    /**
     * Waits until the interaction's callback has been answered and returns its timing; fails when there was none in
     * time, when the callback failed, or when the event was never seen.
     */
    Timing await(long interaction, Duration timeout) throws InterruptedException {
        try {
            Timing timing = callback(interaction).get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            if (timing.nanos() < 0) {
                throw new IllegalStateException("the callback of interaction " + interaction
                        + " came without its event reaching the listeners");
            }
            return timing;
        } catch (ExecutionException e) {
            throw new IllegalStateException("the callback of interaction " + interaction + " failed", e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("no callback for interaction " + interaction + " within " + timeout, e);
        } finally {
            callbacks.remove(interaction);
        }
    }

    private CompletableFuture<Timing> callback(long interaction) {
        return callbacks.computeIfAbsent(interaction, id -> new CompletableFuture<>());
    }

    /** The interaction id of {@code .../interactions/{id}/{token}/callback}, or 0 for any other request. */
    private static long callbackOf(List<String> path) {
        int size = path.size();
        if (size < 4 || !path.get(size - 1).equals("callback") || !path.get(size - 4).equals("interactions")) {
            return 0;
        }
        return Long.parseUnsignedLong(path.get(size - 3));
    }
}
