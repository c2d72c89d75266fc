package dev.workshopbot.console;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The command line of the jar: {@code [--config FILE] [--content DIR] <command> [text] [--json] [--as WHO] [--autocomplete]}. */
public record Arguments(
        String command,
        String text,
        Optional<String> config,
        String content,
        boolean json,
        boolean moderator,
        boolean autocomplete,
        boolean strict) {

    /** Where the configuration is read from when {@code --config} does not say. */
    public static final Path DEFAULT_CONFIG = Path.of("config", "bot.yml");

    public static final Set<String> COMMANDS = Set.of("run", "console", "ask", "press", "validate", "export");

    /** Thrown for arguments the jar does not take; the message is the usage hint. */
    public static final class Invalid extends Exception {
        Invalid(String message) {
            super(message);
        }
    }

    public static Arguments parse(String[] args) throws Invalid {
        Optional<String> config = Optional.empty();
        String content = null;
        boolean json = false;
        boolean moderator = false;
        boolean autocomplete = false;
        boolean strict = false;
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--config" -> config = Optional.of(value(args, ++i, "--config"));
                case "--content" -> content = value(args, ++i, "--content");
                case "--json" -> json = true;
                case "--autocomplete" -> autocomplete = true;
                case "--strict" -> strict = true;
                case "--format" -> {
                    String format = value(args, ++i, "--format");
                    if (!format.equals("json") && !format.equals("text")) {
                        throw new Invalid("--format takes 'text' or 'json', not '" + format + "'");
                    }
                    json = format.equals("json");
                }
                case "--as" -> {
                    String who = value(args, ++i, "--as");
                    if (!who.equals("moderator") && !who.equals("member")) {
                        throw new Invalid("--as takes 'moderator' or 'member', not '" + who + "'");
                    }
                    moderator = who.equals("moderator");
                }
                default -> {
                    if (args[i].startsWith("--")) {
                        throw new Invalid("unknown option " + args[i]);
                    }
                    positional.add(args[i]);
                }
            }
        }
        String command = positional.isEmpty() ? "run" : positional.get(0);
        if (!COMMANDS.contains(command)) {
            throw new Invalid("unknown command '" + command + "'");
        }
        String text = positional.size() > 1 ? String.join(" ", positional.subList(1, positional.size())) : null;
        if ((command.equals("ask") || command.equals("press")) && text == null) {
            throw new Invalid(command + " needs "
                    + (command.equals("ask")
                            ? "a line, e.g. ask \"/section name:setup\""
                            : "a button id, e.g. press \"sections|…\""));
        }
        return new Arguments(command, text, config, content, json, moderator, autocomplete, strict);
    }

    /** The file named by {@code --config}, else {@link #DEFAULT_CONFIG}. */
    public Path configFile() {
        return config.map(Path::of).orElse(DEFAULT_CONFIG);
    }

    private static String value(String[] args, int index, String option) throws Invalid {
        if (index >= args.length) {
            throw new Invalid(option + " needs a value");
        }
        return args[index];
    }

    public static String usage() {
        return """
                usage: java -jar target/workshop-bot.jar [--config FILE] [--content DIR] <command>
                  run                      connect to Discord (needs DISCORD_TOKEN)
                  console                  offline REPL: type /section name:…, press <id>, reload, help, quit
                  ask "<line>"             answer one slash-command line [--json] [--as moderator|member] [--autocomplete]
                  press "<custom_id>"      click one button [--json] [--as moderator|member]
                  validate                 check the content directory [--format text|json] [--strict: warnings fail too]
                  export                   print the whole index as JSON""";
    }
}
