package dev.workshopbot.bench;

import dev.workshopbot.App;
import dev.workshopbot.commands.CommandRegistry;
import dev.workshopbot.commands.Invocation;
import dev.workshopbot.commands.Reply;
import dev.workshopbot.search.Snapshot;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
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
 * {@code /ask} and {@code /search} with hybrid retrieval, through the bot's command registry, sampled for p50/p99.
 * Warm: the same question again, its vector cached. Cold: a question never asked before, so the model embeds it
 * (the path every new question takes).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class AskBenchmark {

    @Param({Workshops.SHIPPED, Workshops.GENERATED})
    public String content;

    private Path dir;
    private CommandRegistry registry;
    private Invocation askWarm;
    private Invocation searchWarm;
    private List<String> questions;
    private List<String> queries;
    private int nextQuestion;
    private int nextQuery;

    @Setup
    public void prepare() throws IOException {
        dir = Workshops.prepare(content);
        Snapshot snapshot = Hybrid.snapshot(Workshops.load(dir));
        registry = App.commands(() -> snapshot, Clock.systemUTC(), Optional::empty, List.of());
        askWarm = invocation("ask", "question", Hybrid.QUESTION);
        searchWarm = invocation("search", "query", Hybrid.QUERY);
        questions = Hybrid.unseenQuestions();
        queries = Hybrid.unseenQueries();
        for (Invocation answered : List.of(askWarm, searchWarm)) {
            Reply reply = registry.handle(answered);
            if (reply.ephemeral() || reply.message().getEmbeds().isEmpty()) {
                throw new IllegalStateException("the bench request " + answered + " is refused: " + reply);
            }
        }
    }

    @TearDown
    public void release() throws IOException {
        Workshops.release(content, dir);
    }

    @Benchmark
    public Reply askWarm() {
        return registry.handle(askWarm);
    }

    @Benchmark
    public Reply askCold() {
        return registry.handle(invocation("ask", "question", unseen(questions, nextQuestion++)));
    }

    @Benchmark
    public Reply searchWarm() {
        return registry.handle(searchWarm);
    }

    @Benchmark
    public Reply searchCold() {
        return registry.handle(invocation("search", "query", unseen(queries, nextQuery++)));
    }

    /** The next question nobody asked: running out fails the run rather than measure a repeat as cold. */
    private static String unseen(List<String> pool, int next) {
        if (next >= pool.size()) {
            throw new IllegalStateException("the cold benchmark ran out of unseen questions (" + pool.size() + ")");
        }
        return pool.get(next);
    }

    private static Invocation invocation(String command, String option, String value) {
        return new Invocation(command, null, Map.of(option, value), Bot.MEMBER);
    }
}
