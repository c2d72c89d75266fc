package dev.workshopbot.commands;

import dev.workshopbot.content.Library;
import dev.workshopbot.content.ReadingPlan;
import dev.workshopbot.content.Section;
import dev.workshopbot.progress.ProgressSystem;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/**
 * {@code /progress [member] [visibility] [forget]}: what a member has read (sections per page, streaks, what is
 * next), privately; another member's only when they made it public. Also owns the "Mark as read" buttons of section
 * cards and daily posts, their "Undo", and the confirmation of {@code forget}.
 */
public final class ProgressCommand implements SlashCommand {

    static final String NAME = "progress";
    private static final int BAR = 5;
    private static final int PAGE_LINES = 20;

    private final Supplier<Library> content;
    private final ProgressSystem progress;

    public ProgressCommand(Supplier<Library> content, ProgressSystem progress) {
        this.content = content;
        this.progress = progress;
    }

    /** The "Mark as read" button of a section card. */
    static Button markSection(Library library, Section section) {
        return Button.success(
                ButtonId.of(NAME, library.version(), "read", "s", library.handle(section))
                        .encode(),
                "Mark as read");
    }

    /** The "Mark as read" button of a daily post: every section of that plan day. */
    static Button markDay(Library library, int planDay) {
        return Button.success(
                ButtonId.of(NAME, library.version(), "read", "d", String.valueOf(planDay))
                        .encode(),
                "Mark as read");
    }

    @Override
    public SlashCommandData data() {
        return Commands.slash(NAME, "What you have read of the workshop, your streak and what is next")
                .addOptions(
                        new OptionData(OptionType.USER, "member", "Another member, if they made theirs public"),
                        new OptionData(OptionType.STRING, "visibility", "Who may see your progress")
                                .setMaxLength(10)
                                .addChoice("public: members may look", "public")
                                .addChoice("private: only you (default)", "private"),
                        new OptionData(OptionType.BOOLEAN, "forget", "Delete everything kept about you here"));
    }

    @Override
    public boolean repliesPrivately() {
        return true;
    }

    @Override
    public Reply handle(Invocation invocation) {
        Caller caller = invocation.caller();
        if (invocation.option("forget").map(Boolean::parseBoolean).orElse(false)) {
            return confirmForget();
        }
        Optional<String> visibility = invocation.option("visibility");
        if (visibility.isPresent()) {
            String chosen = visibility.get().toLowerCase(Locale.ROOT);
            if (!chosen.equals("public") && !chosen.equals("private")) {
                return Messages.refusal("visibility: choose public or private.");
            }
            progress.setPublic(caller.guildId(), caller.userId(), chosen.equals("public"));
            return Reply.privately(Messages.text(
                    chosen.equals("public")
                            ? "Your progress is now public: members of this server can see it with /progress member:."
                            : "Your progress is private again: only you can see it."));
        }
        Optional<String> member = invocation.option("member");
        if (member.isPresent() && !member.get().equals(String.valueOf(caller.userId()))) {
            long other;
            try {
                other = Long.parseUnsignedLong(member.get());
            } catch (NumberFormatException e) {
                return Messages.refusal("member: pick a member of this server from the list.");
            }
            if (!progress.isPublic(caller.guildId(), other)) {
                return Messages.refusal("member: that member's progress is private. They can share it with "
                        + "/progress visibility:public.");
            }
            return report(caller.guildId(), other, "Their reading progress");
        }
        return report(caller.guildId(), caller.userId(), "Your reading progress");
    }

    @Override
    public Reply press(String customId, Caller caller) {
        Library library = content.get();
        Optional<ButtonId> parsed = ButtonId.parse(customId, 2);
        if (parsed.isEmpty()) {
            return Messages.refusal("That button no longer does anything. Run /progress again.");
        }
        ButtonId button = parsed.get();
        if (button.action().equals("forget")) {
            int rows = progress.forget(caller.guildId(), caller.userId());
            return Reply.update(Messages.text(
                    rows == 0
                            ? "There was nothing about you to delete in this server."
                            : "Done: everything the bot kept about you in this server is deleted (" + rows
                                    + (rows == 1 ? " record)." : " records).")));
        }
        Optional<Target> target = target(library, button.arg(0), button.arg(1));
        if (target.isEmpty()) {
            return Messages.refusal("That reading is no longer in the workshop (the content was updated). "
                    + "See what is there now with /plan or /sections.");
        }
        Target read = target.get();
        if (button.action().equals("undo")) {
            int removed = progress.undo(caller.guildId(), caller.userId(), read.keys());
            return Reply.privately(Messages.text(
                    removed == 0
                            ? "It was not marked as read."
                            : "Unmarked: " + read.title() + ". Mark it again whenever you like."));
        }
        if (!button.action().equals("read")) {
            return Messages.refusal("That button no longer does anything. Run /progress again.");
        }
        int added = progress.mark(caller.guildId(), caller.userId(), read.keys());
        ProgressSystem.Report report = progress.report(caller.guildId(), caller.userId());
        String text = added == 0
                ? "Already marked as read: " + read.title() + "."
                : "Marked as read: " + read.title() + ". " + report.read() + " of " + report.total()
                        + " sections read; streak " + days(report.streaks().current()) + ".";
        Button undo = Button.secondary(
                ButtonId.of(NAME, library.version(), "undo", button.arg(0), button.arg(1))
                        .encode(),
                "Undo");
        return Reply.privately(Messages.embed(
                Messages.titled(added == 0 ? "Already read" : "Marked as read", null)
                        .setDescription(text),
                List.of(undo)));
    }

    /** What a button marks: one section ({@code s}) or a plan day ({@code d}), with the title to say so. */
    private record Target(List<String> keys, String title) {}

    private static Optional<Target> target(Library library, String kind, String arg) {
        if (kind.equals("s")) {
            return library.section(arg)
                    .map(section -> new Target(
                            List.of(section.key()), "**" + Markdown.escape(library.displayTitle(section)) + "**"));
        }
        if (kind.equals("d")) {
            List<ReadingPlan.Day> days = library.plan().days();
            try {
                int day = Integer.parseInt(arg);
                if (day >= 0 && day < days.size()) {
                    return Optional.of(
                            new Target(ProgressSystem.keysOf(days.get(day), day), "day " + (day + 1) + "'s reading"));
                }
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private Reply confirmForget() {
        Button confirm =
                Button.danger(ButtonId.of(NAME, "-", "forget", "-", "-").encode(), "Delete my progress");
        return Reply.privately(Messages.embed(
                Messages.titled("Forget me in this server?", null)
                        .setDescription("This deletes the sections you marked as read, your streaks and your "
                                + "choices (visibility, reminders) in this server. It cannot be undone."),
                List.of(confirm)));
    }

    private Reply report(long guildId, long userId, String title) {
        Library library = content.get();
        ProgressSystem.Report report = progress.report(guildId, userId);
        StringBuilder lines = new StringBuilder();
        lines.append("**")
                .append(report.read())
                .append(" of ")
                .append(report.total())
                .append(" sections read**\n\n");
        int shown = 0;
        for (ProgressSystem.PageProgress page : report.pages()) {
            if (shown++ == PAGE_LINES) {
                lines.append("… and ")
                        .append(report.pages().size() - PAGE_LINES)
                        .append(" more pages\n");
                break;
            }
            lines.append(bar(page.read(), page.total()))
                    .append(' ')
                    .append(page.read())
                    .append('/')
                    .append(page.total())
                    .append(" · ")
                    .append(Markdown.escape(Fit.cut(page.page().title(), 80, "")))
                    .append('\n');
        }
        EmbedBuilder embed = Messages.titled(title, null)
                .setDescription(Fit.cut(lines.toString().strip(), Messages.DESCRIPTION_MAX - 100, ""));
        embed.addField(
                "Streak",
                "current " + days(report.streaks().current()) + " · longest "
                        + days(report.streaks().longest())
                        + "\nCounted on the plan's days, in this server's time zone.",
                false);
        List<Button> buttons = List.of();
        if (report.next().isPresent()) {
            Section next = report.next().get();
            embed.addField("Next", Markdown.link(Fit.cut(library.displayTitle(next), 200, ""), next.url()), false);
            buttons = List.of(Button.primary(
                    ButtonId.of(SectionCommand.NAME, library.version(), "full", library.handle(next), "open")
                            .encode(),
                    "Open"));
        } else {
            embed.addField("Next", "Everything is read. Well done!", false);
        }
        return Reply.privately(Messages.embed(embed, buttons));
    }

    static String bar(int read, int total) {
        int filled = total == 0 ? 0 : (int) Math.round((double) BAR * read / total);
        if (read > 0 && filled == 0) {
            filled = 1;
        }
        return "▰".repeat(filled) + "▱".repeat(BAR - filled);
    }

    private static String days(int days) {
        return days == 1 ? "1 day" : days + " days";
    }
}
