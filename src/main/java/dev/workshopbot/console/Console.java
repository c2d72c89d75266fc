package dev.workshopbot.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.workshopbot.commands.Caller;
import dev.workshopbot.commands.CommandRegistry;
import dev.workshopbot.commands.Reply;
import dev.workshopbot.commands.SlashCommand;
import dev.workshopbot.content.Library;
import dev.workshopbot.content.Problem;
import dev.workshopbot.search.Suggester;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The offline doors to the same handlers Discord uses: REPL, one-shot ask and press, validate and export. */
public final class Console {

    public static final int OK = 0;
    public static final int PROBLEMS = 1;
    public static final int BAD_INPUT = 2;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CommandRegistry registry;
    private final PrintStream out;
    private final PrintStream err;
    private final java.util.function.Supplier<String> reload;

    public Console(CommandRegistry registry, PrintStream out, PrintStream err) {
        this(registry, out, err, () -> "reload is not available here");
    }

    /** {@code reload} re-reads the content and returns the report {@code /reload} shows, for the REPL. */
    public Console(
            CommandRegistry registry, PrintStream out, PrintStream err, java.util.function.Supplier<String> reload) {
        this.registry = registry;
        this.out = out;
        this.err = err;
        this.reload = reload;
    }

    /** Answers one slash-command line; exit 2 when Discord would never send such a line. */
    public int ask(String line, Caller caller, boolean json, boolean autocomplete) {
        CommandLine.Parsed parsed;
        try {
            parsed = CommandLine.parse(line, commandsByName(), caller, autocomplete);
        } catch (CommandLine.BadLine e) {
            err.println("bad line: " + e.getMessage());
            return BAD_INPUT;
        }
        if (autocomplete) {
            if (parsed.lastOption() == null) {
                err.println("bad line: /" + parsed.invocation().command() + " has no option to complete");
                return BAD_INPUT;
            }
            String typed = parsed.invocation().options().getOrDefault(parsed.lastOption(), "");
            List<Suggester.Entry> choices =
                    registry.autocomplete(parsed.invocation().command(), parsed.lastOption(), typed);
            out.println(choicesJson(choices));
            return OK;
        }
        print(registry.handle(parsed.invocation()), json);
        return OK;
    }

    public int press(String customId, Caller caller, boolean json) {
        if (customId.isBlank() || customId.length() > 100) {
            err.println("bad button id: it must be 1-100 characters, as printed after 'press' in a reply");
            return BAD_INPUT;
        }
        print(registry.press(customId.strip(), caller), json);
        return OK;
    }

    /** Picks {@code value} in the select menu {@code customId}, as a member choosing from it in Discord. */
    public int select(String customId, String value, Caller caller, boolean json) {
        if (customId.isBlank() || customId.length() > 100 || value.isBlank()) {
            err.println("bad menu choice: write select <custom_id> <value>, as printed after 'select' in a reply");
            return BAD_INPUT;
        }
        print(registry.select(customId.strip(), List.of(value.strip()), caller), json);
        return OK;
    }

    /** The REPL: slash lines, {@code press <id>}, {@code select <id> <value>}, {@code help}, {@code quit}. */
    public int repl(Reader input, Caller caller, boolean json, String banner) throws IOException {
        BufferedReader reader = new BufferedReader(input);
        out.println(banner);
        out.println("Type a command such as /section name:… or /search query:…, press <button id>, reload, help, "
                + "or quit.");
        while (true) {
            out.print("> ");
            out.flush();
            String line = reader.readLine();
            if (line == null || line.strip().equals("quit") || line.strip().equals("exit")) {
                return OK;
            }
            String trimmed = line.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            if (trimmed.equals("help")) {
                out.println(help());
            } else if (trimmed.equals("reload")) {
                out.println(reload.get());
            } else if (trimmed.startsWith("press ")) {
                press(trimmed.substring("press ".length()).strip(), caller, json);
            } else if (trimmed.startsWith("select ")) {
                String choice = trimmed.substring("select ".length()).strip();
                int space = choice.lastIndexOf(' ');
                select(
                        space < 0 ? choice : choice.substring(0, space),
                        space < 0 ? "" : choice.substring(space + 1),
                        caller,
                        json);
            } else {
                ask(trimmed, caller, json, false);
            }
        }
    }

    /** The console's own verbs and start options; the slash commands explain themselves in {@code /help}. */
    private String help() {
        return """
                Console verbs:
                  /name key:value ...  answer a slash command as Discord would; quotes are optional, the last key
                                       takes the rest of the line (/search query:what is vibe coding)
                  press <custom_id>    click a button: its id is printed after "press" in a reply
                  select <custom_id> <value>
                                       choose from a menu: what to type is printed after "select" in a reply
                  reload               re-read the content and show what changed, or every problem as file:line
                  help                 this list
                  quit                 leave the console (exit and end of input too)
                Start options: console --as moderator answers as a moderator (/reload, /daily);
                  --json prints the interaction callback body Discord would receive instead of text.
                Slash commands: %s; type /help for what each one does.""".formatted(
                commandsByName().keySet().stream().map(name -> "/" + name).collect(Collectors.joining(" ")));
    }

    /**
     * Every problem of the content, errors first, then the summary line; as one JSON object with {@code json}. Exit 1
     * on errors, and with {@code strict} (a workshop's own CI) on warnings too.
     */
    public int validate(Library library, boolean json, boolean strict) {
        List<Problem> problems = library.problems().stream()
                .sorted(Comparator.comparing((Problem problem) -> !problem.isError()))
                .toList();
        boolean failed = library.errorCount() > 0 || strict && library.warningCount() > 0;
        if (json) {
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("ok", !failed);
            report.put(
                    "problems",
                    problems.stream()
                            .map(problem -> Map.of(
                                    "path",
                                    problem.path(),
                                    "line",
                                    problem.line(),
                                    "severity",
                                    problem.severity().name().toLowerCase(java.util.Locale.ROOT),
                                    "message",
                                    problem.message()))
                            .toList());
            report.put(
                    "summary",
                    Map.of(
                            "pages",
                            library.pages().size(),
                            "sections",
                            library.sections().size(),
                            "links",
                            library.links().size(),
                            "quotes",
                            library.quotes().size(),
                            "lists",
                            library.readingLists().size(),
                            "errors",
                            library.errorCount(),
                            "warnings",
                            library.warningCount()));
            try {
                out.println(JSON.writeValueAsString(report));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a validate report of plain values always serialises", e);
            }
        } else {
            problems.forEach(out::println);
            out.println(summary(library));
        }
        return failed ? PROBLEMS : OK;
    }

    public int export(Library library) {
        out.println(ExportJson.of(library));
        if (library.errorCount() > 0) {
            library.problems().stream().filter(Problem::isError).forEach(err::println);
            return PROBLEMS;
        }
        return OK;
    }

    public static String summary(Library library) {
        return "pages=" + library.pages().size() + " sections="
                + library.sections().size()
                + " links=" + library.links().size() + " quotes="
                + library.quotes().size()
                + " lists=" + library.readingLists().size() + " errors=" + library.errorCount()
                + " warnings=" + library.warningCount();
    }

    private void print(Reply reply, boolean json) {
        out.println(json ? reply.toCallback().toString() : TextView.of(reply));
    }

    private Map<String, SlashCommand> commandsByName() {
        Map<String, SlashCommand> byName = new LinkedHashMap<>();
        registry.all().forEach(command -> byName.put(command.name(), command));
        return byName;
    }

    static String choicesJson(List<Suggester.Entry> choices) {
        try {
            return JSON.writeValueAsString(choices.stream()
                    .map(choice -> Map.of("name", choice.label(), "value", choice.value()))
                    .toList());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a list of string maps always serialises", e);
        }
    }
}
