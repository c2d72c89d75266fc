package dev.workshopbot.bench;

import dev.workshopbot.commands.ButtonId;
import dev.workshopbot.commands.Caller;
import dev.workshopbot.commands.GroupProgressCommand;
import dev.workshopbot.commands.Invocation;
import dev.workshopbot.commands.ModeratorGate;
import dev.workshopbot.commands.ProgressCommand;
import dev.workshopbot.commands.Reply;
import dev.workshopbot.content.Library;
import dev.workshopbot.progress.GroupProgress;
import dev.workshopbot.progress.ProgressSystem;
import dev.workshopbot.progress.ThreadActivity;
import dev.workshopbot.store.AuditLog;
import dev.workshopbot.store.DailyStore;
import dev.workshopbot.store.Database;
import dev.workshopbot.store.ProgressStore;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
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
 * Reading progress at a big group's size (issue 12): 1,000 members and 100 posted plan days of the generated
 * workshop in SQLite, each member having read about four days in five ({@link ProgressData}). Sampled:
 * {@code /group-progress} with and without the leaderboard, one member's {@code /progress}, and the handler of a
 * "Mark as read" click, cold (a member's first read of the section: an INSERT) and warm (already read).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class ProgressBenchmark {

    @Param({"true", "false"})
    public boolean leaderboard;

    private Path dir;
    private Path state;
    private GroupProgressCommand group;
    private ProgressCommand progress;
    private Invocation groupAsked;
    private Invocation mineAsked;
    private String markButton;
    private long nextMember = 1_000_000;

    @Setup
    public void prepare() throws IOException, SQLException {
        dir = Workshops.prepare(Workshops.GENERATED);
        Library library = Workshops.load(dir);
        state = TempDirs.create("progress-bench-");
        Database database = Database.open("jdbc:sqlite:" + state.resolve("state.db"));
        LocalDate today = ProgressData.fill(database, library, ProgressData.MEMBERS, ProgressData.DAYS);
        Clock clock = Clock.fixed(today.atTime(20, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        ProgressStore store = new ProgressStore(database);
        DailyStore daily = new DailyStore(database);
        ProgressSystem system = new ProgressSystem(store, daily, () -> library, clock, ZoneOffset.UTC);
        group = new GroupProgressCommand(
                new GroupProgress(store, system, () -> library, () -> ThreadActivity.NONE, leaderboard),
                new ModeratorGate(new AuditLog(database), clock));
        progress = new ProgressCommand(() -> library, system);
        groupAsked = new Invocation("group-progress", null, Map.of(), new Caller(1, ProgressData.GUILD, true));
        mineAsked = new Invocation("progress", null, Map.of(), new Caller(ProgressData.FIRST_MEMBER, ProgressData.GUILD, false));
        // The id a section card's "Mark as read" carries.
        markButton = ButtonId.of("progress", library.version(), "read", "s", library.handle(library.sections().get(5)))
                .encode();
        if (group.handle(groupAsked).message().getEmbeds().isEmpty()) {
            throw new IllegalStateException("/group-progress answered without its report");
        }
    }

    @TearDown
    public void release() throws IOException {
        Workshops.release(Workshops.GENERATED, dir);
        TempDirs.delete(state);
    }

    @Benchmark
    public Reply groupProgress() {
        return group.handle(groupAsked);
    }

    @Benchmark
    public Reply progressOfOneMember() {
        return progress.handle(mineAsked);
    }

    @Benchmark
    public Reply markAsReadCold() {
        return progress.press(markButton, new Caller(nextMember++, ProgressData.GUILD, false));
    }

    @Benchmark
    public Reply markAsReadWarm() {
        return progress.press(markButton, new Caller(ProgressData.FIRST_MEMBER, ProgressData.GUILD, false));
    }
}
