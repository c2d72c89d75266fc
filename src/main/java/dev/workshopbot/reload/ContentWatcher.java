package dev.workshopbot.reload;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code content.watch}: reloads when a file under the content directory changes. Events are debounced, so an
 * editor's burst of saves reloads once, {@code quiet} after the last of them.
 */
public final class ContentWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ContentWatcher.class);

    private final Path directory;
    private final Runnable reload;
    private final ScheduledExecutorService scheduler;
    private final Duration quiet;
    private final WatchService watcher;
    private final Thread thread;
    private ScheduledFuture<?> pending;

    public ContentWatcher(Path directory, Runnable reload, ScheduledExecutorService scheduler, Duration quiet)
            throws IOException {
        this.directory = directory;
        this.reload = reload;
        this.scheduler = scheduler;
        this.quiet = quiet;
        this.watcher = FileSystems.getDefault().newWatchService();
        registerTree(directory);
        this.thread = new Thread(this::watch, "content-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    private void registerTree(Path root) throws IOException {
        try (Stream<Path> folders = Files.walk(root)) {
            for (Path folder : (Iterable<Path>) folders.filter(Files::isDirectory)::iterator) {
                folder.register(
                        watcher,
                        StandardWatchEventKinds.ENTRY_CREATE,
                        StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
            }
        }
    }

    private void watch() {
        try {
            while (true) {
                WatchKey key = watcher.take();
                boolean newFolder = key.pollEvents().stream()
                        .anyMatch(event -> event.kind() == StandardWatchEventKinds.ENTRY_CREATE
                                && Files.isDirectory(((Path) key.watchable()).resolve((Path) event.context())));
                if (newFolder) {
                    registerTree(directory);
                }
                key.reset();
                schedule();
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            LOG.error("content.watch: cannot watch {} any more: {}; use /reload", directory, e.getMessage());
        }
    }

    /** Pushes the reload back to {@code quiet} after the latest change. */
    private synchronized void schedule() {
        if (pending != null) {
            pending.cancel(false);
        }
        pending = scheduler.schedule(reload, quiet.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() throws IOException {
        thread.interrupt();
        watcher.close();
    }
}
