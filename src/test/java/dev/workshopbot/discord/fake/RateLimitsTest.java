package dev.workshopbot.discord.fake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Discord's rate limits as the fake answers them, on plain instants. */
class RateLimitsTest {

    private static final Instant T0 = Instant.parse("2024-03-01T09:00:00Z");
    private static final String SEND = RateLimits.MESSAGE_CREATE_ROUTE;
    private static final String HISTORY = "GET /channels/{channel}/messages";

    @Test
    void messageCreate_sixthInFiveSeconds_isRefusedUntilTheWindowEnds() {
        // GIVEN enforced limits and five messages sent to one channel within a second
        RateLimits limits = RateLimits.enforced();
        for (int i = 0; i < 5; i++) {
            assertTrue(
                    limits.admit(SEND, "channel=1", false, T0.plusMillis(200L * i))
                            .admitted(),
                    "send " + i);
        }

        // WHEN a sixth comes at 1.5 s, and another once the 5-second window has passed
        RateLimits.Verdict sixth = limits.admit(SEND, "channel=1", false, T0.plusMillis(1500));
        RateLimits.Verdict later = limits.admit(SEND, "channel=1", false, T0.plusSeconds(5));

        // THEN the sixth is refused for the 3.5 s left, with the headers JDA reads, and the later one passes
        assertFalse(sixth.admitted());
        assertEquals(Duration.ofMillis(3500), sixth.retryAfter());
        assertEquals("0", sixth.headers().get("X-RateLimit-Remaining"));
        assertEquals("3.500", sixth.headers().get("X-RateLimit-Reset-After"));
        assertEquals("4", sixth.headers().get("Retry-After"), "whole seconds, rounded up");
        assertEquals("user", sixth.headers().get("X-RateLimit-Scope"));
        assertNull(sixth.headers().get("X-RateLimit-Global"));
        assertTrue(later.admitted());
        assertEquals("4", later.headers().get("X-RateLimit-Remaining"));
        assertEquals(Map.of(SEND + " channel=1", 1), limits.refusals());
    }

    @Test
    void messageCreate_admitted_reportsWhatRemainsInTheWindowUnderOneBucketHashForEveryChannel() {
        // GIVEN enforced limits
        RateLimits limits = RateLimits.enforced();

        // WHEN two messages go to channel 1 and one to channel 2
        limits.admit(SEND, "channel=1", false, T0);
        RateLimits.Verdict second = limits.admit(SEND, "channel=1", false, T0.plusSeconds(1));
        RateLimits.Verdict other = limits.admit(SEND, "channel=2", false, T0.plusSeconds(1));

        // THEN each channel counts alone, and both share the route's bucket hash
        assertEquals("5", second.headers().get("X-RateLimit-Limit"));
        assertEquals("3", second.headers().get("X-RateLimit-Remaining"));
        assertEquals("4.000", second.headers().get("X-RateLimit-Reset-After"));
        assertEquals("4", other.headers().get("X-RateLimit-Remaining"));
        assertEquals(second.headers().get("X-RateLimit-Bucket"), other.headers().get("X-RateLimit-Bucket"));
        assertEquals(Map.of(), limits.refusals());
    }

    @Test
    void resetAfter_thatJdaWouldReadAMillisecondShort_isToldOneMillisecondMore() {
        // GIVEN a channel's window opened at T0
        RateLimits limits = RateLimits.enforced();
        limits.admit(SEND, "channel=1", false, T0);

        // WHEN the next message comes when 1.001 s of the window are left, and when 1.000 s are
        RateLimits.Verdict awkward = limits.admit(SEND, "channel=1", false, T0.plusMillis(3999));
        RateLimits.Verdict round = limits.admit(SEND, "channel=1", false, T0.plusMillis(4000));

        // THEN 1.001, which JDA would read as 1000 ms, is reported as 1.002; 1.000 stays as it is
        assertEquals("1.002", awkward.headers().get("X-RateLimit-Reset-After"));
        assertEquals("1.000", round.headers().get("X-RateLimit-Reset-After"));
    }

    @Test
    void global_fiftyFirstRequestInASecond_isRefusedAsGlobal() {
        // GIVEN fifty requests on routes without a limit of their own, within one second
        RateLimits limits = RateLimits.enforced();
        for (int i = 0; i < 50; i++) {
            assertTrue(
                    limits.admit(HISTORY, "channel=" + i, false, T0.plusMillis(i))
                            .admitted(),
                    "request " + i);
        }

        // WHEN a fifty-first comes at 0.4 s, and another after the second is over
        RateLimits.Verdict refused = limits.admit(HISTORY, "channel=99", false, T0.plusMillis(400));
        RateLimits.Verdict next = limits.admit(HISTORY, "channel=99", false, T0.plusSeconds(1));

        // THEN the first is refused globally, as JDA recognises it, and the next second admits again
        assertFalse(refused.admitted());
        assertTrue(refused.global());
        assertEquals("true", refused.headers().get("X-RateLimit-Global"));
        assertEquals("global", refused.headers().get("X-RateLimit-Scope"));
        assertEquals("1", refused.headers().get("Retry-After"));
        assertEquals(Duration.ofMillis(600), refused.retryAfter());
        assertTrue(next.admitted());
        assertEquals(Map.of(RateLimits.GLOBAL_BUCKET, 1), limits.refusals());
    }

    @Test
    void global_interactionResponses_areNotCounted() {
        // GIVEN the global limit used up
        RateLimits limits = RateLimits.enforced();
        for (int i = 0; i < 50; i++) {
            limits.admit(HISTORY, "channel=1", false, T0);
        }

        // WHEN an interaction callback comes in the same second
        RateLimits.Verdict callback =
                limits.admit("POST /interactions/{interaction}/{token}/callback", "webhook=1/abc", true, T0);

        // THEN Discord answers it, as interaction endpoints are outside the global limit
        assertTrue(callback.admitted());
    }

    @Test
    void reportedOnly_neverRefusesButStillReportsABucket() {
        // GIVEN limits that are only reported
        RateLimits limits = RateLimits.reportedOnly();

        // WHEN a hundred messages go to one channel at the same instant
        RateLimits.Verdict last = null;
        for (int i = 0; i < 100; i++) {
            last = limits.admit(SEND, "channel=1", false, T0);
            assertTrue(last.admitted(), "send " + i);
        }

        // THEN none was refused and the bucket never ran dry
        assertEquals("49", last.headers().get("X-RateLimit-Remaining"));
        assertTrue(last.headers().containsKey("X-RateLimit-Bucket"));
        assertEquals(Map.of(), limits.refusals());
    }
}
