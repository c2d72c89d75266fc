package dev.workshopbot.search;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/** The snapshot being served. A swap is one reference write: readers see the old snapshot or the new, never a mix. */
public final class SnapshotStore implements Supplier<Snapshot> {

    private final AtomicReference<Snapshot> current;

    public SnapshotStore(Snapshot initial) {
        current = new AtomicReference<>(Objects.requireNonNull(initial));
    }

    @Override
    public Snapshot get() {
        return current.get();
    }

    /** Serves {@code next} only if {@code expected} is still served; true when it swapped. */
    public boolean replace(Snapshot expected, Snapshot next) {
        return current.compareAndSet(expected, Objects.requireNonNull(next));
    }

    /** Serves {@code next} from now on and returns the snapshot it replaced. */
    public Snapshot swap(Snapshot next) {
        return current.getAndSet(Objects.requireNonNull(next));
    }
}
