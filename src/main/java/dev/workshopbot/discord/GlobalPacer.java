package dev.workshopbot.discord;

import java.time.Duration;

/**
 * Send times spaced evenly at a fixed rate: each request gets the first slot at or after the moment it asks that is
 * at least one interval after the slot before. A request that finds the pacer idle goes at once.
 */
final class GlobalPacer {

    /**
     * Discord allows a bot 50 requests per second in all. Two less, evenly spaced, keep any second that Discord counts
     * under the limit even when the requests' arrivals drift by tens of milliseconds against their send times.
     */
    static final int DISCORD_PER_SECOND = 48;

    private final long intervalNanos;
    private boolean idle = true;
    private long next;

    GlobalPacer(int perSecond) {
        if (perSecond < 1) {
            throw new IllegalArgumentException("a pacer needs at least one request per second, not " + perSecond);
        }
        long second = Duration.ofSeconds(1).toNanos();
        // Rounded up: a rounded-down interval would fit one request more than the rate into some second.
        this.intervalNanos = (second + perSecond - 1) / perSecond;
    }

    /** Reserves the next slot for a request asking at {@code nowNanos} and returns when it may be sent. */
    synchronized long reserve(long nowNanos) {
        long slot = idle || nowNanos - next > 0 ? nowNanos : next;
        idle = false;
        next = slot + intervalNanos;
        return slot;
    }
}
