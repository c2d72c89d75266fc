package dev.workshopbot.reload;

import dev.workshopbot.content.ContentLoader;
import dev.workshopbot.content.Library;
import dev.workshopbot.content.LibraryDiff;
import dev.workshopbot.content.Problem;
import dev.workshopbot.search.Snapshot;
import dev.workshopbot.search.SnapshotStore;
import dev.workshopbot.store.AuditLog;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-reads the content directory into a complete new snapshot beside the one being served, and swaps only when
 * it has no errors. One reload at a time; every reload is audited and logged with who asked and by which door.
 */
public final class ContentReloader {

    private static final Logger LOG = LoggerFactory.getLogger(ContentReloader.class);

    /** Where a reload request came from. */
    public enum Door {
        SLASH,
        WATCH,
        SIGNAL,
        CONSOLE
    }

    /** Who asked: ids as Discord gives them, 0 for the bot itself (watcher, signal, console). */
    public record Requester(long guildId, long userId, Door door) {}

    /** Hears every reload's result, after it is audited (metrics, the mod log). */
    @FunctionalInterface
    public interface Listener {
        void reloaded(Requester who, Result result);
    }

    /** What a reload did: swapped (with its diff), kept the old content (with the problems), or found no change. */
    public record Result(
            Outcome outcome, String oldVersion, String newVersion, LibraryDiff diff, List<Problem> problems) {

        /** The result kinds. */
        public enum Outcome {
            SWAPPED,
            UNCHANGED,
            REFUSED,
            BUSY
        }
    }

    private final SnapshotStore store;
    private final Path directory;
    private final ContentLoader loader;
    private final AuditLog audit;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private volatile Optional<AuditLog.Entry> last;

    public ContentReloader(SnapshotStore store, Path directory, ContentLoader loader, AuditLog audit, Clock clock) {
        this.store = store;
        this.directory = directory;
        this.loader = loader;
        this.audit = audit;
        this.clock = clock;
    }

    /** Reloads now, waiting for a reload already running to finish first. */
    public Result reload(Requester who) {
        lock.lock();
        try {
            return reloadLocked(who);
        } finally {
            lock.unlock();
        }
    }

    /** Reloads unless one is running, in which case it says so (for a moderator who should not wait). */
    public Result reloadUnlessBusy(Requester who) {
        if (!lock.tryLock()) {
            Snapshot current = store.get();
            return new Result(
                    Result.Outcome.BUSY,
                    current.library().version(),
                    current.library().version(),
                    null,
                    List.of());
        }
        try {
            return reloadLocked(who);
        } finally {
            lock.unlock();
        }
    }

    private Result reloadLocked(Requester who) {
        Library old = store.get().library();
        Library fresh = loader.load(directory);
        List<Problem> errors =
                fresh.problems().stream().filter(Problem::isError).toList();
        Result result;
        if (!errors.isEmpty()) {
            result = new Result(Result.Outcome.REFUSED, old.version(), fresh.version(), null, errors);
        } else if (fresh.version().equals(old.version())) {
            result = new Result(Result.Outcome.UNCHANGED, old.version(), old.version(), null, List.of());
        } else {
            Snapshot next = Snapshot.of(fresh);
            store.swap(next);
            result = new Result(
                    Result.Outcome.SWAPPED, old.version(), fresh.version(), LibraryDiff.between(old, fresh), List.of());
        }
        record(who, result);
        listeners.forEach(listener -> listener.reloaded(who, result));
        return result;
    }

    /** Tells {@code listener} of every reload from now on, after those added before it. */
    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    /** When and by whom the content was last reloaded successfully (read from the audit log once, then kept). */
    public Optional<AuditLog.Entry> lastReload() {
        Optional<AuditLog.Entry> known = last;
        if (known == null) {
            known = audit.last("reload");
            last = known;
        }
        return known;
    }

    private void record(Requester who, Result result) {
        String summary = summary(result);
        AuditLog.Entry entry = new AuditLog.Entry(
                clock.instant(),
                who.guildId(),
                who.userId(),
                result.outcome() == Result.Outcome.SWAPPED
                        ? "reload"
                        : "reload-" + result.outcome().name().toLowerCase(java.util.Locale.ROOT),
                who.door().name().toLowerCase(java.util.Locale.ROOT),
                result.outcome().name().toLowerCase(java.util.Locale.ROOT),
                summary);
        audit.record(entry);
        if (result.outcome() == Result.Outcome.SWAPPED) {
            last = Optional.of(entry);
        }
        if (result.outcome() == Result.Outcome.REFUSED) {
            LOG.warn("reload refused door={} guild={} user={}: {}", who.door(), who.guildId(), who.userId(), summary);
        } else {
            LOG.info(
                    "reload {} door={} guild={} user={}: {}",
                    result.outcome(),
                    who.door(),
                    who.guildId(),
                    who.userId(),
                    summary);
        }
    }

    /** One line: versions and diff counts, or the number of problems. */
    public static String summary(Result result) {
        String versions = Library.shortVersion(result.oldVersion()) + " → " + Library.shortVersion(result.newVersion());
        return switch (result.outcome()) {
            case SWAPPED ->
                versions + "; pages " + result.diff().pages() + ", sections "
                        + result.diff().sections()
                        + ", links " + result.diff().links() + ", quotes "
                        + result.diff().quotes() + ", reading lists "
                        + result.diff().readingLists();
            case UNCHANGED -> "no change (" + Library.shortVersion(result.oldVersion()) + ")";
            case REFUSED ->
                result.problems().size() + " error(s); still serving " + Library.shortVersion(result.oldVersion());
            case BUSY -> "a reload is already running";
        };
    }
}
