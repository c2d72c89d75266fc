package dev.workshopbot.bench;

import dev.workshopbot.App;
import dev.workshopbot.Assembled;
import dev.workshopbot.daily.DailyRoutine;
import dev.workshopbot.discord.Cooldowns;
import dev.workshopbot.discord.DiscordBot;
import dev.workshopbot.discord.Dispatcher;
import dev.workshopbot.discord.JdaReadingPublisher;
import dev.workshopbot.discord.fake.FakeDiscord;
import dev.workshopbot.discord.fake.RecordedRequest;
import dev.workshopbot.store.GuildSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * {@value #GUILDS} servers whose daily post is due in the same minute, posted by one {@link DailyRoutine#tick} on a
 * fixed clock through real JDA to a fake Discord that enforces Discord's rate limits (50 requests per second in all,
 * 5 message creates per 5 seconds per channel). The score is the time until every post is recorded; each iteration
 * starts from nothing (a new fake, database and login) and prints a {@code daily:} line: the requests the fake
 * received, the time the global limit alone requires for them, and the 429s each bucket answered.
 *
 * <p>Not in bench/run's default run: every iteration waits out the rate limits for most of a minute.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = "-Dlogback.configurationFile=bench-logback.xml")
public class DailyPostsBenchmark {

    static final int GUILDS = 1000;
    static final int GLOBAL_PER_SECOND = 50;
    private static final long FIRST_GUILD = 1_700_000_000_000_000_000L;

    private Path state;
    private FakeDiscord fake;
    private DiscordBot bot;
    private DailyRoutine routine;
    private int requestsBefore;
    private Map<String, Integer> refusedBefore;
    private List<DailyRoutine.Outcome> outcomes;
    private long elapsedNanos;

    @Setup(Level.Iteration)
    public void start() throws IOException, InterruptedException {
        long[] guilds = new long[GUILDS];
        for (int i = 0; i < GUILDS; i++) {
            guilds[i] = FIRST_GUILD + i;
        }
        fake = FakeDiscord.builder().guilds(guilds).realRateLimits(true).start();
        state = TempDirs.create("workshop-daily-");
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        Assembled services = Assembled.of(Path.of("content"), state, Map.of(
                "WORKSHOP_BOT_CONTENT_SITEBASEURL", Workshops.SITE,
                "WORKSHOP_BOT_DISCORD_APIBASEURL", fake.restBaseUrl(),
                "WORKSHOP_BOT_DISCORD_GATEWAYURL", fake.gatewayUrl(),
                "WORKSHOP_BOT_DAILY_THREAD", "true"), clock);
        LocalTime due = LocalTime.ofInstant(now, ZoneOffset.UTC);
        for (long guild : guilds) {
            services.dailyStore().save(new GuildSettings(guild, fake.textChannelId(guild), due, ZoneOffset.UTC, false,
                    null, 0), now);
        }
        // As App.serve wires the bot; with no guild ids configured the commands are registered globally, once.
        var discord = services.config().discord();
        Dispatcher dispatcher = new Dispatcher(Executors.newFixedThreadPool(4, LiveBot.daemon("interaction")),
                Executors.newSingleThreadScheduledExecutor(LiveBot.daemon("deferral")),
                new Cooldowns(discord.cooldownUses(), discord.cooldownWindow(), System::nanoTime), Duration.ofSeconds(1));
        bot = App.connect(fake.token(), discord, services.registry(), dispatcher, null);
        awaitRegistered(services.registry().all().size());
        // Let the global window the login's requests opened close, so the tick starts with a full one.
        Thread.sleep(1100);
        routine = new DailyRoutine(services.dailyStore(), () -> services.content().get().library(),
                new JdaReadingPublisher(bot.jda()), clock, services.routine(),
                "bench@" + ProcessHandle.current().pid());
        requestsBefore = fake.requests().size();
        refusedBefore = fake.tooManyRequests();
    }

    /** One tick, until every post it started is sent and recorded. */
    @Benchmark
    public List<DailyRoutine.Outcome> tick() {
        long started = System.nanoTime();
        outcomes = routine.tick().stream().map(CompletableFuture::join).toList();
        elapsedNanos = System.nanoTime() - started;
        return outcomes;
    }

    @TearDown(Level.Iteration)
    public void stop(IterationParams iteration) throws IOException, InterruptedException {
        try {
            report(iteration.getType() == IterationType.MEASUREMENT ? "measurement" : "warmup");
        } finally {
            try {
                bot.shutdown(Duration.ofSeconds(10));
            } finally {
                fake.close();
                TempDirs.delete(state);
            }
        }
    }

    private void report(String kind) {
        List<RecordedRequest> during = fake.requests().subList(requestsBefore, fake.requests().size());
        List<RecordedRequest> admitted = during.stream()
                .filter(request -> request.status() != 429 && !request.path().startsWith("/interactions/")
                        && !request.path().startsWith("/webhooks/"))
                .toList();
        long messages = admitted.stream().filter(request -> request.method().equals("POST")
                && request.path().matches("/channels/\\d+/messages")).count();
        long threads = admitted.stream().filter(request -> request.path().endsWith("/threads")).count();
        Map<String, Integer> refused = new LinkedHashMap<>();
        fake.tooManyRequests().forEach((bucket, count) -> {
            int since = count - refusedBefore.getOrDefault(bucket, 0);
            if (since > 0) {
                refused.put(bucket, since);
            }
        });
        int refusals = refused.values().stream().mapToInt(Integer::intValue).sum();
        int overFirst = refused.values().stream().mapToInt(count -> Math.max(0, count - 1)).sum();
        double seconds = elapsedNanos / 1e9;
        double bound = (double) admitted.size() / GLOBAL_PER_SECOND;
        Map<DailyRoutine.Outcome, Long> byOutcome = outcomes.stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        String global = refused.containsKey("global") ? Integer.toString(refused.get("global")) : "0";
        System.out.printf(Locale.ROOT, "%ndaily: iteration=%s guilds=%d outcomes=%s requests=%d messages=%d threads=%d"
                        + " seconds=%.2f bound=%.2f ratio=%.3f 429s=%d buckets-with-429=%d 429s-after-first=%d"
                        + " global-429s=%s other-requests=%d%n", kind, GUILDS, byOutcome, admitted.size(), messages,
                threads, seconds, bound, seconds / bound, refusals, refused.size(), overFirst, global,
                admitted.size() - messages - threads);
        refused.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(5)
                .forEach(entry -> System.out.printf(Locale.ROOT, "daily: 429s bucket=\"%s\" count=%d%n",
                        entry.getKey(), entry.getValue()));
        if (byOutcome.getOrDefault(DailyRoutine.Outcome.POSTED, 0L) != GUILDS) {
            throw new IllegalStateException("not every server got its post: " + byOutcome);
        }
    }

    private void awaitRegistered(int commands) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (fake.storedCommands(null).size() < commands) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the bot did not register its commands within 60 s");
            }
            Thread.sleep(20);
        }
    }
}
