package dev.workshopbot.bench;

import dev.workshopbot.discord.fake.FakeDiscord;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The bot logged in to the fake Discord and serving every request inside a 256 MiB heap, fake included: an
 * OutOfMemoryError fails the fork, and so the run. Prints the heap retained after a full GC as {@code live-heap:}
 * lines: the fake Discord alone (its copy of Discord's OpenAPI description is most of it), then the bot on top.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx" + HeapBenchmark.MAX_HEAP_MIB + "m",
        "-Dlogback.configurationFile=bench-logback.xml"})
public class LiveHeapBenchmark {

    @Param({Workshops.SHIPPED, Workshops.GENERATED})
    public String content;

    private Path dir;
    private Path state;
    private LiveBot live;
    private long baseline;
    private long fakeAlone;

    @Setup(Level.Trial)
    public void start() throws IOException, InterruptedException {
        dir = Workshops.prepare(content);
        state = TempDirs.create("workshop-live-heap-");
        baseline = usedAfterGc();
        FakeDiscord fake = FakeDiscord.start(LiveBot.GUILD);
        fakeAlone = usedAfterGc() - baseline;
        live = LiveBot.start(fake, dir, state);
        serveEverything();
        report("connected");
    }

    /** Every request once, through Discord. */
    @Benchmark
    public long serveEverything() throws InterruptedException {
        long total = 0;
        for (Requests.Request request : live.requests) {
            total += live.serve(request).nanos();
        }
        return total;
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException, InterruptedException {
        try {
            report("served");
        } finally {
            live.close();
            TempDirs.delete(state);
            Workshops.release(content, dir);
        }
    }

    private void report(String when) throws InterruptedException {
        long used = usedAfterGc();
        System.out.printf(Locale.ROOT, "%nlive-heap: when=%s content=%s max=%d MiB retained=%.1f MiB baseline=%.1f MiB"
                        + " fake=%.1f MiB bot=%.1f MiB%n", when, content, Runtime.getRuntime().maxMemory() >> 20,
                mib(used), mib(baseline), mib(fakeAlone), mib(used - baseline - fakeAlone));
    }

    /** Heap in use after full collections; the bot and the fake stay reachable from this state, so they count. */
    private static long usedAfterGc() throws InterruptedException {
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
