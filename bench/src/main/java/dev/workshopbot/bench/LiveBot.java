package dev.workshopbot.bench;

import dev.workshopbot.App;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.workshopbot.Assembled;
import dev.workshopbot.config.BotConfig;
import dev.workshopbot.discord.Cooldowns;
import dev.workshopbot.discord.DiscordBot;
import dev.workshopbot.discord.Dispatcher;
import dev.workshopbot.discord.fake.FakeDiscord;
import dev.workshopbot.ops.Metrics;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;

/**
 * The whole bot logged in through real JDA to a fake Discord on 127.0.0.1, in one guild, with its services as
 * {@code App.assemble} builds them and its Discord side wired as {@code App.serve} wires it, its replies timed by
 * {@link ReplyTimings}. Every request comes from a new member, so the cooldowns never refuse one.
 */
final class LiveBot implements AutoCloseable {

    static final long GUILD = 1_600_000_000_000_000_001L;
    private static final long FIRST_MEMBER = 1_600_000_000_000_100_000L;
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration REGISTRATION_TIMEOUT = Duration.ofSeconds(30);

    final FakeDiscord fake;
    final Assembled services;
    final List<Requests.Request> requests;
    private final DiscordBot bot;
    private final ReplyTimings timings;
    private final AtomicLong members = new AtomicLong(FIRST_MEMBER);
    private final Map<String, AtomicInteger> outcomes;

    private LiveBot(FakeDiscord fake, Assembled services, DiscordBot bot, ReplyTimings timings,
            Map<String, AtomicInteger> outcomes) {
        this.fake = fake;
        this.services = services;
        this.bot = bot;
        this.timings = timings;
        this.outcomes = outcomes;
        this.requests = Requests.every(services.content().get().library(), services.registry());
    }

    /** Starts a fake Discord and logs the bot in to it, serving {@code contentDir}; returns once it is registered. */
    static LiveBot start(Path contentDir, Path stateDir) throws InterruptedException {
        return start(FakeDiscord.start(GUILD), contentDir, stateDir);
    }

    /** Logs the bot in to {@code fake}, which has {@link #GUILD}; closes the fake when the bot cannot start. */
    static LiveBot start(FakeDiscord fake, Path contentDir, Path stateDir) throws InterruptedException {
        try {
            Assembled services = Assembled.of(contentDir, stateDir, Map.of(
                    "WORKSHOP_BOT_CONTENT_SITEBASEURL", Workshops.SITE,
                    "WORKSHOP_BOT_DISCORD_APIBASEURL", fake.restBaseUrl(),
                    "WORKSHOP_BOT_DISCORD_GATEWAYURL", fake.gatewayUrl(),
                    "WORKSHOP_BOT_DISCORD_GUILDIDS", "[" + GUILD + "]"), Clock.systemUTC());
            ReplyTimings timings = new ReplyTimings();
            Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
            BotConfig.Discord discord = services.config().discord();
            Metrics metrics = new Metrics();
            Dispatcher dispatcher = new Dispatcher(Executors.newFixedThreadPool(4, daemon("interaction")),
                    Executors.newSingleThreadScheduledExecutor(daemon("deferral")),
                    new Cooldowns(discord.cooldownUses(), discord.cooldownWindow(), Ticker.systemTicker()),
                    Duration.ofSeconds(1), (context, outcome, latency) -> {
                        metrics.commandServed(context.command(), outcome, latency);
                        outcomes.computeIfAbsent(outcome, key -> new AtomicInteger()).incrementAndGet();
                    });
            // JDA's own client settings (its IOUtil.newHttpClientBuilder), with the timing interceptor first.
            okhttp3.Dispatcher http = new okhttp3.Dispatcher();
            http.setMaxRequestsPerHost(25);
            OkHttpClient.Builder client = new OkHttpClient.Builder().dispatcher(http)
                    .connectionPool(new ConnectionPool(5, 10, TimeUnit.SECONDS)).addInterceptor(timings);
            DiscordBot bot = App.connect(fake.token(), discord, services.registry(), dispatcher, client, timings);
            try {
                LiveBot live = new LiveBot(fake, services, bot, timings, outcomes);
                live.awaitRegistered();
                return live;
            } catch (RuntimeException e) {
                bot.shutdown(Duration.ofSeconds(10));
                throw e;
            }
        } catch (RuntimeException | InterruptedException e) {
            fake.close();
            throw e;
        }
    }

    /** Sends {@code request} as a new member and waits for the bot's callback to be answered. */
    ReplyTimings.Timing serve(Requests.Request request) throws InterruptedException {
        long member = members.getAndIncrement();
        long interaction = switch (request.kind()) {
            case SLASH -> fake.injectSlashCommand(GUILD, member, request.command(), request.options(), List.of());
            case AUTOCOMPLETE -> {
                Map.Entry<String, String> typed = request.options().entrySet().iterator().next();
                yield fake.injectAutocomplete(GUILD, member, request.command(), typed.getKey(), typed.getValue(),
                        Map.of());
            }
            case BUTTON -> fake.injectButton(GUILD, member, request.customId(), null);
        };
        ReplyTimings.Timing timing = timings.await(interaction, ANSWER_TIMEOUT);
        if (timing.status() != 204) {
            throw new IllegalStateException("the fake Discord answered the callback for " + request.name() + " with "
                    + timing.status() + ": " + fake.interactionRequests(interaction));
        }
        return timing;
    }

    /** Outcomes the dispatcher reported other than {@code ok} (cooldowns, errors), by outcome; empty when none. */
    Map<String, Integer> refusals() {
        return outcomes.entrySet().stream().filter(entry -> !entry.getKey().equals("ok"))
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().get()));
    }

    /** Callbacks that deferred (type 5) instead of answering: the handler took longer than the dispatcher waits. */
    long deferrals() {
        return fake.requests().stream().filter(request -> request.isCallback() && request.callbackType() == 5).count();
    }

    @Override
    public void close() throws InterruptedException {
        try {
            bot.shutdown(Duration.ofSeconds(10));
        } finally {
            fake.close();
        }
    }

    private void awaitRegistered() throws InterruptedException {
        int wanted = services.registry().all().size();
        long deadline = System.nanoTime() + REGISTRATION_TIMEOUT.toNanos();
        while (fake.storedCommands(GUILD).size() < wanted) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the bot did not register its " + wanted + " commands within "
                        + REGISTRATION_TIMEOUT);
            }
            Thread.sleep(20);
        }
    }

    static ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
