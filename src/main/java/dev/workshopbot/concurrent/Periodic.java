package dev.workshopbot.concurrent;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;

/** Runs a routine's tick on a schedule: a tick that fails is logged and the next one runs anyway. */
public final class Periodic {

    private Periodic() {}

    /**
     * Runs {@code tick} after {@code initialDelay}, then {@code period} after each run ends, until the future is
     * cancelled; a failure is logged to {@code log} as "{@code what} failed; it runs again in …".
     */
    public static ScheduledFuture<?> every(
            ScheduledExecutorService scheduler,
            Duration initialDelay,
            Duration period,
            Logger log,
            String what,
            Runnable tick) {
        return scheduler.scheduleWithFixedDelay(
                () -> {
                    try {
                        tick.run();
                    } catch (RuntimeException e) {
                        log.error("{} failed; it runs again in {}", what, period, e);
                    }
                },
                initialDelay.toMillis(),
                period.toMillis(),
                TimeUnit.MILLISECONDS);
    }
}
