package dev.workshopbot.commands;

import dev.workshopbot.content.LibraryDiff;
import dev.workshopbot.content.Problem;
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
        String versions = "`" + shortVersion(result.oldVersion()) + "` → `" + shortVersion(result.newVersion()) + "`";
        return switch (result.outcome()) {
            case BUSY -> Messages.titled("A reload is already running", null)
                    .setDescription("Try again in a moment; the running reload will report when it is done.");
            case UNCHANGED -> Messages.titled("No change", null)
                    .setDescription("The content is the same as what is being served (`"
                            + shortVersion(result.oldVersion()) + "`).");
            case REFUSED -> Messages.titled("Reload refused: still serving the old content", null)
                    .setDescription(problems(result.problems()))
                    .setFooter("Fix these and run /reload again · still serving " + shortVersion(result.oldVersion()));
            case SWAPPED -> {
                LibraryDiff diff = result.diff();
                EmbedBuilder embed = Messages.titled("Reloaded", null).setDescription("Content " + versions
                        + (diff.isEmpty() ? "\nOnly formatting changed: no page, section, link, quote or list did." : ""));
                field(embed, "Pages", diff.pages());
                field(embed, "Sections", diff.sections());
                field(embed, "Links", diff.links());
                field(embed, "Quotes", diff.quotes());
                field(embed, "Reading lists", diff.readingLists());
                yield embed;
            }
        };
    }

    private static void field(EmbedBuilder embed, String name, LibraryDiff.Change change) {
        if (change.isEmpty()) {
            return;
        }
        String value = line("added", change.added()) + line("removed", change.removed())
                + line("changed", change.changed());
        embed.addField(name, Fit.cut(value.strip(), Messages.FIELD_VALUE_MAX, ""), false);
    }

    private static String line(String what, List<String> ids) {
        if (ids.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(what + " " + ids.size() + ": ");
        ids.stream().limit(IDS_SHOWN).forEach(id -> out.append('`').append(Fit.cut(id, 80, "").replace("`", "'"))
                .append("` "));
        if (ids.size() > IDS_SHOWN) {
            out.append("and ").append(ids.size() - IDS_SHOWN).append(" more");
        }
        return out.toString().strip() + "\n";
    }

    /** Every problem as {@code path:line: message}, cut to fit with the count of the rest. */
    static String problems(List<Problem> problems) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < problems.size(); i++) {
            String line = "`" + Fit.cut(problems.get(i).toString(), 300, "").replace("`", "'") + "`\n";
            String rest = "…and " + (problems.size() - i) + " more (run `validate` to see them all)";
            if (out.length() + line.length() + rest.length() > Messages.DESCRIPTION_MAX - 100) {
                out.append(rest);
                break;
            }
            out.append(line);
        }
        return out.toString().strip();
    }

    private static String shortVersion(String version) {
        return version.substring(0, Math.min(12, version.length()));
    }
}
