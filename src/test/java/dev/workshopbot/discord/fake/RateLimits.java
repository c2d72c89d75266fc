package dev.workshopbot.discord.fake;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Discord's rate limits, as the fake answers them: every request gets Discord's {@code X-RateLimit-*} headers, from
 * which JDA learns its buckets. When enforced, a channel's message creates share a bucket of 5 per 5 seconds, and all
 * requests but interaction responses share a global limit of 50 per second; a request beyond either is answered 429.
 * Other routes report a bucket that never runs dry.
 *
 * <p>Windows are fixed, opened by the first request after the previous one ended, as Discord's reset-after shows.
 * Time comes in with each request, from the fake's clock, so that the rules can be tested with plain instants.
 */
final class RateLimits {

    /** At most {@code requests} per {@code window}. */
    record Limit(int requests, Duration window) {}

    static final Limit MESSAGE_CREATE = new Limit(5, Duration.ofSeconds(5));
    static final Limit GLOBAL = new Limit(50, Duration.ofSeconds(1));
    static final String MESSAGE_CREATE_ROUTE = "POST /channels/{channel}/messages";
    static final String GLOBAL_BUCKET = "global";

    private static final Limit NEVER_DRY = new Limit(50, Duration.ofSeconds(1));

    /**
     * What the fake answers about one request.
     *
     * @param bucket the bucket that refused it, e.g. {@code POST /channels/{channel}/messages channel=1} or
     *     {@code global}; null when admitted
     * @param retryAfter how long the client must wait; zero when admitted
     */
    record Verdict(boolean admitted, Map<String, String> headers, String bucket, Duration retryAfter) {

        boolean global() {
            return GLOBAL_BUCKET.equals(bucket);
        }
    }

    private final boolean enforced;
    private final Map<String, Window> windows = new HashMap<>();
    private final Window global = new Window(GLOBAL);
    private final Map<String, Integer> refusals = new LinkedHashMap<>();

    private RateLimits(boolean enforced) {
        this.enforced = enforced;
    }

    /** Discord's limits, answered with 429 when exceeded. */
    static RateLimits enforced() {
        return new RateLimits(true);
    }

    /** Discord-shaped headers only: no bucket ever runs dry, so tests are never slowed down. */
    static RateLimits reportedOnly() {
        return new RateLimits(false);
    }

    boolean isEnforced() {
        return enforced;
    }

    /**
     * Admits a request or refuses it.
     *
     * @param route method and route template, e.g. {@code POST /channels/{channel}/messages}
     * @param major the route's major parameter ({@code channel=1}), which splits one route into several buckets
     * @param interaction whether the route answers an interaction, which Discord keeps out of the global limit
     */
    synchronized Verdict admit(String route, String major, boolean interaction, Instant now) {
        if (!enforced) {
            return new Verdict(
                    true,
                    bucketHeaders(route, NEVER_DRY.requests(), NEVER_DRY.requests() - 1, NEVER_DRY.window(), now),
                    null,
                    Duration.ZERO);
        }
        if (!interaction && !global.take(now)) {
            return refuse(GLOBAL_BUCKET, global.resetAfter(now), globalHeaders(global.resetAfter(now)));
        }
        if (!MESSAGE_CREATE_ROUTE.equals(route)) {
            return new Verdict(
                    true,
                    bucketHeaders(route, NEVER_DRY.requests(), NEVER_DRY.requests() - 1, NEVER_DRY.window(), now),
                    null,
                    Duration.ZERO);
        }
        Window window = windows.computeIfAbsent(route + " " + major, key -> new Window(MESSAGE_CREATE));
        boolean taken = window.take(now);
        Map<String, String> headers =
                bucketHeaders(route, MESSAGE_CREATE.requests(), window.remaining(), window.resetAfter(now), now);
        if (!taken) {
            headers.put("Retry-After", Long.toString(ceilSeconds(window.resetAfter(now))));
            headers.put("X-RateLimit-Scope", "user");
            return refuse(route + " " + major, window.resetAfter(now), headers);
        }
        return new Verdict(true, headers, null, Duration.ZERO);
    }

    /** How many requests each bucket refused with 429, by bucket, in the order the buckets first refused one. */
    synchronized Map<String, Integer> refusals() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(refusals));
    }

    private Verdict refuse(String bucket, Duration retryAfter, Map<String, String> headers) {
        refusals.merge(bucket, 1, Integer::sum);
        return new Verdict(false, headers, bucket, retryAfter);
    }

    private static Map<String, String> globalHeaders(Duration retryAfter) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Retry-After", Long.toString(ceilSeconds(retryAfter)));
        headers.put("X-RateLimit-Global", "true");
        headers.put("X-RateLimit-Scope", "global");
        return headers;
    }

    private static Map<String, String> bucketHeaders(
            String route, int limit, int remaining, Duration resetAfter, Instant now) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-RateLimit-Bucket", bucketHash(route));
        headers.put("X-RateLimit-Limit", Integer.toString(limit));
        headers.put("X-RateLimit-Remaining", Integer.toString(remaining));
        headers.put(
                "X-RateLimit-Reset",
                seconds(Duration.ofMillis(now.toEpochMilli()).plus(resetAfter)));
        headers.put("X-RateLimit-Reset-After", seconds(resetAfter));
        return headers;
    }

    /** An opaque hash per route, the same for every channel, as Discord's bucket header is. */
    private static String bucketHash(String route) {
        return String.format(Locale.ROOT, "%08x", route.hashCode());
    }

    /**
     * Seconds with millisecond precision, rounded up, so that a client waiting what it was told never arrives early.
     * JDA reads the value as {@code (long) (Double.parseDouble(text) * 1000)}, which turns some values, such as
     * 1.001, into a millisecond less; those are told one millisecond more.
     */
    static String seconds(Duration duration) {
        long millis = (duration.toNanos() + 999_999) / 1_000_000;
        String text = secondsText(millis);
        return (long) (Double.parseDouble(text) * 1000) < millis ? secondsText(millis + 1) : text;
    }

    private static String secondsText(long millis) {
        return String.format(Locale.ROOT, "%d.%03d", millis / 1000, millis % 1000);
    }

    private static long ceilSeconds(Duration duration) {
        return (duration.toNanos() + 999_999_999L) / 1_000_000_000L;
    }

    /** One fixed window of a limit. */
    private static final class Window {
        private final Limit limit;
        private Instant opened = Instant.MIN;
        private int used;

        Window(Limit limit) {
            this.limit = limit;
        }

        boolean take(Instant now) {
            if (!now.isBefore(end())) {
                opened = now;
                used = 0;
            }
            if (used >= limit.requests()) {
                return false;
            }
            used++;
            return true;
        }

        int remaining() {
            return limit.requests() - used;
        }

        Duration resetAfter(Instant now) {
            return Duration.between(now, end());
        }

        private Instant end() {
            return opened == Instant.MIN ? Instant.MIN : opened.plus(limit.window());
        }
    }
}
