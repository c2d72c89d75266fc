package dev.workshopbot.reload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.workshopbot.content.ContentLoader;
import dev.workshopbot.search.Snapshot;
import dev.workshopbot.search.SnapshotStore;
import dev.workshopbot.store.AuditLog;
import dev.workshopbot.store.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Reloads the bot asks for itself run beside the daily scheduler, never on its thread. */
@Timeout(30)
class ReloadQueueTest {

    @TempDir
    Path dir;

    @Test
    void blockedSignalReload_doesNotDelayTheDailyTick() throws Exception {
        // GIVEN a reload whose work blocks until the test lets it go, and the daily routine's scheduler
        Path content = Files.createDirectories(dir.resolve("content"));
        Files.writeString(content.resolve("index.md"), "---\ntitle: Home\n---\n# Home\n\nWelcome.\n");
        ContentLoader loader = new ContentLoader("https://x.example");
        ContentReloader reloader = new ContentReloader(
                new SnapshotStore(Snapshot.of(loader.load(content))),
                content,
                loader,
                new AuditLog(Database.open("jdbc:sqlite:" + dir.resolve("bot.db"))),
                Clock.systemUTC());
        CountDownLatch reloading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        reloader.addListener((who, result) -> {
            reloading.countDown();
            awaitQuietly(release);
        });
        ScheduledExecutorService daily = Executors.newSingleThreadScheduledExecutor();
        try (ReloadQueue reloads = new ReloadQueue(reloader)) {
            // WHEN a SIGHUP reload is stuck and a daily tick falls due
            reloads.request(ContentReloader.Door.SIGNAL);
            assertTrue(reloading.await(10, TimeUnit.SECONDS), "the reload started");
            CountDownLatch ticked = new CountDownLatch(1);
            daily.schedule(ticked::countDown, 0, TimeUnit.MILLISECONDS);

            // THEN the tick runs while the reload is still blocked
            ticked.await();
            assertEquals(1, release.getCount(), "the reload was still blocked when the tick ran");
        } finally {
            release.countDown();
            daily.shutdownNow();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
