package dev.workshopbot.bench;

import dev.workshopbot.content.Library;
import dev.workshopbot.search.MiniLmEmbedder;
import dev.workshopbot.search.SemanticBuilder;
import dev.workshopbot.search.SemanticIndex;
import dev.workshopbot.search.Snapshot;
import dev.workshopbot.store.Database;
import dev.workshopbot.store.EmbeddingStore;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;

/**
 * What the sentence model costs a running bot (issue 11): the time to load it, and the heap (used after a full GC)
 * and resident set the process holds before it, with it loaded, and with a content set's vectors built. A plain
 * program, one process per content set, so nothing else shares the numbers: {@code bench/semantic}.
 */
public final class SemanticFootprint {

    private SemanticFootprint() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        String content = args.length > 0 ? args[0] : Workshops.SHIPPED;
        Path dir = Workshops.prepare(content);
        try {
            Library library = Workshops.load(dir);
            Snapshot keywords = Snapshot.of(library);
            line(content, "keyword snapshot", keywords);
            long start = System.nanoTime();
            MiniLmEmbedder model = new MiniLmEmbedder();
            long loadMillis = (System.nanoTime() - start) / 1_000_000;
            line(content, "model loaded in " + loadMillis + " ms", model);
            Files.createDirectories(Hybrid.CACHE.getParent());
            SemanticBuilder builder = new SemanticBuilder(
                    model, new EmbeddingStore(Database.open("jdbc:sqlite:" + Hybrid.CACHE), Clock.systemUTC()));
            start = System.nanoTime();
            SemanticIndex index = builder.build(library);
            Snapshot hybrid = keywords.withSemantic(index);
            line(
                    content,
                    String.format(
                            Locale.ROOT,
                            "vectors of %d passages built in %d ms (%d embedded, %d from the cache)",
                            index.passages().size(),
                            (System.nanoTime() - start) / 1_000_000,
                            builder.embedded(),
                            builder.reused()),
                    hybrid);
        } finally {
            Workshops.release(content, dir);
        }
    }

    /** One {@code footprint:} line: heap used after a full GC and the process's resident set, in MiB, {@code keepAlive} held. */
    private static void line(String content, String stage, Object keepAlive) throws IOException, InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        System.out.printf(
                Locale.ROOT,
                "footprint: content=%s heap=%.1f MiB rss=%.1f MiB  %s%n",
                content,
                heap / 1048576.0,
                rssKib() / 1024.0,
                stage);
        Reference.reachabilityFence(keepAlive);
    }

    private static long rssKib() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D+", ""));
            }
        }
        return -1;
    }
}
