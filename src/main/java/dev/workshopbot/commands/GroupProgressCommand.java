package dev.workshopbot.commands;

import dev.workshopbot.progress.GroupProgress;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.interactions.commands.DefaultMemberPermissions;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/**
 * {@code /group-progress}, for moderators: for the last 14 plan days, how many members read each day's reading and
 * how many messages its discussion thread has; members active this week; and the streak leaderboard when
 * {@code progress.leaderboard} is on (members who made their progress public only). The moderator check runs on
 * the command and again on its Refresh button.
 */
public final class GroupProgressCommand implements SlashCommand {

    static final String NAME = "group-progress";

    private final GroupProgress group;
    private final ModeratorGate gate;

    public GroupProgressCommand(GroupProgress group, ModeratorGate gate) {
        this.group = group;
        this.gate = gate;
    }

    @Override
    public SlashCommandData data() {
        return Commands.slash(NAME, "Moderators: how the group keeps up with the reading")
                .setDefaultPermissions(DefaultMemberPermissions.enabledFor(Permission.MANAGE_SERVER));
    }

    @Override
    public boolean repliesPrivately() {
        return true;
    }

    @Override
    public Reply handle(Invocation invocation) {
        return report(invocation.caller(), "/group-progress");
    }

    @Override
    public Reply press(String customId, Caller caller) {
        return report(caller, "/group-progress (refresh)");
    }

    private Reply report(Caller caller, String door) {
        Optional<Reply> refusal = gate.refuse(caller, door);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        GroupProgress.Report report = group.report(caller.guildId());
        EmbedBuilder embed = Messages.titled("Group progress", null);
        StringBuilder days = new StringBuilder();
        if (report.days().isEmpty()) {
            days.append("No daily posts yet: set them up with /daily set.");
        }
        for (GroupProgress.Day day : report.days()) {
            days.append("Day ")
                    .append(day.number())
                    .append(" · ")
                    .append(day.date())
                    .append(" · ")
                    .append(day.readers())
                    .append(day.readers() == 1 ? " member read it" : " members read it")
                    .append(" · ")
                    .append(day.messages().isPresent() ? day.messages().getAsInt() + " in its thread" : "thread —")
                    .append('\n');
        }
        embed.setDescription(Fit.cut(days.toString().strip(), Messages.DESCRIPTION_MAX - 200, ""));
        embed.addField(
                "Members",
                report.activeThisWeek() + " marked something in the last 7 days; " + report.readers()
                        + " have marked anything at all.",
                false);
        if (!report.leaders().isEmpty()) {
            StringBuilder leaders = new StringBuilder();
            int place = 1;
            for (GroupProgress.Leader leader : report.leaders()) {
                leaders.append(place++)
                        .append(". <@")
                        .append(leader.userId())
                        .append("> · ")
                        .append(leader.current())
                        .append(" (longest ")
                        .append(leader.longest())
                        .append(")\n");
            }
            embed.addField(
                    "Streaks (members who share their progress)",
                    leaders.toString().strip(),
                    false);
        }
        embed.setFooter("Counted on plan days, in this server's time zone. Thread counts come from Discord.");
        Button refresh = Button.secondary(ButtonId.of(NAME, "-", "refresh").encode(), "Refresh");
        return Reply.privately(Messages.embed(embed, List.of(refresh)));
    }
}
