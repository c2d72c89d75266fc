package dev.workshopbot.reload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.workshopbot.content.ContentLoader;
import dev.workshopbot.search.Snapshot;
import dev.workshopbot.search.SnapshotStore;
import dev.workshopbot.store.AuditLog;
import dev.workshopbot.store.Database;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class ContentWatcherTest {

    @TempDir
    Path dir;

    private Path content;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private ContentWatcher watcher;

    @BeforeEach
    void setUp() throws IOException {
        content = Files.createDirectories(dir.resolve("content"));
        Files.writeString(content.resolve("a.md"), "# Alpha\n\nText.\n");
    }

    @AfterEach
    void tearDown() throws IOException {
        if (watcher != null) {
            watcher.close();
        }
        scheduler.shutdownNow();
    }

    @Test
    void burstOfTenSaves_reloadsOnce() throws Exception {
        AtomicInteger reloads = new AtomicInteger();
        watcher = new ContentWatcher(content, reloads::incrementAndGet, scheduler, Duration.ofMillis(700));
        for (int i = 0; i < 10; i++) {
            Files.writeString(content.resolve("a.md"), "# Alpha\n\nSave " + i + ".\n");
        }
        awaitAtLeast(reloads, 1);
        Thread.sleep(1500);
        assertEquals(1, reloads.get(), "one reload for one burst of saves");
    }

    @Test
    void deletedContentDirectory_isAnError_thatKeepsTheOldSnapshot() throws Exception {
        ContentLoader loader = new ContentLoader("https://x.example");
        SnapshotStore store = new SnapshotStore(Snapshot.of(loader.load(content)));
        String before = store.get().library().version();
        AuditLog audit = new AuditLog(Database.open("jdbc:sqlite:" + dir.resolve("bot.db")));
        ContentReloader reloader = new ContentReloader(store, content, loader, audit, Clock.systemUTC());
        AtomicInteger reloads = new AtomicInteger();
        watcher = new ContentWatcher(
                content,
                () -> {
                    reloader.reload(new ContentReloader.Requester(0, 0, ContentReloader.Door.WATCH));
                    reloads.incrementAndGet();
                },
                scheduler,
                Duration.ofMillis(300));
        try (Stream<Path> files = Files.walk(content)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        }
        awaitAtLeast(reloads, 1);
        assertEquals(before, store.get().library().version());
        AuditLog.Entry refused = audit.recent(1).get(0);
        assertEquals("reload-refused", refused.action());
        assertEquals("watch", refused.door());
        assertTrue(refused.detail().contains("1 error(s); still serving"), refused.detail());
    }

    private static void awaitAtLeast(AtomicInteger counter, int n) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (counter.get() < n) {
            assertTrue(System.nanoTime() < deadline, "no reload happened");
            Thread.sleep(50);
        }
    }
}
