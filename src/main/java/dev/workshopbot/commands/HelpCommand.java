package dev.workshopbot.commands;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/** {@code /help}: what each command does, from the same definitions Discord receives. */
public final class HelpCommand implements SlashCommand {

    private final List<SlashCommand> others;

    /** Help for {@code others} and for itself, listed in that order. */
    public HelpCommand(List<SlashCommand> others) {
        this.others = List.copyOf(others);
    }

    @Override
    public SlashCommandData data() {
        return Commands.slash("help", "What each command does");
    }

    @Override
    public boolean repliesPrivately() {
        return true;
    }

    @Override
    public Reply handle(Invocation invocation) {
        String lines = Stream.concat(others.stream(), Stream.of(this))
                .map(command -> {
                    SlashCommandData data = command.data();
                    String options =
                            data.getOptions().stream().map(HelpCommand::option).collect(Collectors.joining(" "));
                    String subcommands = data.getSubcommands().stream()
                            .map(sub -> sub.getName())
                            .collect(Collectors.joining(" | "));
                    String usage = "/" + data.getName() + (options.isEmpty() ? "" : " " + options)
                            + (subcommands.isEmpty() ? "" : " " + subcommands);
                    return "`" + usage + "` — " + Markdown.escape(data.getDescription());
                })
                .collect(Collectors.joining("\n"));
        EmbedBuilder embed = Messages.titled("workshop-bot commands", null)
                .setDescription(Fit.cut(lines, Messages.DESCRIPTION_MAX, ""))
                .setFooter("Options in [brackets] are optional. Start typing a name to get suggestions.");
        return Reply.privately(Messages.embed(embed));
    }

    private static String option(OptionData option) {
        return option.isRequired() ? option.getName() + ":…" : "[" + option.getName() + ":…]";
    }
}
