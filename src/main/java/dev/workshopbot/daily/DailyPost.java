package dev.workshopbot.daily;

import dev.workshopbot.content.Library;
import dev.workshopbot.content.ReadingPlan;
import java.time.LocalDate;

/**
 * One server's post for one local date: plan day {@code index} (0-based) of {@code total}, from {@code library}.
 * The nonce is derived from server and date, so any retry of the same post carries the same one.
 */
public record DailyPost(
        long guildId,
        long channelId,
        LocalDate date,
        int index,
        int total,
        ReadingPlan.Day day,
        Library library,
        boolean thread) {

    /** Discord nonces are at most 25 characters. */
    public String nonce() {
        return nonceOf(guildId, date);
    }

    public static String nonceOf(long guildId, LocalDate date) {
        return "d" + Long.toString(guildId, 36) + date.toString().replace("-", "");
    }

    public int number() {
        return index + 1;
    }
}
