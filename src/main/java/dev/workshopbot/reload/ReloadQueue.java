package dev.workshopbot.reload;

import dev.workshopbot.concurrent.DaemonThreads;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The bot's own reloads (SIGHUP, {@code content.watch}) on one thread of their own, so a slow reload never holds
 * up the daily routine's scheduler; requests queue behind the running one.
 */
public final class ReloadQueue implements AutoCloseable {

    private final ContentReloader reloader;
    private final ScheduledExecutorService thread =
            Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("reload"));

    public ReloadQueue(ContentReloader reloader) {
        this.reloader = reloader;
    }

    /** Queues a reload asked for by the bot itself through {@code door}. */
    public void request(ContentReloader.Door door) {
        thread.execute(() -> reloader.reload(new ContentReloader.Requester(0, 0, door)));
    }

    /** The reload thread, for the content watcher's debounce timer. */
    public ScheduledExecutorService scheduler() {
        return thread;
    }

    @Override
    public void close() {
        thread.shutdown();
    }
}
