package dev.workshopbot.store;

import java.time.Instant;
import java.time.LocalDate;

/** The post log row of one server's day: an intent until {@code messageId} is set. */
public record PostRecord(
        long guildId,
        LocalDate localDate,
        int planDay,
        long channelId,
        String nonce,
        String claimedBy,
        Instant claimedAt,
        Long messageId,
        Long threadId,
        Instant postedAt) {

    public boolean isDone() {
        return messageId != null;
    }
}
