package dev.workshopbot.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GlobalPacerTest {

    private static final long SECOND = Duration.ofSeconds(1).toNanos();
    private static final long INTERVAL = (SECOND + GlobalPacer.DISCORD_PER_SECOND - 1) / GlobalPacer.DISCORD_PER_SECOND;

    private final GlobalPacer pacer = new GlobalPacer(GlobalPacer.DISCORD_PER_SECOND);

    @Test
    void idlePacer_sendsAtOnce() {
        assertEquals(-5_000, pacer.reserve(-5_000));
    }

    @Test
    void requestsAskingTogether_getSlotsOneIntervalApart() {
        // GIVEN three requests that ask at the same moment
        // WHEN each reserves a slot
        // THEN the first goes at once and each of the others one interval after the one before
        assertEquals(100, pacer.reserve(100));
        assertEquals(100 + INTERVAL, pacer.reserve(100));
        assertEquals(100 + 2 * INTERVAL, pacer.reserve(100));
    }

    @Test
    void requestAfterThePacerCaughtUp_goesAtOnce() {
        pacer.reserve(0);
        pacer.reserve(0);
        long later = 10 * SECOND;
        assertEquals(later, pacer.reserve(later));
        assertEquals(later + INTERVAL, pacer.reserve(later), "and spaces the next one from it");
    }

    @Test
    void aThousandRequestsAtOnce_neverPutMoreThanDiscordsFiftyInAnySecond() {
        List<Long> slots = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            slots.add(pacer.reserve(0));
        }
        // THEN every window of a second, wherever it starts, holds at most the pacer's rate, which is under 50
        for (int first = 0; first < slots.size(); first++) {
            long windowEnd = slots.get(first) + SECOND;
            long inWindow = slots.stream()
                    .skip(first)
                    .takeWhile(slot -> slot < windowEnd)
                    .count();
            assertTrue(inWindow <= GlobalPacer.DISCORD_PER_SECOND, "window from slot " + first + ": " + inWindow);
        }
        assertTrue(GlobalPacer.DISCORD_PER_SECOND < 50, "Discord's global limit is 50 per second");
        // AND the thousandth goes no later than the rate requires
        assertEquals(999 * INTERVAL, slots.get(999));
    }

    @Test
    void rateBelowOne_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> new GlobalPacer(0));
    }
}
