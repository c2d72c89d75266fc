package dev.workshopbot.store;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * One server's daily reading: where, when (local time in an IANA zone), paused or not, the plan cursor, and the
 * instant the schedule was set or resumed (post times before it are not due).
 */
public record GuildSettings(
        long guildId,
        long channelId,
        LocalTime time,
        ZoneId zone,
        boolean paused,
        String pauseReason,
        int cursor,
        Instant activeFrom) {

    /** A schedule active since ever, as one stored before schedules had a start. */
    public GuildSettings(
            long guildId, long channelId, LocalTime time, ZoneId zone, boolean paused, String pauseReason, int cursor) {
        this(guildId, channelId, time, zone, paused, pauseReason, cursor, Instant.EPOCH);
    }

    public GuildSettings withPaused(boolean paused, String reason) {
        return new GuildSettings(guildId, channelId, time, zone, paused, reason, cursor, activeFrom);
    }
}
