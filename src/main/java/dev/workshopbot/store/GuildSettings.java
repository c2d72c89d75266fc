package dev.workshopbot.store;

import java.time.LocalTime;
import java.time.ZoneId;

/** One server's daily reading: where, when (local time in an IANA zone), paused or not, and the plan cursor. */
public record GuildSettings(long guildId, long channelId, LocalTime time, ZoneId zone, boolean paused,
        String pauseReason, int cursor) {

    public GuildSettings withPaused(boolean paused, String reason) {
        return new GuildSettings(guildId, channelId, time, zone, paused, reason, cursor);
    }

    public GuildSettings withCursor(int cursor) {
        return new GuildSettings(guildId, channelId, time, zone, paused, pauseReason, cursor);
    }
}
