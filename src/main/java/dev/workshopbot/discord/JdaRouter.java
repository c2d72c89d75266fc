package dev.workshopbot.discord;

import dev.workshopbot.commands.ButtonId;
import dev.workshopbot.commands.Caller;
import dev.workshopbot.commands.CommandRegistry;
import dev.workshopbot.commands.Invocation;
import dev.workshopbot.commands.Reply;
import dev.workshopbot.daily.ChannelAccess;
import dev.workshopbot.search.Suggester;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.GenericComponentInteractionCreateEvent;
import net.dv8tion.jda.api.events.interaction.component.StringSelectInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns JDA interaction events into plain invocations for the command registry, and replies back through JDA. */
public final class JdaRouter extends ListenerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(JdaRouter.class);

    private final CommandRegistry registry;
    private final Dispatcher dispatcher;
    private final Moderators moderators;

    public JdaRouter(CommandRegistry registry, Dispatcher dispatcher, Moderators moderators) {
        this.registry = registry;
        this.dispatcher = dispatcher;
        this.moderators = moderators;
    }

    @Override
    public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
        long guildId = event.getGuild() == null ? 0 : event.getGuild().getIdLong();
        Caller caller = moderators.caller(event.getUser(), event.getMember(), guildId);
        Map<String, String> options = new LinkedHashMap<>();
        for (OptionMapping option : event.getOptions()) {
            options.put(option.getName(), option.getAsString());
        }
        Invocation invocation = new Invocation(
                event.getName(),
                event.getSubcommandName(),
                options,
                caller,
                event.getGuild() == null ? ChannelAccess.OFFLINE : new JdaChannelAccess(event.getGuild()));
        boolean privately = registry.command(event.getName())
                .map(c -> c.repliesPrivately(invocation))
                .orElse(true);
        dispatcher.dispatch(
                new Dispatcher.Context(guildId, caller.userId(), event.getName()),
                privately,
                true,
                () -> registry.handle(invocation),
                new SlashResponder(event));
    }

    @Override
    public void onButtonInteraction(ButtonInteractionEvent event) {
        String customId = event.getComponentId();
        onComponent(event, "button", caller -> registry.press(customId, caller));
    }

    @Override
    public void onStringSelectInteraction(StringSelectInteractionEvent event) {
        String customId = event.getComponentId();
        List<String> values = List.copyOf(event.getValues());
        onComponent(event, "menu", caller -> registry.select(customId, values, caller));
    }

    /** Buttons and menus alike: routed by the command their id starts with, on the buttons' budget. */
    private void onComponent(
            GenericComponentInteractionCreateEvent event, String kind, Function<Caller, Reply> handler) {
        long guildId = event.getGuild() == null ? 0 : event.getGuild().getIdLong();
        Caller caller = moderators.caller(event.getUser(), event.getMember(), guildId);
        String command = ButtonId.commandOf(event.getComponentId());
        dispatcher.press(
                new Dispatcher.Context(guildId, caller.userId(), command),
                () -> handler.apply(caller),
                new ComponentResponder(event, kind));
    }

    @Override
    public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent event) {
        List<Suggester.Entry> entries = registry.autocomplete(
                event.getName(),
                event.getFocusedOption().getName(),
                event.getFocusedOption().getValue());
        List<Command.Choice> choices = entries.stream()
                .map(entry -> new Command.Choice(entry.label(), entry.value()))
                .toList();
        event.replyChoices(choices)
                .queue(
                        null,
                        failure -> LOG.warn(
                                "autocomplete for /{} not delivered: {}", event.getName(), failure.toString()));
    }

    private static void failed(String what, Throwable failure) {
        LOG.warn("{} not delivered: {}", what, failure.toString());
    }

    /** Remembers who a deferral was for, so the late answer goes to the same audience. */
    private abstract static class HookResponder implements Responder {
        private volatile boolean deferredPrivately;

        abstract net.dv8tion.jda.api.interactions.InteractionHook hook();

        abstract void deferOnDiscord(boolean ephemeral);

        @Override
        public final void defer(boolean ephemeral) {
            deferredPrivately = ephemeral;
            deferOnDiscord(ephemeral);
        }

        /** A private answer to a public deferral replaces the "thinking" message with a private one. */
        @Override
        public final void replyAfterDefer(Reply reply) {
            var hook = hook();
            if (reply.ephemeral() && !deferredPrivately) {
                hook.deleteOriginal().queue(null, failure -> failed("deferred answer", failure));
                hook.sendMessage(reply.message())
                        .setEphemeral(true)
                        .queue(null, failure -> failed("deferred answer", failure));
            } else {
                hook.editOriginal(MessageEditData.fromCreateData(reply.message()))
                        .queue(null, failure -> failed("deferred answer", failure));
            }
        }
    }

    /** Answers a slash command. */
    private static final class SlashResponder extends HookResponder {
        private final SlashCommandInteractionEvent event;

        SlashResponder(SlashCommandInteractionEvent event) {
            this.event = event;
        }

        @Override
        public void reply(Reply reply) {
            event.reply(reply.message())
                    .setEphemeral(reply.ephemeral())
                    .queue(null, failure -> failed("reply to /" + event.getName(), failure));
        }

        @Override
        void deferOnDiscord(boolean ephemeral) {
            event.deferReply(ephemeral).queue(null, failure -> failed("deferral of /" + event.getName(), failure));
        }

        @Override
        net.dv8tion.jda.api.interactions.InteractionHook hook() {
            return event.getHook();
        }
    }

    /**
     * Answers a button or a menu ({@code kind}, for the log): paging edits the message, anything else is a new
     * (usually private) message.
     */
    private static final class ComponentResponder extends HookResponder {
        private final GenericComponentInteractionCreateEvent event;
        private final String kind;

        ComponentResponder(GenericComponentInteractionCreateEvent event, String kind) {
            this.event = event;
            this.kind = kind;
        }

        @Override
        public void reply(Reply reply) {
            if (reply.updatesMessage()) {
                event.editMessage(MessageEditData.fromCreateData(reply.message()))
                        .queue(null, failure -> failed(kind + " update", failure));
            } else {
                event.reply(reply.message())
                        .setEphemeral(reply.ephemeral())
                        .queue(null, failure -> failed(kind + " reply", failure));
            }
        }

        @Override
        void deferOnDiscord(boolean ephemeral) {
            event.deferReply(ephemeral).queue(null, failure -> failed(kind + " deferral", failure));
        }

        @Override
        net.dv8tion.jda.api.interactions.InteractionHook hook() {
            return event.getHook();
        }
    }
}
