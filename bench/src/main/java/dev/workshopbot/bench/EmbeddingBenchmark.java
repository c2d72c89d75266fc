package dev.workshopbot.bench;

import dev.workshopbot.content.Library;
import dev.workshopbot.search.Embedder;
import dev.workshopbot.search.MiniLmEmbedder;
import dev.workshopbot.search.Passage;
import dev.workshopbot.search.Passages;
import dev.workshopbot.search.SemanticBuilder;
import dev.workshopbot.search.SemanticIndex;
import dev.workshopbot.store.Database;
import dev.workshopbot.store.EmbeddingStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The sentence model's cost: passages embedded a second, and a whole content set's vectors built through the bot's
 * {@link SemanticBuilder} and its SQLite embedding cache, from an empty cache (every passage embedded and stored)
 * and from a full one (every vector read back, none embedded).
 */
@State(Scope.Benchmark)
public class EmbeddingBenchmark {

    /** Passages per model call, as the builder batches them. */
    static final int BATCH = 32;

    @Param({Workshops.SHIPPED, Workshops.GENERATED})
    public String content;

    private Path dir;
    private Library library;
    private Embedder model;
    private List<String> texts;
    private int next;
    private Path scratch;
    private Path full;

    @Setup(Level.Trial)
    public void prepare() throws IOException {
        dir = Workshops.prepare(content);
        library = Workshops.load(dir);
        model = new MiniLmEmbedder();
        texts = Passages.of(library).stream().map(Passage::text).toList();
        scratch = TempDirs.create("embedding-bench-");
        // The cache the other benchmarks share: only the first fork that meets this content embeds it.
        Files.createDirectories(Hybrid.CACHE.getParent());
        full = Hybrid.CACHE;
        SemanticIndex index = builder(full).build(library);
        if (index.passages().size() != texts.size()) {
            throw new IllegalStateException("the builder read other passages than Passages.of");
        }
    }

    @TearDown(Level.Trial)
    public void release() throws IOException {
        Workshops.release(content, dir);
        TempDirs.delete(scratch);
    }

    private SemanticBuilder builder(Path database) {
        return new SemanticBuilder(model, new EmbeddingStore(Database.open("jdbc:sqlite:" + database), Clock.systemUTC()));
    }

    /** Passages embedded a second, {@value #BATCH} to a call, walking the content's passages in order. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(BATCH)
    @Warmup(iterations = 2, time = 3)
    @Measurement(iterations = 3, time = 3)
    public List<float[]> embedPassages() {
        int from = next % Math.max(1, texts.size() - BATCH);
        next += BATCH;
        return model.embed(texts.subList(from, Math.min(texts.size(), from + BATCH)));
    }

    /** Every vector of the content built with an empty cache: each passage embedded and written to SQLite. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    public SemanticIndex buildFromEmptyCache() throws IOException {
        Path empty = Files.createTempFile(scratch, "empty-", ".db");
        Files.delete(empty);
        SemanticBuilder builder = builder(empty);
        SemanticIndex index = builder.build(library);
        if (builder.embedded() == 0) {
            throw new IllegalStateException("an empty cache embedded nothing");
        }
        return index;
    }

    /** Every vector of the content read back from a full cache: nothing embedded, the HNSW graph rebuilt. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 2)
    @Measurement(iterations = 5)
    public SemanticIndex buildFromFullCache() {
        SemanticBuilder builder = builder(full);
        SemanticIndex index = builder.build(library);
        if (builder.embedded() != 0) {
            throw new IllegalStateException("a full cache embedded " + builder.embedded() + " passages");
        }
        return index;
    }
}
