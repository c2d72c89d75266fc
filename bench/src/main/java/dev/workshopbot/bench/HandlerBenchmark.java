package dev.workshopbot.bench;

import dev.workshopbot.commands.Reply;
import dev.workshopbot.search.Suggester;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
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

/** Latency of each handler, from the invocation to the reply the adapter would send, sampled for p50/p99. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class HandlerBenchmark {

    @Param({Workshops.SHIPPED, Workshops.GENERATED})
    public String content;

    private Path dir;
    private Bot bot;

    @Setup
    public void prepare() throws IOException {
        dir = Workshops.prepare(content);
        bot = new Bot(Workshops.load(dir));
    }

    @TearDown
    public void release() throws IOException {
        Workshops.release(content, dir);
    }

    @Benchmark
    public Reply section() {
        return bot.registry.handle(bot.section);
    }

    @Benchmark
    public Reply sections() {
        return bot.registry.handle(bot.sections);
    }

    @Benchmark
    public Reply quote() {
        return bot.registry.handle(bot.quote);
    }

    @Benchmark
    public Reply readingLists() {
        return bot.registry.handle(bot.readingLists);
    }

    @Benchmark
    public Reply readingList() {
        return bot.registry.handle(bot.readingList);
    }

    @Benchmark
    public Reply searchTypo() {
        return bot.registry.handle(bot.searchTypo);
    }

    @Benchmark
    public Reply searchTwoWords() {
        return bot.registry.handle(bot.searchWords);
    }

    @Benchmark
    public Reply help() {
        return bot.registry.handle(bot.help);
    }

    @Benchmark
    public Reply about() {
        return bot.registry.handle(bot.about);
    }

    @Benchmark
    public List<Suggester.Entry> autocompleteSection() {
        return bot.autocomplete();
    }

    @Benchmark
    public Reply pressFullText() {
        return bot.pressFullText();
    }
}
