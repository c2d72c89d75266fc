package dev.workshopbot.bench;

import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.ext.yaml.front.matter.YamlFrontMatterExtension;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataSet;
import dev.workshopbot.content.ContentLoader;
import dev.workshopbot.content.Library;
import dev.workshopbot.search.Snapshot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Building a snapshot from the content directory, against the floor of reading the same files and parsing
 * them with flexmark configured as the bot's page parser is. All three read the files from disk. Two-second
 * iterations give the shipped page's millisecond builds time to warm up; a 1,000-page build is one or two
 * operations per iteration.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
public class IndexBuildBenchmark {

    private static final Parser BARE = Parser.builder(new MutableDataSet().set(Parser.EXTENSIONS, List.of(
            YamlFrontMatterExtension.create(), TablesExtension.create(), StrikethroughExtension.create()))).build();

    @Param({Workshops.SHIPPED, Workshops.GENERATED})
    public String content;

    private Path dir;

    @Setup
    public void prepare() throws IOException {
        dir = Workshops.prepare(content);
        Workshops.load(dir);
    }

    @TearDown
    public void release() throws IOException {
        Workshops.release(content, dir);
    }

    /** What a start or a reload does: load the library, then build the search index and the suggesters. */
    @Benchmark
    public Snapshot loadAndIndex() {
        return Snapshot.of(new ContentLoader(Workshops.SITE).load(dir));
    }

    /** The library alone, to split the build between the content core and the search indexes. */
    @Benchmark
    public Library loadOnly() {
        return new ContentLoader(Workshops.SITE).load(dir);
    }

    @Benchmark
    public void bareParse(Blackhole blackhole) throws IOException {
        for (Path file : Workshops.markdownFiles(dir)) {
            blackhole.consume(BARE.parse(Files.readString(file, StandardCharsets.UTF_8)));
        }
    }
}
