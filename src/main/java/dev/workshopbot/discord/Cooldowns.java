package dev.workshopbot.discord;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/** At most {@code limit} uses per user per command in any {@code window}; answers how long to wait. */
public final class Cooldowns {

    private final int limit;
    private final long windowNanos;
    private final Ticker ticker;
    private final Cache<String, Deque<Long>> uses;

    public Cooldowns(int limit, Duration window, Ticker ticker) {
        if (limit < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("a cooldown needs a limit of at least 1 and a positive window");
        }
        this.limit = limit;
        this.windowNanos = window.toNanos();
        this.ticker = ticker;
        this.uses = Caffeine.newBuilder()
                .ticker(ticker)
                .expireAfterAccess(window)
                .maximumSize(100_000)
                .build();
    }

    /** A budget {@code factor} times as large over the same window, counted apart from this one. */
    public Cooldowns looser(int factor) {
        return new Cooldowns(limit * factor, Duration.ofNanos(windowNanos), ticker);
    }

    /** Records a use and returns empty, or returns how long until the user may use the command again. */
    public Optional<Duration> tryUse(long userId, String command) {
        long now = ticker.read();
        Deque<Long> times = uses.get(userId + "/" + command, key -> new ArrayDeque<>(limit));
        synchronized (times) {
            while (!times.isEmpty() && now - times.peekFirst() >= windowNanos) {
                times.pollFirst();
            }
            if (times.size() >= limit) {
                return Optional.of(Duration.ofNanos(times.peekFirst() + windowNanos - now));
            }
            times.addLast(now);
            return Optional.empty();
        }
    }
}
