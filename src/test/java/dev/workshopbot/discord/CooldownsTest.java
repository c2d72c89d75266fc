package dev.workshopbot.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CooldownsTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final Cooldowns cooldowns = new Cooldowns(5, Duration.ofSeconds(10), now::get);

    @Test
    void fiveUsesPerWindow_theSixthWaitsUntilTheOldestExpires() {
        for (int i = 0; i < 5; i++) {
            assertTrue(cooldowns.tryUse(7, "search").isEmpty(), "use " + (i + 1));
            now.addAndGet(Duration.ofSeconds(1).toNanos());
        }
        Optional<Duration> wait = cooldowns.tryUse(7, "search");
        assertEquals(Optional.of(Duration.ofSeconds(5)), wait);
        now.addAndGet(Duration.ofSeconds(5).toNanos());
        assertTrue(cooldowns.tryUse(7, "search").isEmpty(), "the oldest use has left the window");
    }

    @Test
    void cooldowns_arePerUserAndPerCommand() {
        for (int i = 0; i < 5; i++) {
            cooldowns.tryUse(7, "search");
        }
        assertTrue(cooldowns.tryUse(7, "search").isPresent());
        assertTrue(cooldowns.tryUse(8, "search").isEmpty(), "another user");
        assertTrue(cooldowns.tryUse(7, "quote").isEmpty(), "another command");
    }
}
