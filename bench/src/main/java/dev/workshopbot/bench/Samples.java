package dev.workshopbot.bench;

import java.util.Arrays;
import java.util.Locale;

/** Latencies in nanoseconds, kept whole so that percentiles are exact (nearest rank). */
final class Samples {

    private long[] values = new long[1024];
    private int size;

    synchronized void add(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
    }

    synchronized int size() {
        return size;
    }

    /** The {@code percent} percentile by nearest rank, in nanoseconds; 0 when empty. */
    synchronized long percentile(double percent) {
        if (size == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percent / 100 * size);
        return sorted[Math.max(0, Math.min(size, rank) - 1)];
    }

    /** {@code n=… p50=… p99=… max=…} in milliseconds, as the summary reads it back. */
    String summary() {
        return String.format(Locale.ROOT, "n=%d p50=%.3f p99=%.3f max=%.3f", size(), millis(percentile(50)),
                millis(percentile(99)), millis(percentile(100)));
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }
}
