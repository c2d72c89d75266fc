package dev.workshopbot.daily;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.Optional;
import java.util.function.Predicate;

/** When a server's daily post is due, in its own time zone, through DST gaps and overlaps. Pure functions. */
public final class ScheduleMath {

    private ScheduleMath() {}

    /**
     * The instant of the post for a local date. A time inside a DST gap (02:30 on spring-forward day) posts at
     * the next valid local time, the end of the gap; a time inside an overlap posts at its first occurrence.
     */
    public static Instant postInstant(LocalDate date, LocalTime time, ZoneId zone) {
        LocalDateTime local = date.atTime(time);
        ZoneOffsetTransition transition = zone.getRules().getTransition(local);
        if (transition != null && transition.isGap()) {
            return transition.getInstant();
        }
        return local.atZone(zone).toInstant();
    }

    /**
     * The local date whose post is due at {@code now}: today's once its time has come, or yesterday's when the
     * bot is back within the catch-up window. Never older, so a long outage never turns into a backlog.
     */
    public static Optional<LocalDate> dueDate(LocalTime time, ZoneId zone, Instant now, Duration catchUp) {
        LocalDate today = now.atZone(zone).toLocalDate();
        for (LocalDate date : new LocalDate[] {today, today.minusDays(1)}) {
            Instant at = postInstant(date, time, zone);
            if (!now.isBefore(at) && Duration.between(at, now).compareTo(catchUp) <= 0) {
                return Optional.of(date);
            }
        }
        return Optional.empty();
    }

    /** The next post instant after {@code now} for a date not yet posted. */
    public static Instant nextPost(
            LocalTime time, ZoneId zone, Instant now, Predicate<LocalDate> posted, Duration catchUp) {
        Optional<LocalDate> due = dueDate(time, zone, now, catchUp);
        if (due.isPresent() && !posted.test(due.get())) {
            return now;
        }
        LocalDate date = now.atZone(zone).toLocalDate();
        for (int i = 0; i < 3; i++, date = date.plusDays(1)) {
            Instant at = postInstant(date, time, zone);
            if (at.isAfter(now) && !posted.test(date)) {
                return at;
            }
        }
        return postInstant(date, time, zone);
    }
}
