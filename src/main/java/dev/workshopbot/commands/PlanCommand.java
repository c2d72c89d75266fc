package dev.workshopbot.commands;

import dev.workshopbot.content.Library;
import dev.workshopbot.content.ReadingPlan;
import dev.workshopbot.content.Section;
import dev.workshopbot.daily.DailySystem;
import dev.workshopbot.daily.PlanOutlook;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.selections.SelectOption;
import net.dv8tion.jda.api.components.selections.StringSelectMenu;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/**
 * {@code /plan}: where the group is in the reading plan (day N of M, from the server's post log), today's reading and
 * the next days with the dates they post on. Another day's reading is picked from a menu, and a section of that day
 * from a second one.
 */
public final class PlanCommand implements SlashCommand {

    static final String NAME = "plan";
    static final int UPCOMING_DAYS = 7;
    private static final int LINK_TITLE_MAX = 200;
    private static final int SUMMARY_MAX = 200;
    private static final int READING_MAX = 3000;
    private static final int LINE_TITLE_MAX = 60;
    private static final int PROMPT_MAX = 1000;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

    private final Supplier<Library> content;
    private final DailySystem daily;

    public PlanCommand(Supplier<Library> content, DailySystem daily) {
        this.content = content;
        this.daily = daily;
    }

    @Override
    public SlashCommandData data() {
        return Commands.slash(NAME, "Where the group is in the reading plan: today's reading and the next days");
    }

    /** Outside a server there is no group to show it to. */
    @Override
    public boolean repliesPrivately(Invocation invocation) {
        return invocation.caller().guildId() == 0;
    }

    @Override
    public Reply handle(Invocation invocation) {
        Library library = content.get();
        List<ReadingPlan.Day> days = library.plan().days();
        if (days.isEmpty()) {
            return Messages.refusal(
                    "This workshop has no reading plan days. /sections lists everything there is to " + "read.");
        }
        long guild = invocation.caller().guildId();
        PlanOutlook outlook = daily.outlook(guild, UPCOMING_DAYS);
        int current = outlook.current();
        List<Section> sections = sections(library, days.get(current));
        EmbedBuilder embed = Messages.titled(
                        title(library, current, days.size(), sections),
                        sections.isEmpty() ? null : sections.get(0).url())
                .setDescription(Fit.cut(
                        where(outlook, guild) + "\n\n**Today's reading**\n" + reading(library, sections),
                        READING_MAX,
                        ""));
        discuss(embed, days.get(current));
        embed.addField(upcomingTitle(outlook), upcoming(library, outlook), false);
        embed.setFooter(Fit.cut(
                (outlook.start() == PlanOutlook.Start.NOT_SCHEDULED
                                ? ""
                                : "Dates in " + outlook.zone().getId() + " · ") + "content " + library.shortVersion(),
                Messages.FOOTER_MAX,
                ""));
        MessageCreateData message = Messages.embed(
                embed, List.of(ProgressCommand.markDay(library, current)), List.of(dayMenu(library, outlook)));
        return repliesPrivately(invocation) ? Reply.privately(message) : Reply.visible(message);
    }

    @Override
    public Reply select(String customId, List<String> values, Caller caller) {
        Library library = content.get();
        Optional<ButtonId> parsed = ButtonId.parse(customId, 1);
        if (parsed.isEmpty() || values.isEmpty()) {
            return Messages.refusal("That menu no longer does anything. Run /plan again.");
        }
        ButtonId menu = parsed.get();
        String picked = values.get(0);
        String changed = menu.isFrom(library.version())
                ? ""
                : "The workshop was updated since that menu was made; this is the current plan.\n";
        return switch (menu.action()) {
            case "day" -> day(library, picked, changed);
            case "section" ->
                library.section(picked)
                        .map(section -> Reply.privately(SectionCommand.card(library, section)))
                        .orElseGet(() -> Messages.refusal("That section is no longer in the workshop (the content "
                                + "was updated). Run /plan again, or find it with /sections."));
            default -> Messages.refusal("That menu no longer does anything. Run /plan again.");
        };
    }

    /** One day's reading, for the member who picked it, with a menu of its sections. */
    private static Reply day(Library library, String picked, String changed) {
        List<ReadingPlan.Day> days = library.plan().days();
        int index;
        try {
            index = Integer.parseInt(picked);
        } catch (NumberFormatException e) {
            index = -1;
        }
        if (index < 0 || index >= days.size()) {
            return Messages.refusal("That day is no longer in the reading plan (the workshop was updated; the plan "
                    + "has " + days.size() + (days.size() == 1 ? " day" : " days") + " now). Run /plan again.");
        }
        List<Section> sections = sections(library, days.get(index));
        EmbedBuilder embed = Messages.titled(
                        title(library, index, days.size(), sections),
                        sections.isEmpty() ? null : sections.get(0).url())
                .setDescription(Fit.cut(reading(library, sections), READING_MAX, ""));
        discuss(embed, days.get(index));
        embed.setFooter(Fit.cut(
                changed + (sections.isEmpty() ? "" : "Pick a section below to open it · ") + "content "
                        + library.shortVersion(),
                Messages.FOOTER_MAX,
                ""));
        List<StringSelectMenu> menus = sections.isEmpty() ? List.of() : List.of(sectionMenu(library, index, sections));
        return Reply.privately(Messages.embed(embed, List.of(), menus));
    }

    private static List<Section> sections(Library library, ReadingPlan.Day day) {
        return day.sections().stream()
                .map(library::section)
                .flatMap(Optional::stream)
                .distinct()
                .toList();
    }

    private static String title(Library library, int index, int total, List<Section> sections) {
        return "Day " + (index + 1) + " of " + total
                + (sections.isEmpty() ? "" : ": " + library.displayTitle(sections.get(0)));
    }

    /** Where the group is, and why it is there when nothing was posted yet. */
    private static String where(PlanOutlook outlook, long guild) {
        String at = "**day " + (outlook.current() + 1) + " of " + outlook.total() + "**";
        String where = switch (outlook.start()) {
            case POSTED ->
                "The group is at " + at
                        + outlook.currentDate()
                                .map(date -> ", posted " + relative(date, outlook.today()) + ".")
                                .orElse(".");
            case NOT_STARTED ->
                "No daily post yet, so the group is at " + at
                        + outlook.currentDate()
                                .map(date -> "; it posts " + relative(date, outlook.today()) + ".")
                                .orElse(".");
            case NOT_SCHEDULED ->
                guild == 0
                        ? "Outside a server there are no daily posts, so this is the plan from " + at + "."
                        : "Daily posts are not set up in this server, so the group is at " + at
                                + ". A moderator can start them with /daily set.";
        };
        return outlook.paused()
                ? where + " Daily posts are paused; a moderator can resume them with /daily resume."
                : where;
    }

    /** "today", "yesterday", "tomorrow" or "on Wed 7 Jan". */
    private static String relative(LocalDate date, LocalDate today) {
        if (date.equals(today)) {
            return "today";
        }
        if (date.equals(today.minusDays(1))) {
            return "yesterday";
        }
        if (date.equals(today.plusDays(1))) {
            return "tomorrow";
        }
        return "on " + DATE.format(date);
    }

    /** The sections linked with their titles, each with its summary cut short. */
    private static String reading(Library library, List<Section> sections) {
        if (sections.isEmpty()) {
            return "*(No sections on this day.)*";
        }
        StringBuilder out = new StringBuilder();
        for (Section section : sections) {
            out.append("**")
                    .append(Markdown.link(Fit.cut(library.displayTitle(section), LINK_TITLE_MAX, ""), section.url()))
                    .append("**\n");
            if (!section.summary().isBlank()) {
                out.append(Fit.cut(Markdown.escape(section.summary()), SUMMARY_MAX, ""))
                        .append('\n');
            }
            out.append('\n');
        }
        return out.toString().strip();
    }

    private static void discuss(EmbedBuilder embed, ReadingPlan.Day day) {
        if (day.prompt() != null && !day.prompt().isBlank()) {
            embed.addField("Discuss", Fit.cut(Markdown.escape(day.prompt()), PROMPT_MAX, ""), false);
        }
    }

    private static String upcomingTitle(PlanOutlook outlook) {
        int shown = outlook.upcoming().size();
        return shown == 0 ? "After today" : "The next " + (shown == 1 ? "day" : shown + " days");
    }

    /** One line per upcoming day: its number, when it posts, its first section; and where the plan ends. */
    private static String upcoming(Library library, PlanOutlook outlook) {
        List<ReadingPlan.Day> days = library.plan().days();
        StringBuilder out = new StringBuilder();
        for (PlanOutlook.Upcoming next : outlook.upcoming()) {
            List<Section> sections = sections(library, days.get(next.index()));
            out.append("**Day ").append(next.index() + 1).append("** · ").append(when(next, outlook.today()));
            if (!sections.isEmpty()) {
                out.append(" · ")
                        .append(Markdown.escape(Fit.cut(library.displayTitle(sections.get(0)), LINE_TITLE_MAX, "")));
            }
            out.append('\n');
        }
        boolean endsInView = outlook.upcoming().isEmpty()
                || outlook.upcoming().get(outlook.upcoming().size() - 1).index() == outlook.total() - 1;
        if (outlook.upcoming().isEmpty() && !outlook.loops()) {
            out.append("Nothing: day ").append(outlook.total()).append(" is the last day of the plan.");
        } else if (endsInView && !outlook.loops()) {
            out.append("The plan ends with day ").append(outlook.total()).append('.');
        }
        return Fit.cut(out.toString().strip(), Messages.FIELD_VALUE_MAX, "");
    }

    private static String when(PlanOutlook.Upcoming next, LocalDate today) {
        return switch (next.when()) {
            case ON_DATE -> {
                LocalDate date = next.date().orElseThrow();
                String shown = DATE.format(date);
                yield date.equals(today)
                        ? shown + " (today)"
                        : date.equals(today.plusDays(1)) ? shown + " (tomorrow)" : shown;
            }
            case SKIPPED -> "skipped";
            case PAUSED -> "paused";
            case NOT_SCHEDULED -> "not scheduled";
        };
    }

    /**
     * Up to 25 plan days from the current one, then from day 1 when the plan ends before that, so a group near the
     * end can look back.
     */
    private static StringSelectMenu dayMenu(Library library, PlanOutlook outlook) {
        List<ReadingPlan.Day> days = library.plan().days();
        Map<Integer, String> dates = new LinkedHashMap<>();
        dates.put(outlook.current(), "The group's reading now");
        for (PlanOutlook.Upcoming next : outlook.upcoming()) {
            dates.putIfAbsent(next.index(), when(next, outlook.today()));
        }
        List<SelectOption> options = new ArrayList<>();
        for (int step = 0; step < Math.min(days.size(), Messages.MENU_OPTIONS_MAX); step++) {
            int index = (outlook.current() + step) % days.size();
            List<Section> sections = sections(library, days.get(index));
            String label =
                    "Day " + (index + 1) + (sections.isEmpty() ? "" : " · " + library.displayTitle(sections.get(0)));
            options.add(Messages.option(label, String.valueOf(index), dates.get(index)));
        }
        String placeholder = "Pick a day to see its reading"
                + (days.size() > Messages.MENU_OPTIONS_MAX
                        ? " (" + Messages.MENU_OPTIONS_MAX + " of " + days.size() + " days listed)"
                        : "");
        return Messages.menu(ButtonId.of(NAME, library.version(), "day", "-").encode(), placeholder, options);
    }

    /** The day's sections (the first 25), each to open as its card. */
    private static StringSelectMenu sectionMenu(Library library, int index, List<Section> sections) {
        List<SelectOption> options = sections.stream()
                .limit(Messages.MENU_OPTIONS_MAX)
                .map(section ->
                        Messages.option(library.displayTitle(section), library.handle(section), section.summary()))
                .toList();
        String placeholder = "Open a section of day " + (index + 1)
                + (sections.size() > Messages.MENU_OPTIONS_MAX
                        ? " (the first " + Messages.MENU_OPTIONS_MAX + " of " + sections.size() + ")"
                        : "");
        return Messages.menu(
                ButtonId.of(NAME, library.version(), "section", String.valueOf(index))
                        .encode(),
                placeholder,
                options);
    }
}
