package dev.workshopbot.commands;

import dev.workshopbot.store.ProgressStore;
import java.time.Duration;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

/**
 * {@code /remind on|off}: a direct message when yesterday's reading is unmarked and the member's streak would break
 * tonight, at most one a day. Off unless the member turns it on.
 */
public final class RemindCommand implements SlashCommand {

    static final String NAME = "remind";

    private final ProgressStore store;
    private final Duration delay;

    public RemindCommand(ProgressStore store, Duration delay) {
        this.store = store;
        this.delay = delay;
    }

    @Override
    public SlashCommandData data() {
        return Commands.slash(NAME, "A direct message when your reading streak would break tonight")
                .addSubcommands(
                        new SubcommandData("on", "Remind me (at most once a day)"),
                        new SubcommandData("off", "No more reminders"));
    }

    @Override
    public boolean repliesPrivately() {
        return true;
    }

    @Override
    public Reply handle(Invocation invocation) {
        Caller caller = invocation.caller();
        String choice = invocation.subcommand() == null ? "" : invocation.subcommand();
        switch (choice) {
            case "on" -> {
                store.setRemind(caller.guildId(), caller.userId(), true);
                return Reply.privately(Messages.text("Reminders on: when yesterday's reading is still unmarked "
                        + hours(delay) + " after the daily post and your streak would break tonight, I send you a"
                        + " direct message, at most one a day. If your direct messages are closed to this server I"
                        + " stop trying until you run /remind on again."));
            }
            case "off" -> {
                store.setRemind(caller.guildId(), caller.userId(), false);
                return Reply.privately(Messages.text("Reminders off."));
            }
            default -> {
                return Messages.refusal("Use /remind on or /remind off.");
            }
        }
    }

    private static String hours(Duration delay) {
        long minutes = delay.toMinutes();
        return minutes % 60 == 0 ? minutes / 60 + " h" : minutes + " min";
    }
}
