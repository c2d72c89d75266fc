package dev.workshopbot.commands;

import dev.workshopbot.daily.ChannelAccess;
import java.util.Map;
import java.util.Optional;

/**
 * A slash command as plain values: name, optional subcommand, option values by name, the caller, and what the bot
 * may do in the channels of the server it came from.
 */
public record Invocation(
        String command, String subcommand, Map<String, String> options, Caller caller, ChannelAccess channels) {

    public Invocation {
        options = Map.copyOf(options);
    }

    /** An invocation from outside Discord (the console), where no channel can be checked. */
    public Invocation(String command, String subcommand, Map<String, String> options, Caller caller) {
        this(command, subcommand, options, caller, ChannelAccess.OFFLINE);
    }

    /** The option's value, absent when it was not given or is blank. */
    public Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name)).map(String::strip).filter(value -> !value.isEmpty());
    }
}
