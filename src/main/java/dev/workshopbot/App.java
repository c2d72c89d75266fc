package dev.workshopbot;

import dev.workshopbot.commands.AboutCommand;
import dev.workshopbot.commands.Caller;
import dev.workshopbot.commands.CommandRegistry;
import dev.workshopbot.commands.HelpCommand;
import dev.workshopbot.commands.QuoteCommand;
import dev.workshopbot.commands.ReadingListCommand;
import dev.workshopbot.commands.SearchCommand;
import dev.workshopbot.commands.SectionCommand;
import dev.workshopbot.commands.SectionsCommand;
import dev.workshopbot.commands.SlashCommand;
import dev.workshopbot.config.BotConfig;
import dev.workshopbot.config.ConfigException;
import dev.workshopbot.console.Arguments;
import dev.workshopbot.console.Console;
import dev.workshopbot.content.ContentLoader;
import dev.workshopbot.content.Library;
import dev.workshopbot.content.Problem;
import dev.workshopbot.search.Snapshot;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.workshopbot.commands.DailyCommand;
import dev.workshopbot.daily.DailyRoutine;
import dev.workshopbot.daily.DailySystem;
import dev.workshopbot.daily.ReadingPublisher;
import dev.workshopbot.discord.CommandRegistrar;
import dev.workshopbot.discord.JdaReadingPublisher;
import dev.workshopbot.store.AuditLog;
import dev.workshopbot.store.DailyStore;
import dev.workshopbot.store.Database;
import dev.workshopbot.discord.Cooldowns;
import dev.workshopbot.discord.DiscordBot;
import dev.workshopbot.discord.Dispatcher;
import dev.workshopbot.discord.JdaRouter;
import dev.workshopbot.discord.Moderators;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import sun.misc.Signal;

/** The composition root: reads the configuration, builds every service once and hands control to a door. */
public final class App {

    static final String VERSION = "0.1.0";

    private App() {
    }

    public static void main(String[] args) throws IOException {
        System.exit(run(args, System.in, System.out, System.err, System.getenv()));
    }

    /** Runs one CLI command and returns its exit code; the streams and environment are the process's in main. */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err, Map<String, String> env)
            throws IOException {
        Arguments arguments;
        try {
            arguments = Arguments.parse(args);
        } catch (Arguments.Invalid e) {
            err.println(e.getMessage());
            err.println(Arguments.usage());
            return Console.BAD_INPUT;
        }
        BotConfig config;
        try {
            config = BotConfig.load(Path.of(arguments.config()), env);
        } catch (ConfigException e) {
            err.println("config: " + e.getMessage());
            return Console.BAD_INPUT;
        }
        String token = env.get("DISCORD_TOKEN");
        if (arguments.command().equals("run") && (token == null || token.isBlank())) {
            err.println("DISCORD_TOKEN is not set: set it to your bot's token to connect to Discord, "
                    + "or try the bot offline with: java -jar target/workshop-bot.jar console");
            return Console.BAD_INPUT;
        }
        Path contentDir = arguments.content() != null ? Path.of(arguments.content()) : config.content().directory();
        Library library = new ContentLoader(config.content().siteBaseUrl()).load(contentDir);
        Snapshot snapshot = Snapshot.of(library);
        if (arguments.command().equals("validate") || arguments.command().equals("export")) {
            Console console = new Console(commands(() -> snapshot, Clock.systemUTC(), List.of()), out, err);
            return arguments.command().equals("validate") ? console.validate(library) : console.export(library);
        }
        Clock clock = Clock.systemUTC();
        Database database;
        try {
            database = Database.open(config.storage().url());
        } catch (RuntimeException e) {
            err.println("storage.url: cannot open the database: " + e.getMessage());
            return Console.PROBLEMS;
        }
        DailyStore dailyStore = new DailyStore(database);
        AuditLog audit = new AuditLog(database);
        BotConfig.Daily dailyConfig = config.daily();
        DailyRoutine.Settings routineSettings = new DailyRoutine.Settings(dailyConfig.catchUp(), dailyConfig.thread(),
                dailyConfig.loops(), Duration.ofMinutes(2));
        DailySystem daily = new DailySystem(dailyStore, snapshot::library, clock, dailyConfig.time(),
                dailyConfig.zone(), routineSettings);
        CommandRegistry registry = commands(() -> snapshot, clock, List.of(new DailyCommand(daily, audit, clock)));
        if (arguments.command().equals("run")) {
            reportErrors(library, err);
            String instance = instanceId();
            return serve(token, config, registry, err, publisher -> new DailyRoutine(dailyStore, snapshot::library,
                    publisher, clock, routineSettings, instance));
        }
        Console console = new Console(registry, out, err);
        Caller caller = arguments.moderator() ? Caller.CONSOLE_MODERATOR : Caller.CONSOLE_MEMBER;
        return switch (arguments.command()) {
            case "ask" -> {
                reportErrors(library, err);
                yield console.ask(arguments.text(), caller, arguments.json(), arguments.autocomplete());
            }
            case "press" -> {
                reportErrors(library, err);
                yield console.press(arguments.text(), caller, arguments.json());
            }
            default -> {
                reportErrors(library, err);
                yield console.repl(new InputStreamReader(in, StandardCharsets.UTF_8), caller, arguments.json(),
                        "workshop-bot " + VERSION + " offline console · " + Console.summary(library));
            }
        };
    }

    /** Every reading command over the same snapshot supplier, then the moderator commands given. */
    static CommandRegistry commands(Supplier<Snapshot> content, Clock clock, List<SlashCommand> moderatorCommands) {
        List<SlashCommand> commands = new ArrayList<>();
        CommandRegistry[] registry = new CommandRegistry[1];
        commands.add(new SectionCommand(content));
        commands.add(new SectionsCommand(content));
        commands.add(new QuoteCommand(content, new Random()));
        commands.add(new ReadingListCommand(content));
        commands.add(new SearchCommand(content));
        commands.add(new HelpCommand(() -> registry[0].all()));
        commands.add(new AboutCommand(content, clock, VERSION));
        commands.addAll(moderatorCommands);
        registry[0] = new CommandRegistry(commands);
        return registry[0];
    }

    /** Connects to Discord and serves until SIGTERM; exit 0 on a clean shutdown. */
    private static int serve(String token, BotConfig config, CommandRegistry registry, PrintStream err,
            Function<ReadingPublisher, DailyRoutine> routineFor) {
        BotConfig.Discord discord = config.discord();
        Dispatcher dispatcher = new Dispatcher(Executors.newFixedThreadPool(4, daemon("interaction")),
                Executors.newSingleThreadScheduledExecutor(daemon("deferral")),
                new Cooldowns(discord.cooldownUses(), discord.cooldown(), Ticker.systemTicker()),
                Duration.ofSeconds(1));
        Moderators moderators = new Moderators(ids(discord.moderatorRoleIds()));
        DiscordBot bot;
        try {
            bot = DiscordBot.start(token, discord, dispatcher, new JdaRouter(registry, dispatcher, moderators),
                    new CommandRegistrar(registry::all, ids(discord.guildIds())));
        } catch (InvalidTokenException e) {
            err.println("Discord refused the token in DISCORD_TOKEN: copy it again from the Developer Portal "
                    + "(Bot → Reset Token)");
            return Console.PROBLEMS;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Console.PROBLEMS;
        }
        ScheduledExecutorService dailyTimer = Executors.newSingleThreadScheduledExecutor(daemon("daily"));
        routineFor.apply(new JdaReadingPublisher(bot.jda())).start(dailyTimer, Duration.ofSeconds(30));
        CountDownLatch stop = new CountDownLatch(1);
        // SIGTERM and Ctrl-C stop the bot cleanly with exit code 0, not the JVM's 143.
        Signal.handle(new Signal("TERM"), signal -> stop.countDown());
        Signal.handle(new Signal("INT"), signal -> stop.countDown());
        try {
            stop.await();
            dailyTimer.shutdown();
            bot.shutdown(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Console.PROBLEMS;
        }
        return Console.OK;
    }

    /** Names this process in the post log, so another instance can tell whose claim an unfinished post is. */
    private static String instanceId() {
        return ProcessHandle.current().pid() + "@" + java.util.UUID.randomUUID().toString().substring(0, 8);
    }

    private static Set<Long> ids(List<String> ids) {
        return ids.stream().map(Long::parseLong).collect(Collectors.toSet());
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private static void reportErrors(Library library, PrintStream err) {
        library.problems().stream().filter(Problem::isError).forEach(problem -> err.println(problem));
    }
}
