package dev.workshopbot.bench;

import dev.workshopbot.Assembled;
import dev.workshopbot.commands.Invocation;
import dev.workshopbot.commands.Reply;
import dev.workshopbot.reload.ContentReloader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
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
 * Moderator reloads: the time of {@link ContentReloader#reload} with a changed file (a full rebuild: load, index,
 * swap, diff, audit) and with nothing changed (load and compare), and the latency of {@code /section} and
 * {@code /search} through the command registry while another thread reloads in a loop, against the same requests
 * with no reload running. The services are the bot's own ({@code App.assemble}), on a copy of the content, with
 * SQLite in a temporary directory; each changed reload flips one page between two versions.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Dlogback.configurationFile=bench-logback.xml")
public class ReloadBenchmark {

    private static final String EDIT = "\n\nA paragraph the reload benchmark adds and takes away again.\n";
    private static final ContentReloader.Requester CONSOLE =
            new ContentReloader.Requester(0, 0, ContentReloader.Door.CONSOLE);

    @Param({Workshops.SHIPPED, Workshops.GENERATED})
    public String content;

    private Path dir;
    private Path state;
    private Assembled services;
    private Path page;
    private String original;
    private boolean edited;
    private Invocation section;
    private Invocation search;

    @Setup
    public void prepare() throws IOException {
        Path source = Workshops.prepare(content);
        try {
            dir = TempDirs.copy(source, "workshop-reload-");
        } finally {
            Workshops.release(content, source);
        }
        state = TempDirs.create("workshop-reload-state-");
        services = Assembled.of(dir, state, Map.of("WORKSHOP_BOT_CONTENT_SITEBASEURL", Workshops.SITE),
                Clock.systemUTC());
        page = Workshops.markdownFiles(dir).get(0);
        original = Files.readString(page, StandardCharsets.UTF_8);
        List<Requests.Request> requests = Requests.every(services.content().get().library(), services.registry());
        section = Requests.named(requests, "/section").invocation();
        search = Requests.named(requests, "/search " + Bot.SEARCH_TYPO).invocation();
        changedReload();
        unchangedReload();
    }

    @TearDown
    public void release() throws IOException {
        TempDirs.delete(dir);
        TempDirs.delete(state);
    }

    /** A reload after one page changed: the full rebuild a moderator waits for. */
    @Benchmark
    public ContentReloader.Result changedReload() {
        edited = !edited;
        try {
            Files.writeString(page, edited ? original + EDIT : original, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return expect(ContentReloader.Result.Outcome.SWAPPED, services.reloader().reload(CONSOLE));
    }

    /** A reload of an unchanged directory: everything is read and parsed again, then found the same. */
    @Benchmark
    public ContentReloader.Result unchangedReload() {
        return expect(ContentReloader.Result.Outcome.UNCHANGED, services.reloader().reload(CONSOLE));
    }

    @Benchmark
    public Reply sectionQuiet() {
        return services.registry().handle(section);
    }

    @Benchmark
    public Reply searchQuiet() {
        return services.registry().handle(search);
    }

    @Benchmark
    @Group("sectionWhileReloading")
    @GroupThreads(1)
    public Reply section() {
        return services.registry().handle(section);
    }

    @Benchmark
    @Group("sectionWhileReloading")
    @GroupThreads(1)
    public ContentReloader.Result sectionReloader() {
        return changedReload();
    }

    @Benchmark
    @Group("searchWhileReloading")
    @GroupThreads(1)
    public Reply search() {
        return services.registry().handle(search);
    }

    @Benchmark
    @Group("searchWhileReloading")
    @GroupThreads(1)
    public ContentReloader.Result searchReloader() {
        return changedReload();
    }

    /** Fails a reload that did not do what the benchmark measures, e.g. one refused for an error in the edit. */
    private static ContentReloader.Result expect(ContentReloader.Result.Outcome wanted, ContentReloader.Result result) {
        if (result.outcome() != wanted) {
            throw new IllegalStateException("the reload benchmark expected " + wanted + " but the reload was "
                    + ContentReloader.summary(result) + " " + result.problems());
        }
        return result;
    }
}
