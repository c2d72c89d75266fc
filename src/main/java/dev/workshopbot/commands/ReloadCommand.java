package dev.workshopbot.commands;

import dev.workshopbot.reload.ContentReloader;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.interactions.commands.DefaultMemberPermissions;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/** {@code /reload}: moderators re-read the workshop; errors keep the old content, success reports the diff. */
public final class ReloadCommand implements SlashCommand {

    private static final int IDS_SHOWN = 5;

    private final ContentReloader reloader;
    private final ModeratorGate gate;

    public ReloadCommand(ContentReloader reloader, ModeratorGate gate) {
        this.reloader = reloader;
        this.gate = gate;
    }

    @Override
    public SlashCommandData data() {
        return Commands.slash("reload", "Moderators: re-read the workshop content without a restart")
                .setDefaultPermissions(DefaultMemberPermissions.enabledFor(Permission.MANAGE_SERVER));
    }

    @Override
    public boolean repliesPrivately() {
        return true;
    }

    @Override
    public Reply handle(Invocation invocation) {
        Caller caller = invocation.caller();
        Optional<Reply> refusal = gate.refuse(caller, "/reload");
        if (refusal.isPresent()) {
            return refusal.get();
        }
        ContentReloader.Result result = reloader.reloadUnlessBusy(
                new ContentReloader.Requester(caller.guildId(), caller.userId(), ContentReloader.Door.SLASH));
        return Reply.privately(Messages.embed(report(result)));
    }

    /** The reload report: what changed by id, or every problem with file and line. */
    public static EmbedBuilder report(ContentReloader.Result result) {
        ReloadReport report = ReloadReport.of(
                result, IDS_SHOWN, id -> "`" + Fit.cut(id, 80, "").replace("`", "'") + "`");
        EmbedBuilder embed = Messages.titled(report.title(), null)
                .setDescription(report.problems().isEmpty() ? report.description() : problems(report.problems()));
        for (ReloadReport.Part part : report.parts()) {
            embed.addField(part.kind(), Fit.cut(String.join("\n", part.lines()), Messages.FIELD_VALUE_MAX, ""), false);
        }
        return report.footer() == null ? embed : embed.setFooter(report.footer());
    }

    /** Every problem as {@code path:line: message}, cut to fit with the count of the rest. */
    static String problems(List<String> problems) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < problems.size(); i++) {
            String line = "`" + Fit.cut(problems.get(i), 300, "").replace("`", "'") + "`\n";
            String rest = "…" + Fit.andMore(problems.size() - i) + " (run `validate` to see them all)";
            if (out.length() + line.length() + rest.length() > Messages.DESCRIPTION_MAX - 100) {
                out.append(rest);
                break;
            }
            out.append(line);
        }
        return out.toString().strip();
    }
}
