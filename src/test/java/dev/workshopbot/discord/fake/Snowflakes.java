package dev.workshopbot.discord.fake;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/** Discord-style ids: milliseconds since Discord's epoch in the high bits, so JDA reads a plausible creation time. */
final class Snowflakes {

    private static final long DISCORD_EPOCH_MILLIS = 1_420_070_400_000L;

    private final AtomicLong last = new AtomicLong();

    long next() {
        long fromClock = (System.currentTimeMillis() - DISCORD_EPOCH_MILLIS) << 22;
        return last.updateAndGet(previous -> Math.max(previous + 1, fromClock));
    }

    static String timestampOf(long snowflake) {
        Instant created = Instant.ofEpochMilli((snowflake >>> 22) + DISCORD_EPOCH_MILLIS);
        return OffsetDateTime.ofInstant(created, ZoneOffset.UTC).toString();
    }
}
