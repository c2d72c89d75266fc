package dev.workshopbot.commands;

import dev.workshopbot.daily.DailyPost;
import dev.workshopbot.daily.DailySystem;
import dev.workshopbot.daily.TimeZones;
import dev.workshopbot.search.Suggester;
import dev.workshopbot.store.GuildSettings;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.interactions.commands.DefaultMemberPermissions;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

/** {@code /daily set|pause|resume|skip|preview|status}: the server's daily reading post, for moderators only. */
public final class DailyCommand implements SlashCommand {

    static final String NAME = "daily";
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", Locale.ENGLISH);

    private final DailySystem daily;
    private final ModeratorGate gate;
    private final TimeZones zones = new TimeZones();

    public DailyCommand(DailySystem daily, ModeratorGate gate) {
        this.daily = daily;
        this.gate = gate;
    }

    @Override
    public SlashCommandData data() {
        return Commands.slash(NAME, "Moderators: the daily reading post")
                .setDefaultPermissions(DefaultMemberPermissions.enabledFor(Permission.MANAGE_SERVER))
                .addSubcommands(
                        new SubcommandData("set", "Where and when to post each day")
                                .addOptions(
                                        new OptionData(OptionType.CHANNEL, "channel", "Channel for the posts", true)
                                                .setChannelTypes(ChannelType.TEXT, ChannelType.NEWS),
                                        new OptionData(OptionType.STRING, "time", "Local time, HH:mm (24-hour)", false)
                                                .setMaxLength(5),
                                        new OptionData(
                                                        OptionType.STRING,
                                                        "timezone",
                                                        "IANA time zone, e.g. Europe/Berlin",
                                                        false,
                                                        true)
                                                .setMaxLength(40)),
                        new SubcommandData("pause", "Stop posting until resumed"),
                        new SubcommandData("resume", "Start posting again"),
                        new SubcommandData("skip", "Move the plan one day ahead without posting"),
                        new SubcommandData("preview", "Show the next post, only to you"),
                        new SubcommandData("status", "Channel, time, zone, next post and day"));
    }

    @Override
    public boolean repliesPrivately() {
        return true;
    }

    @Override
    public List<Suggester.Entry> autocomplete(String option, String typed) {
        return zones.suggest(typed, Suggester.MAX_CHOICES).stream()
                .map(zone -> new Suggester.Entry(zone, zone))
                .toList();
    }

    /** The subcommands of {@code /daily}, by the name Discord sends. */
    enum Subcommand {
        SET,
        PAUSE,
        RESUME,
        SKIP,
        PREVIEW,
        STATUS;

        final String shown = name().toLowerCase(Locale.ROOT);

        /** The subcommand named, {@code status} when none is (the console may leave it out). */
        static Optional<Subcommand> named(String name) {
            if (name == null) {
                return Optional.of(STATUS);
            }
            return Arrays.stream(values()).filter(sub -> sub.shown.equals(name)).findFirst();
        }
    }

    @Override
    public Reply handle(Invocation invocation) {
        Caller caller = invocation.caller();
        Optional<Subcommand> named = Subcommand.named(invocation.subcommand());
        if (named.isEmpty()) {
            return Messages.refusal("/daily has no subcommand '" + Markdown.escape(invocation.subcommand())
                    + "'; use one of "
                    + Arrays.stream(Subcommand.values()).map(sub -> sub.shown).toList() + ".");
        }
        Subcommand sub = named.get();
        Optional<Reply> refusal = gate.refuse(caller, "/daily " + sub.shown);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        long guild = caller.guildId();
        try {
            return switch (sub) {
                case SET -> {
                    GuildSettings settings = daily.set(
                            guild,
                            invocation.option("channel").orElse(null),
                            invocation.option("time").orElse(null),
                            invocation.option("timezone").orElse(null),
                            invocation.channels());
                    yield done("Daily posts go to <#" + settings.channelId() + "> at " + settings.time() + " ("
                            + settings.zone().getId() + "). " + next(guild));
                }
                case PAUSE -> {
                    daily.pause(guild);
                    yield done("Daily posts are paused. /daily resume starts them again.");
                }
                case RESUME -> {
                    daily.resume(guild);
                    yield done("Daily posts are on again. " + next(guild));
                }
                case SKIP -> {
                    daily.skip(guild);
                    yield done("Skipped a day of the plan. " + next(guild));
                }
                case PREVIEW -> preview(guild);
                case STATUS -> status(guild);
            };
        } catch (DailySystem.BadValue e) {
            return Messages.refusal(e.getMessage());
        }
    }

    /** A change made, answered to the moderator only. */
    private static Reply done(String content) {
        return Reply.privately(Messages.text(content));
    }

    private String next(long guild) {
        DailySystem.Status status = daily.status(guild);
        if (status.planFinished()) {
            return "The reading plan is finished.";
        }
        return "Next: day " + status.nextDay() + " of " + status.totalDays() + " on "
                + WHEN.format(status.nextPost().atZone(status.settings().zone())) + ".";
    }

    private Reply preview(long guild) {
        DailyPost post = daily.preview(guild);
        return Reply.privately(DailyPosts.render(post));
    }

    private Reply status(long guild) {
        DailySystem.Status status = daily.status(guild);
        GuildSettings settings = status.settings();
        EmbedBuilder embed = Messages.titled("Daily reading", null);
        if (!status.configured()) {
            embed.setDescription(
                    "Not set up yet. Start with `/daily set channel:#reading time:09:00 " + "timezone:Europe/Berlin`.");
            return Reply.privately(Messages.embed(embed));
        }
        String state = settings.paused()
                ? "Paused"
                        + (settings.pauseReason() == null
                                ? ""
                                : ": " + Markdown.escape(settings.pauseReason())
                                        + ". Fix it, then /daily set or /daily resume.")
                : "On";
        embed.addField("Channel", "<#" + settings.channelId() + ">", true)
                .addField("Time", settings.time() + " " + settings.zone().getId(), true)
                .addField("State", Fit.cut(state, Messages.FIELD_VALUE_MAX, ""), true)
                .addField(
                        "Next post",
                        status.planFinished()
                                ? "The plan is finished"
                                : "Day " + status.nextDay() + " of " + status.totalDays() + ", "
                                        + WHEN.format(status.nextPost().atZone(settings.zone())),
                        false);
        embed.addField(
                "Last post",
                status.lastPost()
                        .map(last -> last.localDate() + " (day " + (last.planDay() + 1) + ")"
                                + (last.isDone() ? "" : ", not confirmed yet: sending, or waiting to be retried"))
                        .orElse("None sent yet"),
                false);
        return Reply.privately(Messages.embed(embed));
    }
}
