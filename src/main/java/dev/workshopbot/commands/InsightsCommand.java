package dev.workshopbot.commands;

import dev.workshopbot.store.Insights;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.interactions.commands.DefaultMemberPermissions;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/**
 * {@code /insights}, for moderators: the last seven days of questions — most asked, unanswered (nothing close, or
 * marked not helpful) and the most opened sections. Questions are shown as the words they were searched by; who
 * asked is never stored.
 */
public final class InsightsCommand implements SlashCommand {

    static final String NAME = "insights";
    static final Duration WINDOW = Duration.ofDays(7);
    private static final int TOP = 10;

    private final Insights insights;
    private final ModeratorGate gate;

    public InsightsCommand(Insights insights, ModeratorGate gate) {
        this.insights = insights;
        this.gate = gate;
    }

    @Override
    public SlashCommandData data() {
        return Commands.slash(NAME, "Moderators: what the group asked and opened in the last 7 days")
                .setDefaultPermissions(DefaultMemberPermissions.enabledFor(Permission.MANAGE_SERVER));
    }

    @Override
    public boolean repliesPrivately() {
        return true;
    }

    @Override
    public Reply handle(Invocation invocation) {
        return report(invocation.caller(), "/insights");
    }

    /** The Refresh button: the moderator check runs again, so a member given the message still sees nothing. */
    @Override
    public Reply press(String customId, Caller caller) {
        return report(caller, "/insights (refresh)");
    }

    private Reply report(Caller caller, String door) {
        Optional<Reply> refusal = gate.refuse(caller, door);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        Insights.Report report = insights.report(WINDOW, TOP);
        EmbedBuilder embed = Messages.titled("Insights · last 7 days", null)
                .setDescription(
                        report.questions() == 0
                                ? "No questions asked in the last 7 days (or insights are off: `insights.enabled`)."
                                : report.questions() + (report.questions() == 1 ? " question" : " questions")
                                        + " asked with /ask and /search. Questions are kept as their search words, without"
                                        + " who asked.");
        embed.addField("Most asked", lines(report.mostAsked()), false);
        embed.addField("Unanswered or not helpful", lines(report.unanswered()), false);
        embed.addField("Most opened sections", lines(report.mostOpened()), false);
        Button refresh = Button.secondary(ButtonId.of(NAME, "-", "refresh").encode(), "Refresh");
        return Reply.privately(Messages.embed(embed, List.of(refresh)));
    }

    private static String lines(List<Insights.Count> counts) {
        if (counts.isEmpty()) {
            return "—";
        }
        StringBuilder out = new StringBuilder();
        for (Insights.Count count : counts) {
            out.append(count.times())
                    .append(" × ")
                    .append(Markdown.code(Fit.cut(count.what(), 80, "")))
                    .append('\n');
        }
        return Fit.cut(out.toString().strip(), Messages.FIELD_VALUE_MAX, "");
    }
}
