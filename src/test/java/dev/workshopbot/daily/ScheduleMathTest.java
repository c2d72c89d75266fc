package dev.workshopbot.daily;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScheduleMathTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Duration SIX_HOURS = Duration.ofHours(6);

    @Test
    void springForwardGap_postsAtTheNextValidLocalTime() {
        // 02:30 does not exist on these days: clocks jump from 02:00 to 03:00
        assertEquals(
                Instant.parse("2026-03-08T07:00:00Z"),
                ScheduleMath.postInstant(LocalDate.of(2026, 3, 8), LocalTime.of(2, 30), NEW_YORK));
        assertEquals(
                Instant.parse("2026-03-29T01:00:00Z"),
                ScheduleMath.postInstant(LocalDate.of(2026, 3, 29), LocalTime.of(2, 30), BERLIN));
    }

    @Test
    void fallBackOverlap_postsAtTheFirstOccurrence_andTheSecondFindsTheDateAlreadyDue() {
        Instant first = ScheduleMath.postInstant(LocalDate.of(2026, 11, 1), LocalTime.of(1, 30), NEW_YORK);
        assertEquals(Instant.parse("2026-11-01T05:30:00Z"), first);
        Instant second = Instant.parse("2026-11-01T06:30:00Z");
        // at the repeated 01:30 the due date is the same local date, which the post log already holds
        assertEquals(
                Optional.of(LocalDate.of(2026, 11, 1)),
                ScheduleMath.dueDate(LocalTime.of(1, 30), NEW_YORK, second, SIX_HOURS));
        assertEquals(
                Instant.parse("2026-10-25T00:30:00Z"),
                ScheduleMath.postInstant(LocalDate.of(2026, 10, 25), LocalTime.of(2, 30), BERLIN));
    }

    @Test
    void midnight_isDueOnTheNewDate() {
        Instant midnight = Instant.parse("2026-06-01T22:00:00Z"); // 00:00 in Berlin (CEST)
        assertEquals(
                Optional.of(LocalDate.of(2026, 6, 2)),
                ScheduleMath.dueDate(LocalTime.MIDNIGHT, BERLIN, midnight, SIX_HOURS));
        assertEquals(
                Optional.empty(),
                ScheduleMath.dueDate(LocalTime.MIDNIGHT, BERLIN, midnight.minusSeconds(1), Duration.ofMinutes(1)));
    }

    @Test
    void catchUpWindow_edgeIsIn_oneSecondLaterIsOut() {
        Instant nine = Instant.parse("2026-06-01T13:00:00Z"); // 09:00 in New York (EDT)
        assertEquals(
                Optional.of(LocalDate.of(2026, 6, 1)),
                ScheduleMath.dueDate(LocalTime.of(9, 0), NEW_YORK, nine.plus(SIX_HOURS), SIX_HOURS));
        assertEquals(
                Optional.empty(),
                ScheduleMath.dueDate(
                        LocalTime.of(9, 0), NEW_YORK, nine.plus(SIX_HOURS).plusSeconds(1), SIX_HOURS));
    }

    @Test
    void lateEveningPost_isCaughtUpAfterMidnight_asYesterdays() {
        Instant oneAm = Instant.parse("2026-06-02T05:00:00Z"); // 01:00 on June 2 in New York
        assertEquals(
                Optional.of(LocalDate.of(2026, 6, 1)),
                ScheduleMath.dueDate(LocalTime.of(23, 0), NEW_YORK, oneAm, SIX_HOURS));
    }

    @Test
    void nextPost_isTomorrowOnceTodayIsPosted() {
        Instant noon = Instant.parse("2026-06-01T16:00:00Z"); // 12:00 in New York
        assertEquals(
                Instant.parse("2026-06-02T13:00:00Z"),
                ScheduleMath.nextPost(
                        LocalTime.of(9, 0), NEW_YORK, noon, date -> date.equals(LocalDate.of(2026, 6, 1)), SIX_HOURS));
        assertEquals(noon, ScheduleMath.nextPost(LocalTime.of(9, 0), NEW_YORK, noon, date -> false, SIX_HOURS));
    }
}
