package dev.workshopbot.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The workshop built and served inside a 256 MiB heap: an OutOfMemoryError fails the fork, and so the run.
 * Prints the heap the snapshot retains after a full GC, as {@code heap:} lines the report picks up.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Xmx" + HeapBenchmark.MAX_HEAP_MIB + "m")
public class HeapBenchmark {

    static final int MAX_HEAP_MIB = 256;

    @Param({Workshops.SHIPPED, Workshops.GENERATED})
    public String content;

    private Path dir;
    private Bot bot;
    private long baseline;

    @Setup
    public void prepare() throws IOException, InterruptedException {
        dir = Workshops.prepare(content);
        baseline = usedAfterGc();
        bot = new Bot(Workshops.load(dir));
        bot.serveEverything();
        report("built");
    }

    @TearDown
    public void release() throws IOException, InterruptedException {
        report("served");
        Workshops.release(content, dir);
    }

    /** Every handler, autocomplete and the button once, on the snapshot built in setup. */
    @Benchmark
    public List<Object> serveEverything() {
        return bot.serveEverything();
    }

    private void report(String when) throws InterruptedException {
        long used = usedAfterGc();
        System.out.printf(Locale.ROOT, "%nheap: content=%s when=%s max=%d MiB retained=%.1f MiB baseline=%.1f MiB"
                + " snapshot=%.1f MiB%n", content, when, Runtime.getRuntime().maxMemory() >> 20, mib(used),
                mib(baseline), mib(used - baseline));
    }

    /** Heap in use after full collections; {@code bot} stays reachable, so its snapshot is counted. */
    private long usedAfterGc() throws InterruptedException {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static double mib(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }
}
