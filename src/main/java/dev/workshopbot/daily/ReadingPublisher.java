package dev.workshopbot.daily;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** How the daily routine reaches Discord; the routine owns this interface, the Discord adapter implements it. */
public interface ReadingPublisher {

    /** The ids Discord gave a post and its discussion thread ({@code threadId} null without one). */
    record Published(long messageId, Long threadId) {}

    /** Sends the post (with its nonce, so Discord drops a duplicate) and opens its thread when asked. */
    CompletableFuture<Published> publish(DailyPost post);

    /** The post as already sent in its channel, for a crash between sending and recording. */
    CompletableFuture<Optional<Published>> findEarlier(DailyPost post);
}
