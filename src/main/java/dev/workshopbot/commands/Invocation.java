package dev.workshopbot.commands;

import java.util.Map;
import java.util.Optional;

/** A slash command as plain values: name, optional subcommand, option values by name, and the caller. */
public record Invocation(String command, String subcommand, Map<String, String> options, Caller caller) {

    public Invocation {
        options = Map.copyOf(options);
    }

    /** The option's value, absent when it was not given or is blank. */
    public Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name)).map(String::strip).filter(value -> !value.isEmpty());
    }
}
