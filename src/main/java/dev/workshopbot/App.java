package dev.workshopbot;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.workshopbot.commands.AboutCommand;
import dev.workshopbot.commands.AskCommand;
import dev.workshopbot.commands.Caller;
import dev.workshopbot.commands.CommandRegistry;
import dev.workshopbot.commands.DailyCommand;
import dev.workshopbot.commands.GroupProgressCommand;
import dev.workshopbot.commands.HelpCommand;
import dev.workshopbot.commands.InsightsCommand;
import dev.workshopbot.commands.ModeratorGate;
import dev.workshopbot.commands.PlanCommand;
import dev.workshopbot.commands.ProgressCommand;
import dev.workshopbot.commands.QuoteCommand;
import dev.workshopbot.commands.ReadingListCommand;
import dev.workshopbot.commands.ReloadCommand;
import dev.workshopbot.commands.ReloadReport;
import dev.workshopbot.commands.RemindCommand;
import dev.workshopbot.commands.SearchCommand;
import dev.workshopbot.commands.SectionCommand;
import dev.workshopbot.commands.SectionsCommand;
import dev.workshopbot.commands.SlashCommand;
import dev.workshopbot.concurrent.DaemonThreads;
import dev.workshopbot.config.BotConfig;
import dev.workshopbot.config.ConfigException;
import dev.workshopbot.config.Secrets;
import dev.workshopbot.console.Arguments;
import dev.workshopbot.console.Console;
import dev.workshopbot.content.ContentLoader;
import dev.workshopbot.content.Library;
import dev.workshopbot.content.Problem;
import dev.workshopbot.daily.DailyRoutine;
import dev.workshopbot.daily.DailySystem;
import dev.workshopbot.daily.PlanEndNotices;
import dev.workshopbot.discord.CommandRegistrar;
import dev.workshopbot.discord.Cooldowns;
import dev.workshopbot.discord.DiscordBot;
import dev.workshopbot.discord.Dispatcher;
import dev.workshopbot.discord.GatewayWatch;
import dev.workshopbot.discord.JdaDirectMessenger;
import dev.workshopbot.discord.JdaNotices;
import dev.workshopbot.discord.JdaReadingPublisher;
import dev.workshopbot.discord.JdaRouter;
import dev.workshopbot.discord.JdaThreadActivity;
import dev.workshopbot.discord.ModLog;
import dev.workshopbot.discord.Moderators;
import dev.workshopbot.ops.Health;
import dev.workshopbot.ops.Metrics;
import dev.workshopbot.ops.OpsServer;
import dev.workshopbot.progress.GroupProgress;
import dev.workshopbot.progress.ProgressSystem;
import dev.workshopbot.progress.Reminders;
import dev.workshopbot.progress.ThreadActivity;
import dev.workshopbot.reload.ContentReloader;
import dev.workshopbot.reload.ContentWatcher;
import dev.workshopbot.reload.ReloadQueue;
import dev.workshopbot.search.MiniLmEmbedder;
import dev.workshopbot.search.SemanticRefresher;
import dev.workshopbot.search.Snapshot;
import dev.workshopbot.search.SnapshotStore;
import dev.workshopbot.store.AuditLog;
import dev.workshopbot.store.DailyStore;
import dev.workshopbot.store.Database;
import dev.workshopbot.store.EmbeddingStore;
import dev.workshopbot.store.Insights;
import dev.workshopbot.store.InsightsStore;
import dev.workshopbot.store.ProgressStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/** The composition root: reads the configuration, builds every service once and hands control to a door. */
public final class App {

    static final String VERSION = "0.1.0";
    private static final Logger LOG = LoggerFactory.getLogger(App.class);

    /** Every long-lived service, built once. */
    record Services(
            SnapshotStore content,
            Database database,
            DailyStore dailyStore,
            AuditLog audit,
            DailyRoutine.Settings routine,
            ContentReloader reloader,
            CommandRegistry registry,
            Optional<SemanticRefresher> semantic,
            AtomicReference<ThreadActivity> threads,
            ProgressStore progressStore,
            ProgressSystem progress) {

        /**
         * Starts embedding: the served content now, and each reloaded content from now on. Not part of assembly, so
         * that what only needs keyword search (and every test that does not ask for vectors) never loads the model.
         */
        void startSemantic() {
            semantic.ifPresent(refresher -> {
                reloader.addListener((who, result) -> refresher.refresh());
                refresher.refresh();
            });
        }
    }

    private App() {}

    public static void main(String[] args) throws IOException {
        System.exit(run(args, System.in, System.out, System.err, System.getenv()));
    }

    /** Runs one CLI command and returns its exit code; the streams and environment are the process's in main. */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err, Map<String, String> env)
            throws IOException {
        Arguments arguments;
        BotConfig config;
        try {
            arguments = Arguments.parse(args);
            config = loadConfig(arguments, env, err);
        } catch (Arguments.Invalid e) {
            err.println(e.getMessage());
            err.println(Arguments.usage());
            return Console.BAD_INPUT;
        } catch (ConfigException e) {
            e.problems().forEach(problem -> err.println("config: " + problem));
            return Console.BAD_INPUT;
        }
        String token = env.get("DISCORD_TOKEN");
        if (arguments.command().equals("run") && (token == null || token.isBlank())) {
            err.println("DISCORD_TOKEN is not set: set it to your bot's token to connect to Discord, "
                    + "or try the bot offline with: java -jar target/workshop-bot.jar console");
            return Console.BAD_INPUT;
        }
        Path contentDir = arguments.content() != null
                ? Path.of(arguments.content())
                : config.content().directory();
        ContentLoader loader = ContentLoader.forSite(config.content().siteBaseUrl());
        Library library = loader.load(contentDir);
        if (!library.knowsItsSite()) {
            if (arguments.command().equals("run")) {
                err.println("content.siteBaseUrl is not set and the content has no _config.yml with a url: set it "
                        + "to the published site's address (e.g. https://you.github.io/workshop) so every link the "
                        + "bot posts points there");
                return Console.BAD_INPUT;
            }
            err.println("content.siteBaseUrl is not set (nor a url in the site's _config.yml): page links point to "
                    + ContentLoader.NO_SITE + " until it is");
        }
        if (arguments.command().equals("validate") || arguments.command().equals("export")) {
            Console console = new Console(new CommandRegistry(List.of()), out, err);
            return arguments.command().equals("validate")
                    ? console.validate(library, arguments.json(), arguments.strict())
                    : console.export(library);
        }
        library.problems().stream().filter(Problem::isError).forEach(err::println);
        Clock clock = Clock.systemUTC();
        Services services;
        try {
            services = assemble(config, contentDir, loader, library, clock);
        } catch (RuntimeException e) {
            err.println("storage.url: cannot open the database: " + Secrets.mask(e.getMessage()));
            return Console.PROBLEMS;
        }
        if (arguments.command().equals("run")) {
            services.startSemantic();
            return serve(token, config, contentDir, services, clock, err);
        }
        if (!arguments.command().equals("ask") && !arguments.command().equals("press")) {
            services.startSemantic();
        } else if (arguments.text().startsWith("/ask") || arguments.text().startsWith("/search")) {
            // One question on the command line: answer it as the bot would once the model is loaded.
            services.startSemantic();
            services.semantic().ifPresent(refresher -> refresher.awaitIdle(120));
        }
        Console console = new Console(
                services.registry(),
                out,
                err,
                () -> ReloadReport.text(
                        services.reloader().reload(new ContentReloader.Requester(0, 0, ContentReloader.Door.CONSOLE))));
        Caller caller = arguments.moderator() ? Caller.CONSOLE_MODERATOR : Caller.CONSOLE_MEMBER;
        try {
            return switch (arguments.command()) {
                case "ask" -> console.ask(arguments.text(), caller, arguments.json(), arguments.autocomplete());
                case "press" -> console.press(arguments.text(), caller, arguments.json());
                default ->
                    console.repl(
                            new InputStreamReader(in, StandardCharsets.UTF_8),
                            caller,
                            arguments.json(),
                            "workshop-bot " + VERSION + " offline console · " + Console.summary(library));
            };
        } finally {
            // Embedding writes to the database: it ends before the command returns, never after.
            services.semantic().ifPresent(SemanticRefresher::close);
        }
    }

    /** Builds the services every door shares: content, storage, daily settings, reload and the commands. */
    static Services assemble(BotConfig config, Path contentDir, ContentLoader loader, Library library, Clock clock) {
        SnapshotStore content = new SnapshotStore(Snapshot.of(library));
        Database database = Database.open(config.storage().url());
        DailyStore dailyStore = new DailyStore(database);
        AuditLog audit = new AuditLog(database);
        BotConfig.Daily daily = config.daily();
        DailyRoutine.Settings routine =
                new DailyRoutine.Settings(daily.catchUpWindow(), daily.thread(), daily.loops(), Duration.ofMinutes(2));
        ContentReloader reloader = new ContentReloader(content, contentDir, loader, audit, clock);
        DailySystem dailySystem = new DailySystem(
                dailyStore,
                () -> content.get().library(),
                clock,
                daily.defaultTime(),
                daily.defaultTimezone(),
                routine);
        ModeratorGate gate = new ModeratorGate(audit, clock);
        // Reading progress, dated in each server's zone (the daily default for a server without a schedule).
        ProgressStore progressStore = new ProgressStore(database);
        ProgressSystem progress = new ProgressSystem(
                progressStore, dailyStore, () -> content.get().library(), clock, daily.defaultTimezone());
        // Thread activity needs Discord: none until the bot is connected (and none at all offline).
        AtomicReference<ThreadActivity> threads = new AtomicReference<>(ThreadActivity.NONE);
        Insights insights = config.insights().enabled()
                ? new InsightsStore(database, clock, config.insights().retention())
                : Insights.OFF;
        CommandRegistry registry = commands(
                content,
                clock,
                reloader::lastReload,
                insights,
                List.of(
                        new ProgressCommand(() -> content.get().library(), progress),
                        new PlanCommand(() -> content.get().library(), dailySystem),
                        new RemindCommand(progressStore, config.progress().reminderDelay()),
                        new GroupProgressCommand(
                                new GroupProgress(
                                        progressStore,
                                        progress,
                                        () -> content.get().library(),
                                        threads::get,
                                        config.progress().leaderboard()),
                                gate),
                        new DailyCommand(dailySystem, gate),
                        new ReloadCommand(reloader, gate),
                        new InsightsCommand(insights, gate)));
        Optional<SemanticRefresher> semantic = config.search().semantic()
                ? Optional.of(new SemanticRefresher(content, MiniLmEmbedder::new, new EmbeddingStore(database, clock)))
                : Optional.empty();
        return new Services(
                content,
                database,
                dailyStore,
                audit,
                routine,
                reloader,
                registry,
                semantic,
                threads,
                progressStore,
                progress);
    }

    /**
     * Every command, in the order /help lists them: the reading commands, the commands given (those that need storage:
     * progress and the plan, then the moderators'), /help.
     */
    public static CommandRegistry commands(
            Supplier<Snapshot> content,
            Clock clock,
            Supplier<Optional<AuditLog.Entry>> lastReload,
            List<SlashCommand> moderatorCommands) {
        return commands(content, clock, lastReload, Insights.OFF, moderatorCommands);
    }

    /** Every command, recording what the group asks and opens in {@code insights}. */
    public static CommandRegistry commands(
            Supplier<Snapshot> content,
            Clock clock,
            Supplier<Optional<AuditLog.Entry>> lastReload,
            Insights insights,
            List<SlashCommand> moderatorCommands) {
        List<SlashCommand> commands = new ArrayList<>(List.of(
                new SectionCommand(content, insights),
                new SectionsCommand(content),
                new QuoteCommand(content, new Random()),
                new ReadingListCommand(content),
                new SearchCommand(content, insights),
                new AskCommand(content, insights),
                new AboutCommand(content, clock, VERSION, lastReload)));
        commands.addAll(moderatorCommands);
        commands.add(new HelpCommand(commands));
        return new CommandRegistry(commands);
    }

    /** Connects to Discord and serves until SIGTERM or Ctrl-C (exit 0); SIGHUP reloads the content. */
    private static int serve(
            String token, BotConfig config, Path contentDir, Services services, Clock clock, PrintStream err)
            throws IOException {
        BotConfig.Discord discord = config.discord();
        Deque<AutoCloseable> running = new ArrayDeque<>();
        services.semantic().ifPresent(running::push);
        Metrics metrics = new Metrics();
        GatewayWatch gateway = new GatewayWatch(clock);
        if (config.http().port() != 0) {
            running.push(new OpsServer(
                    config.http().host(),
                    config.http().port(),
                    Health.firstProblem(List.of(
                            () -> Health.content(services.content().get().library()),
                            gateway::problem,
                            services.database()::unavailable)),
                    metrics));
        }
        Dispatcher dispatcher = new Dispatcher(
                Executors.newFixedThreadPool(4, DaemonThreads.named("interaction")),
                Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("deferral")),
                new Cooldowns(discord.cooldownUses(), discord.cooldownWindow(), Ticker.systemTicker()),
                Duration.ofSeconds(1),
                (context, outcome, latency) -> metrics.commandServed(context.command(), outcome, latency));
        DiscordBot bot;
        try {
            bot = connect(token, discord, services.registry(), dispatcher, null, gateway);
        } catch (InvalidTokenException e) {
            err.println("Discord refused the token in DISCORD_TOKEN: copy it again from the Developer Portal "
                    + "(Bot → Reset Token)");
            return stop(running, Console.PROBLEMS);
        } catch (DiscordBot.Unreachable e) {
            err.println(e.getMessage());
            return stop(running, Console.PROBLEMS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return stop(running, Console.PROBLEMS);
        }
        running.push(() -> bot.shutdown(Duration.ofSeconds(10)));
        services.threads().set(new JdaThreadActivity(bot.jda()));

        metrics.contentVersion(services.content().get().library().shortVersion());
        services.semantic()
                .ifPresent(refresher -> metrics.embeddings(
                        refresher::embedded,
                        refresher::reused,
                        () -> services.content().get().semantic() != null));
        services.reloader().addListener((who, result) -> {
            metrics.reload(result.outcome().name().toLowerCase(Locale.ROOT));
            metrics.contentVersion(services.content().get().library().shortVersion());
        });
        discord.modLogChannelId().ifPresent(channel -> services.reloader().addListener(new ModLog(bot.jda(), channel)));

        ScheduledExecutorService daily = Executors.newScheduledThreadPool(1, DaemonThreads.named("daily"));
        running.push(daily::shutdown);
        new DailyRoutine(
                        services.dailyStore(),
                        () -> services.content().get().library(),
                        new JdaReadingPublisher(bot.jda()),
                        clock,
                        services.routine(),
                        instanceId())
                .start(
                        daily,
                        Duration.ofSeconds(30),
                        outcome -> metrics.dailyPost(outcome.name().toLowerCase(Locale.ROOT)));
        new Reminders(
                        services.progressStore(),
                        services.dailyStore(),
                        services.progress(),
                        () -> services.content().get().library(),
                        new JdaDirectMessenger(bot.jda()),
                        clock,
                        config.progress().reminderDelay())
                .start(daily, Duration.ofMinutes(1));
        new PlanEndNotices(
                        services.dailyStore(),
                        () -> services.content().get().library(),
                        new JdaNotices(bot.jda(), discord.modLogChannelId()),
                        clock,
                        config.daily().loops())
                .start(daily, Duration.ofMinutes(1));
        ReloadQueue reloads = new ReloadQueue(services.reloader());
        running.push(reloads);
        if (config.content().watch()) {
            running.push(new ContentWatcher(
                    contentDir,
                    () -> reloads.request(ContentReloader.Door.WATCH),
                    reloads.scheduler(),
                    Duration.ofMillis(500)));
        }
        Signal.handle(new Signal("HUP"), signal -> reloads.request(ContentReloader.Door.SIGNAL));

        CountDownLatch stop = new CountDownLatch(1);
        // SIGTERM and Ctrl-C stop the bot cleanly with exit code 0, not the JVM's 143.
        Signal.handle(new Signal("TERM"), signal -> stop.countDown());
        Signal.handle(new Signal("INT"), signal -> stop.countDown());
        try {
            stop.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return stop(running, Console.PROBLEMS);
        }
        return stop(running, Console.OK);
    }

    /** Closes what was started, last first, and returns {@code exitCode} (or PROBLEMS if a close failed). */
    private static int stop(Deque<AutoCloseable> running, int exitCode) {
        int code = exitCode;
        while (!running.isEmpty()) {
            try {
                running.pop().close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                code = Console.PROBLEMS;
            } catch (Exception e) {
                LOG.warn("stopping: {}", e.toString());
                code = Console.PROBLEMS;
            }
        }
        return code;
    }

    /**
     * Logs the bot in and routes interactions to {@code registry}: moderators and servers as {@code discord} says.
     * {@code listenersFirst} hear every event before the bot (benchmarks time with them); {@code http} is JDA's
     * HTTP client builder, or null for JDA's own.
     */
    public static DiscordBot connect(
            String token,
            BotConfig.Discord discord,
            CommandRegistry registry,
            Dispatcher dispatcher,
            OkHttpClient.Builder http,
            Object... listenersFirst)
            throws InterruptedException {
        List<Object> listeners = new ArrayList<>(List.of(listenersFirst));
        listeners.add(new JdaRouter(registry, dispatcher, new Moderators(discord.moderatorRoleIds())));
        listeners.add(new CommandRegistrar(registry::all, discord.guildIds()));
        return DiscordBot.start(token, discord, http, dispatcher, listeners.toArray());
    }

    /** Names this process in the post log, so another instance can tell whose claim an unfinished post is. */
    private static String instanceId() {
        return ProcessHandle.current().pid() + "@"
                + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * The file {@code --config} names (which must exist), else {@code config/bot.yml} if there is one, else the
     * built-in defaults, said on {@code err}.
     */
    private static BotConfig loadConfig(Arguments arguments, Map<String, String> env, PrintStream err) {
        Path file = arguments.configFile();
        if (!Files.isRegularFile(file)) {
            if (arguments.config().isPresent()) {
                throw new ConfigException(file + ": no such file (named by --config)");
            }
            err.println("config: " + file + " not found; using the built-in defaults");
        }
        return BotConfig.load(file, env);
    }
}
