package dev.workshopbot.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
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
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * Every request through the live bot on the fake Discord, one at a time, timed inside the bot's process from the
 * interaction event to its callback request reaching the HTTP client ({@link ReplyTimings}).
 *
 * <p>JMH's score is only the time of one batch of {@value #ROUNDS} rounds of every request, end to end. The figures
 * that count are the per-request percentiles of the measurement batches, printed at the end of the fork as
 * {@code live:} lines for the summary: JMH cannot sample a time that starts and ends on the bot's own threads.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = "-Dlogback.configurationFile=bench-logback.xml")
public class LiveLatencyBenchmark {

    static final int ROUNDS = 150;

    @Param({Workshops.SHIPPED, Workshops.GENERATED})
    public String content;

    private Path dir;
    private Path state;
    private LiveBot live;
    private final Map<String, Samples> samples = new LinkedHashMap<>();
    private boolean measuring;

    @Setup(Level.Trial)
    public void start() throws IOException, InterruptedException {
        dir = Workshops.prepare(content);
        state = TempDirs.create("workshop-live-");
        live = LiveBot.start(dir, state);
        live.requests.forEach(request -> samples.put(request.name(), new Samples()));
    }

    @Setup(Level.Iteration)
    public void iteration(IterationParams iteration) {
        measuring = iteration.getType() == IterationType.MEASUREMENT;
    }

    /** {@value #ROUNDS} rounds of every request, each sent after the previous one was answered. */
    @Benchmark
    public long everyRequest() throws InterruptedException {
        long total = 0;
        for (int round = 0; round < ROUNDS; round++) {
            for (Requests.Request request : live.requests) {
                long nanos = live.serve(request).nanos();
                if (measuring) {
                    samples.get(request.name()).add(nanos);
                }
                total += nanos;
            }
        }
        return total;
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException, InterruptedException {
        try {
            samples.forEach((name, times) -> System.out.printf("%nlive: content=%s request=%s %s%n", content, name,
                    times.summary()));
            System.out.printf("%nlive: content=%s deferred=%d%n", content, live.deferrals());
            if (!live.refusals().isEmpty()) {
                throw new IllegalStateException("the bot did not answer every request: " + live.refusals());
            }
        } finally {
            live.close();
            TempDirs.delete(state);
            Workshops.release(content, dir);
        }
    }
}
