package dev.workshopbot.discord;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.workshopbot.commands.SlashCommand;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.requests.restaction.CommandListUpdateAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers the commands once the bot is ready: per configured server (instant) or globally. It compares with
 * what Discord already has and writes only when a definition changed, since Discord limits command creates.
 */
public final class CommandRegistrar extends ListenerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(CommandRegistrar.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Supplier<List<SlashCommand>> commands;
    private final Set<Long> guildIds;

    public CommandRegistrar(Supplier<List<SlashCommand>> commands, Set<Long> guildIds) {
        this.commands = commands;
        this.guildIds = Set.copyOf(guildIds);
    }

    @Override
    public void onReady(ReadyEvent event) {
        register(event.getJDA());
    }

    void register(JDA jda) {
        List<CommandData> wanted = definitions();
        if (guildIds.isEmpty()) {
            jda.retrieveCommands()
                    .queue(
                            existing -> sync(existing, wanted, jda.updateCommands(), "globally"),
                            failure -> LOG.error("could not read the global commands: {}", failure.toString()));
            return;
        }
        for (long guildId : guildIds) {
            Guild guild = jda.getGuildById(guildId);
            if (guild == null) {
                LOG.warn(
                        "discord.guildIds: the bot is not in server {}; invite it with the URL in the README", guildId);
                continue;
            }
            guild.retrieveCommands()
                    .queue(
                            existing -> sync(existing, wanted, guild.updateCommands(), "in server " + guildId),
                            failure -> LOG.error(
                                    "could not read the commands of server {}: {}", guildId, failure.toString()));
        }
    }

    List<CommandData> definitions() {
        return commands.get().stream()
                .map(command -> (CommandData) command.data().setContexts(InteractionContextType.GUILD))
                .toList();
    }

    private static void sync(
            List<Command> existing, List<CommandData> wanted, CommandListUpdateAction update, String where) {
        if (same(existing.stream().map(CommandData::fromCommand).toList(), wanted)) {
            LOG.info("commands unchanged {}: {} registered, nothing written", where, existing.size());
            return;
        }
        update.addCommands(wanted)
                .queue(
                        written -> LOG.info("commands registered {}: {}", where, written.size()),
                        failure -> LOG.error("could not register commands {}: {}", where, failure.toString()));
    }

    /** Whether two lists define the same commands, whatever their order, as Discord would store them. */
    static boolean same(List<CommandData> a, List<CommandData> b) {
        return shape(a).equals(shape(b));
    }

    private static List<JsonNode> shape(List<CommandData> commands) {
        return commands.stream()
                .sorted(Comparator.comparing(CommandData::getName))
                .map(command -> {
                    try {
                        return JSON.readTree(command.toData().toString());
                    } catch (JsonProcessingException e) {
                        throw new IllegalStateException("JDA's own JSON always parses", e);
                    }
                })
                .toList();
    }
}
