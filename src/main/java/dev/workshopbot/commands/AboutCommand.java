package dev.workshopbot.commands;

import dev.workshopbot.content.Library;
import dev.workshopbot.search.Snapshot;
import dev.workshopbot.store.AuditLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.function.Supplier;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/** {@code /about}: bot version, content version and size, uptime. */
public final class AboutCommand implements SlashCommand {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final Supplier<Snapshot> content;
    private final Clock clock;
    private final Instant started;
    private final String botVersion;
    private final Supplier<Optional<AuditLog.Entry>> lastReload;

    /** {@code lastReload} is the audit entry of the last successful reload, if there was one. */
    public AboutCommand(
            Supplier<Snapshot> content, Clock clock, String botVersion, Supplier<Optional<AuditLog.Entry>> lastReload) {
        this.content = content;
        this.clock = clock;
        this.started = clock.instant();
        this.botVersion = botVersion;
        this.lastReload = lastReload;
    }

    @Override
    public SlashCommandData data() {
        return Commands.slash("about", "Bot and content versions, uptime");
    }

    @Override
    public boolean repliesPrivately() {
        return true;
    }

    @Override
    public Reply handle(Invocation invocation) {
        Library library = content.get().library();
        EmbedBuilder embed = Messages.titled("About workshop-bot", null)
                .setDescription("A study companion for this workshop: summaries, quotes, reading lists and search. "
                        + "Try /help.")
                .addField("Bot version", Markdown.escape(botVersion), true)
                .addField("Content version", "`" + library.shortVersion() + "`", true)
                .addField("Uptime", uptime(Duration.between(started, clock.instant())), true)
                .addField(
                        "Content",
                        count(library.pages().size(), "page") + " · "
                                + count(library.sections().size(), "section") + " · "
                                + count(library.links().size(), "link")
                                + " · " + count(library.quotes().size(), "quote") + " · "
                                + count(library.readingLists().size(), "reading list"),
                        false);
        lastReload
                .get()
                .ifPresent(reload -> embed.addField(
                        "Last reload",
                        Fit.cut(
                                WHEN.format(reload.at())
                                        + (reload.userId() == 0
                                                ? " (" + reload.door() + ")"
                                                : " by <@" + reload.userId() + ">"),
                                1024,
                                ""),
                        false));
        return Reply.privately(Messages.embed(embed));
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    static String uptime(Duration duration) {
        long days = duration.toDays();
        long hours = duration.toHoursPart();
        long minutes = duration.toMinutesPart();
        if (days > 0) {
            return days + "d " + hours + "h";
        }
        return hours > 0 ? hours + "h " + minutes + "m" : minutes + "m " + duration.toSecondsPart() + "s";
    }
}
