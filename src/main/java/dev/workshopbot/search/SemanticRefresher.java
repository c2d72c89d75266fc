package dev.workshopbot.search;

import dev.workshopbot.concurrent.DaemonThreads;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives the served snapshot its vectors, off the serving path: on one background thread it loads the model (once),
 * embeds what the cache lacks, and swaps in the same snapshot with its semantic index, unless a reload has replaced
 * it meanwhile (that reload asks again). Until then the old snapshot serves, keyword search only.
 */
public final class SemanticRefresher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SemanticRefresher.class);

    private final SnapshotStore store;
    private final Supplier<Embedder> model;
    private final EmbeddingCache cache;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(DaemonThreads.named("embeddings"));
    private volatile SemanticBuilder builder;
    private volatile boolean failed;

    public SemanticRefresher(SnapshotStore store, Supplier<Embedder> model, EmbeddingCache cache) {
        this.store = store;
        this.model = model;
        this.cache = cache;
    }

    /** Embeds the served snapshot in the background if it has no vectors yet. */
    public void refresh() {
        worker.submit(this::embedServed);
    }

    /** Waits until every refresh asked for so far is done, for at most {@code seconds}; true when done. */
    public boolean awaitIdle(long seconds) {
        Future<?> pending = worker.submit(() -> {});
        try {
            pending.get(seconds, TimeUnit.SECONDS);
            return true;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Passages the model embedded since start; 0 before the model is loaded. */
    public long embedded() {
        SemanticBuilder now = builder;
        return now == null ? 0 : now.embedded();
    }

    /** Passages whose vectors came from the cache since start. */
    public long reused() {
        SemanticBuilder now = builder;
        return now == null ? 0 : now.reused();
    }

    private void embedServed() {
        Snapshot served = store.get();
        if (served.semantic() != null || failed) {
            return;
        }
        try {
            if (builder == null) {
                long start = System.nanoTime();
                builder = new SemanticBuilder(model.get(), cache);
                LOG.info("sentence embedding model loaded in {} ms", (System.nanoTime() - start) / 1_000_000);
            }
            long start = System.nanoTime();
            long before = builder.embedded();
            SemanticIndex index = builder.build(served.library());
            boolean swapped = store.replace(served, served.withSemantic(index));
            LOG.info(
                    "content {}: {} passages, {} embedded, {} ms{}",
                    served.library().shortVersion(),
                    index.passages().size(),
                    builder.embedded() - before,
                    (System.nanoTime() - start) / 1_000_000,
                    swapped ? "" : " (a reload replaced it meanwhile)");
        } catch (RuntimeException | LinkageError e) {
            if (worker.isShutdown()) {
                // Closing interrupts a build in flight: nothing is wrong, the process is stopping.
                LOG.debug("embedding stopped: {}", e.toString());
                return;
            }
            // A model that cannot load (no native runtime for this platform) leaves keyword search, said once.
            failed = builder == null;
            LOG.warn("semantic search unavailable, serving keyword search: {}", e.toString());
        }
    }

    /** Stops embedding and waits (a few seconds at most) for a batch in flight to finish writing. */
    @Override
    public void close() {
        worker.shutdownNow();
        try {
            if (!worker.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("embedding did not stop within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
