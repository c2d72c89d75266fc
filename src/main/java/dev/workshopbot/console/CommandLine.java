package dev.workshopbot.console;

import dev.workshopbot.commands.Caller;
import dev.workshopbot.commands.Invocation;
import dev.workshopbot.commands.SlashCommand;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

/**
 * A typed slash-command line, {@code /name [subcommand] key:value with spaces key:"quoted value"}, checked against
 * the command's definition as Discord would check it. The key runs to the first {@code :}; a word that is not
 * {@code option:…} for one of the command's options belongs to the value before it, unless that value was quoted.
 */
public final class CommandLine {

    /** A line that Discord would never send; the message says what is wrong. */
    public static final class BadLine extends Exception {
        BadLine(String message) {
            super(message);
        }
    }

    /** The parsed line: the invocation, and the option that was typed last (for autocomplete). */
    public record Parsed(Invocation invocation, String lastOption) {}

    private CommandLine() {}

    public static Parsed parse(String line, Map<String, SlashCommand> commands, Caller caller, boolean partial)
            throws BadLine {
        List<String> tokens = tokens(line.strip());
        if (tokens.isEmpty() || !tokens.get(0).startsWith("/") || tokens.get(0).length() < 2) {
            throw new BadLine("a command line starts with /name, e.g. /section name:setup");
        }
        String name = tokens.get(0).substring(1);
        SlashCommand command = commands.get(name);
        if (command == null) {
            throw new BadLine("unknown command /" + name + "; commands: "
                    + commands.keySet().stream().map(n -> "/" + n).collect(Collectors.joining(" ")));
        }
        SlashCommandData data = command.data();
        int next = 1;
        String subcommand = null;
        List<OptionData> allowed = List.copyOf(data.getOptions());
        if (!data.getSubcommands().isEmpty()) {
            if (tokens.size() < 2 || tokens.get(1).contains(":")) {
                throw new BadLine("/" + name + " needs a subcommand: " + subcommandNames(data));
            }
            subcommand = tokens.get(1);
            Optional<SubcommandData> sub = data.getSubcommands().stream()
                    .filter(s -> s.getName().equals(tokens.get(1)))
                    .findFirst();
            if (sub.isEmpty()) {
                throw new BadLine("unknown subcommand '" + tokens.get(1) + "' of /" + name + "; use one of: "
                        + subcommandNames(data));
            }
            allowed = List.copyOf(sub.get().getOptions());
            next = 2;
        }
        Map<String, String> options = new LinkedHashMap<>();
        String last = null;
        boolean closed = false;
        for (String token : tokens.subList(next, tokens.size())) {
            int colon = token.indexOf(':');
            String key = colon > 0 ? token.substring(0, colon) : null;
            if (last != null && !closed && (key == null || find(allowed, key) == null)) {
                // On Discord a value may hold spaces; typed here, the words that cannot start a key continue it.
                String value = options.get(last);
                options.put(last, value.isEmpty() ? token : value + " " + token);
                continue;
            }
            if (key == null) {
                throw new BadLine("'" + token + "' is not an option; write key:value" + known(allowed));
            }
            if (find(allowed, key) == null) {
                throw new BadLine("unknown option '" + key + "' for /" + name + known(allowed));
            }
            String raw = token.substring(colon + 1);
            if (options.put(key, unquote(raw)) != null) {
                throw new BadLine("option '" + key + "' is given twice");
            }
            last = key;
            closed = isQuoted(raw);
        }
        for (Map.Entry<String, String> option : options.entrySet()) {
            check(
                    find(allowed, option.getKey()),
                    option.getValue(),
                    partial && option.getKey().equals(last));
        }
        if (!partial) {
            for (OptionData option : allowed) {
                if (option.isRequired() && !options.containsKey(option.getName())) {
                    throw new BadLine("option '" + option.getName() + "' is required for /" + name + " (e.g. "
                            + option.getName() + ":…)");
                }
            }
        }
        if (last == null) {
            last = allowed.stream()
                    .filter(OptionData::isAutoComplete)
                    .map(OptionData::getName)
                    .findFirst()
                    .orElse(null);
        }
        return new Parsed(new Invocation(name, subcommand, options, caller), last);
    }

    private static OptionData find(List<OptionData> options, String key) {
        return options.stream().filter(o -> o.getName().equals(key)).findFirst().orElse(null);
    }

    private static void check(OptionData option, String value, boolean beingTyped) throws BadLine {
        if (value.isEmpty() && !beingTyped) {
            throw new BadLine("option '" + option.getName() + "' is empty");
        }
        Integer max = option.getMaxLength();
        if (max != null && value.length() > max) {
            throw new BadLine("option '" + option.getName() + "' is " + value.length()
                    + " characters; Discord allows at most " + max);
        }
        switch (option.getType()) {
            case INTEGER -> {
                if (!value.matches("-?\\d+")) {
                    throw new BadLine("option '" + option.getName() + "' must be a whole number");
                }
            }
            case CHANNEL -> {
                if (!value.matches("<?#?\\d+>?")) {
                    throw new BadLine("option '" + option.getName() + "' must be a channel, e.g. #123456789");
                }
            }
            default -> {}
        }
    }

    private static String known(List<OptionData> options) {
        return options.isEmpty()
                ? " (it takes no options)"
                : " (options: " + options.stream().map(OptionData::getName).collect(Collectors.joining(", ")) + ")";
    }

    private static String subcommandNames(SlashCommandData data) {
        return data.getSubcommands().stream().map(SubcommandData::getName).collect(Collectors.joining(", "));
    }

    /** Splits on blanks, keeping {@code key:"a b"} together; {@code \"} inside quotes is a quote. */
    static List<String> tokens(String line) throws BadLine {
        List<String> tokens = new ArrayList<>();
        StringBuilder token = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '\\' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                token.append("\\\"");
                i++;
            } else if (c == '"') {
                quoted = !quoted;
                token.append(c);
            } else if (Character.isWhitespace(c) && !quoted) {
                if (token.length() > 0) {
                    tokens.add(token.toString());
                    token.setLength(0);
                }
            } else {
                token.append(c);
            }
        }
        if (quoted) {
            throw new BadLine("a quote is not closed: " + line);
        }
        if (token.length() > 0) {
            tokens.add(token.toString());
        }
        return tokens;
    }

    private static boolean isQuoted(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"");
    }

    private static String unquote(String value) {
        if (isQuoted(value)) {
            return value.substring(1, value.length() - 1).replace("\\\"", "\"");
        }
        return value;
    }
}
