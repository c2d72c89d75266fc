package dev.workshopbot.commands;

import dev.workshopbot.search.Suggester;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Routes invocations, autocomplete, button clicks and menu choices to commands by name: one map, no switch. */
public final class CommandRegistry {

    private final Map<String, SlashCommand> commands = new LinkedHashMap<>();

    public CommandRegistry(List<SlashCommand> commands) {
        for (SlashCommand command : commands) {
            if (this.commands.putIfAbsent(command.name(), command) != null) {
                throw new IllegalArgumentException("two commands are named '" + command.name() + "'");
            }
        }
    }

    public List<SlashCommand> all() {
        return List.copyOf(commands.values());
    }

    public Optional<SlashCommand> command(String name) {
        return Optional.ofNullable(commands.get(name));
    }

    public Reply handle(Invocation invocation) {
        return command(invocation.command())
                .map(command -> command.handle(invocation))
                .orElseGet(() ->
                        Messages.refusal("I don't know /" + Markdown.escape(invocation.command()) + ". Try /help."));
    }

    public Reply press(String customId, Caller caller) {
        return command(ButtonId.commandOf(customId))
                .map(command -> command.press(customId, caller))
                .orElseGet(() -> Messages.refusal("That button is not one of mine any more. Try /help."));
    }

    /** A choice from a select menu, routed like a button by the command its custom id starts with. */
    public Reply select(String customId, List<String> values, Caller caller) {
        return command(ButtonId.commandOf(customId))
                .map(command -> command.select(customId, List.copyOf(values), caller))
                .orElseGet(() -> Messages.refusal("That menu is not one of mine any more. Try /help."));
    }

    /** Choices as Discord accepts them: at most 25, names and values of 1–100 characters. */
    public List<Suggester.Entry> autocomplete(String command, String option, String typed) {
        List<Suggester.Entry> choices = new ArrayList<>();
        for (Suggester.Entry entry :
                command(command).map(c -> c.autocomplete(option, typed)).orElse(List.of())) {
            String name = Fit.cut(entry.label().isBlank() ? entry.value() : entry.label(), Suggester.MAX_LENGTH, "");
            if (entry.value().isEmpty() || entry.value().length() > Suggester.MAX_LENGTH || name.isBlank()) {
                continue;
            }
            choices.add(new Suggester.Entry(name, entry.value()));
            if (choices.size() == Suggester.MAX_CHOICES) {
                break;
            }
        }
        return choices;
    }
}
