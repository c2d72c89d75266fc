package dev.workshopbot.discord.fake;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waiting on a monitor until a condition holds, with a deadline, so that no test of the fake can hang. */
final class Waits {

    private Waits() {}

    /**
     * Waits on {@code monitor}, whose lock the caller holds and whose owner calls {@code notifyAll} on change.
     *
     * @return false when the timeout passed before {@code done} held
     */
    static boolean until(Object monitor, BooleanSupplier done, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            long remainingMillis = (deadline - System.nanoTime()) / 1_000_000;
            if (remainingMillis <= 0) {
                return false;
            }
            try {
                monitor.wait(remainingMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting on the fake Discord", e);
            }
        }
        return true;
    }
}
