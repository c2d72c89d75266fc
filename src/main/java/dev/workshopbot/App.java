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
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

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
            config = BotConfig.load(Path.of(arguments.config()));
        } catch (ConfigException e) {
            err.println("config: " + e.getMessage());
            return Console.BAD_INPUT;
        }
        if (arguments.command().equals("run")) {
            return runOnDiscord(env, err);
        }
        Path contentDir = arguments.content() != null ? Path.of(arguments.content()) : config.content().directory();
        Library library = new ContentLoader(config.content().siteBaseUrl()).load(contentDir);
        Snapshot snapshot = Snapshot.of(library);
        CommandRegistry registry = commands(() -> snapshot, Clock.systemUTC());
        Console console = new Console(registry, out, err);
        Caller caller = arguments.moderator() ? Caller.CONSOLE_MODERATOR : Caller.CONSOLE_MEMBER;
        return switch (arguments.command()) {
            case "validate" -> console.validate(library);
            case "export" -> console.export(library);
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

    /** Every reading command, built once over the same snapshot supplier. */
    public static CommandRegistry commands(Supplier<Snapshot> content, Clock clock) {
        List<SlashCommand> commands = new ArrayList<>();
        CommandRegistry[] registry = new CommandRegistry[1];
        commands.add(new SectionCommand(content));
        commands.add(new SectionsCommand(content));
        commands.add(new QuoteCommand(content, new Random()));
        commands.add(new ReadingListCommand(content));
        commands.add(new SearchCommand(content));
        commands.add(new HelpCommand(() -> registry[0].all()));
        commands.add(new AboutCommand(content, clock, VERSION));
        registry[0] = new CommandRegistry(commands);
        return registry[0];
    }

    private static int runOnDiscord(Map<String, String> env, PrintStream err) {
        String token = env.get("DISCORD_TOKEN");
        if (token == null || token.isBlank()) {
            err.println("DISCORD_TOKEN is not set: set it to your bot's token to connect to Discord, "
                    + "or try the bot offline with: java -jar target/workshop-bot.jar console");
            return Console.BAD_INPUT;
        }
        err.println("This build answers offline only (console, ask, press); the Discord connection is not built "
                + "yet. Try: java -jar target/workshop-bot.jar console");
        return Console.BAD_INPUT;
    }

    private static void reportErrors(Library library, PrintStream err) {
        library.problems().stream().filter(Problem::isError).forEach(problem -> err.println(problem));
    }
}
