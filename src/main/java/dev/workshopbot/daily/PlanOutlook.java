package dev.workshopbot.daily;

import dev.workshopbot.store.PostRecord;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Where a server is in the reading plan and what it reads next, as plain values: the current plan day is the last
 * one it posted (day 1 before any post), and each following day has the local date it will post on, given that the
 * server posts daily, or the reason it has none.
 *
 * @param current the current plan day, 0-based
 * @param currentDate the local date the current day was posted on, or will first be posted on
 * @param today the server's local date now
 * @param loops whether the plan starts again at day 1 after its last day ({@code daily.onEnd})
 */
public record PlanOutlook(
        int current,
        int total,
        Start start,
        boolean paused,
        boolean loops,
        Optional<LocalDate> currentDate,
        LocalDate today,
        ZoneId zone,
        List<Upcoming> upcoming) {

    /** How far the server's daily posts have got. */
    public enum Start {
        /** No {@code /daily set} in this server: nothing posts. */
        NOT_SCHEDULED,
        /** Scheduled, but the first post has not gone out. */
        NOT_STARTED,
        /** At least one plan day was posted. */
        POSTED
    }

    /** Why an upcoming day has the date it has, or none. */
    public enum When {
        /** It posts on {@link Upcoming#date()}. */
        ON_DATE,
        /** A moderator skipped it ({@code /daily skip}): it never posts. */
        SKIPPED,
        /** The server's posts are paused, so no date is known. */
        PAUSED,
        /** The server has no daily posts. */
        NOT_SCHEDULED
    }

    /** A plan day after the current one: its 0-based index and when it posts. */
    public record Upcoming(int index, When when, Optional<LocalDate> date) {}

    public PlanOutlook {
        upcoming = List.copyOf(upcoming);
    }

    /**
     * The outlook from {@code /daily status}'s values: at most {@code days} days after the current one, wrapping to
     * day 1 when the plan {@code loops}, else stopping at its last day. Days between the current one and the next
     * to post were skipped; from that one on, each posts a day after the one before.
     */
    static PlanOutlook of(DailySystem.Status status, boolean loops, LocalDate today, int days) {
        ZoneId zone = status.settings().zone();
        int total = status.totalDays();
        Optional<PostRecord> last = status.lastPost();
        Start start = last.isPresent() ? Start.POSTED : status.configured() ? Start.NOT_STARTED : Start.NOT_SCHEDULED;
        boolean paused = status.configured() && status.settings().paused();
        if (total == 0) {
            return new PlanOutlook(0, 0, start, paused, loops, Optional.empty(), today, zone, List.of());
        }
        int current = last.map(post -> Math.min(post.planDay(), total - 1)).orElse(0);
        OptionalInt next = status.configured() && !status.planFinished()
                ? OptionalInt.of(status.nextDay() - 1)
                : OptionalInt.empty();
        LocalDate nextDate = status.nextPost().atZone(zone).toLocalDate();
        OptionalInt reached = stepsToNext(current, total, loops, start != Start.POSTED, next);

        List<Upcoming> upcoming = new ArrayList<>();
        for (int step = 1; step <= days; step++) {
            OptionalInt index = walk(current, step, total, loops);
            if (index.isEmpty()) {
                break;
            }
            upcoming.add(upcoming(index.getAsInt(), step, status.configured(), paused, reached, nextDate));
        }
        Optional<LocalDate> currentDate = start == Start.POSTED
                ? last.map(PostRecord::localDate)
                : reached.equals(OptionalInt.of(0)) && !paused ? Optional.of(nextDate) : Optional.empty();
        return new PlanOutlook(current, total, start, paused, loops, currentDate, today, zone, upcoming);
    }

    private static Upcoming upcoming(
            int index, int step, boolean configured, boolean paused, OptionalInt reached, LocalDate nextDate) {
        if (!configured) {
            return new Upcoming(index, When.NOT_SCHEDULED, Optional.empty());
        }
        if (reached.isEmpty() || step < reached.getAsInt()) {
            return new Upcoming(index, When.SKIPPED, Optional.empty());
        }
        if (paused) {
            return new Upcoming(index, When.PAUSED, Optional.empty());
        }
        return new Upcoming(index, When.ON_DATE, Optional.of(nextDate.plusDays(step - reached.getAsInt())));
    }

    /**
     * How many steps after the current day the next day to post comes: 0 when the current day itself has not been
     * posted yet and is next; empty when nothing posts any more.
     */
    private static OptionalInt stepsToNext(
            int current, int total, boolean loops, boolean currentUnposted, OptionalInt next) {
        if (next.isEmpty()) {
            return OptionalInt.empty();
        }
        if (currentUnposted && next.getAsInt() == current) {
            return OptionalInt.of(0);
        }
        for (int step = 1; step <= total; step++) {
            OptionalInt index = walk(current, step, total, loops);
            if (index.isEmpty()) {
                return OptionalInt.empty();
            }
            if (index.getAsInt() == next.getAsInt()) {
                return OptionalInt.of(step);
            }
        }
        return OptionalInt.empty();
    }

    /** The plan day {@code step} days after {@code current}; empty past the last day of a plan that does not loop. */
    private static OptionalInt walk(int current, int step, int total, boolean loops) {
        int index = current + step;
        if (index < total) {
            return OptionalInt.of(index);
        }
        return loops ? OptionalInt.of(index % total) : OptionalInt.empty();
    }
}
