package dev.workshopbot.commands;

import dev.workshopbot.content.Library;
import dev.workshopbot.content.Link;
import dev.workshopbot.content.Section;
import dev.workshopbot.daily.DailyPost;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/** The daily reading post: "Day N of M", the sections linked with their summaries, a key quote, links, the prompt. */
public final class DailyPosts {

    private static final int THREAD_NAME_MAX = 100;

    private DailyPosts() {}

    public static MessageCreateData render(DailyPost post) {
        Library library = post.library();
        List<Section> sections = sections(post);
        String title = "Day " + post.number() + " of " + post.total() + ": "
                + (sections.isEmpty() ? "today's reading" : library.displayTitle(sections.get(0)));
        EmbedBuilder embed = Messages.titled(
                title, sections.isEmpty() ? null : sections.get(0).url());
        StringBuilder description = new StringBuilder();
        for (Section section : sections) {
            description
                    .append("**")
                    .append(Markdown.link(Fit.cut(library.displayTitle(section), 200, ""), section.url()))
                    .append("**\n")
                    .append(Markdown.escape(section.summary()))
                    .append("\n\n");
        }
        embed.setDescription(Fit.cut(description.toString().strip(), 2500, ""));
        sections.stream()
                .flatMap(section -> library.quotesOf(section).stream())
                .findFirst()
                .ifPresent(quote -> embed.addField(
                        "Key quote",
                        QuoteCommand.quoteText(
                                quote,
                                900,
                                library.section(quote.page(), quote.section()).orElse(null)),
                        false));
        String links = links(post, sections);
        if (!links.isEmpty()) {
            embed.addField("Today's links", links, false);
        }
        if (post.day().prompt() != null && !post.day().prompt().isBlank()) {
            embed.addField("Discuss", Fit.cut(Markdown.escape(post.day().prompt()), 1000, ""), false);
        }
        embed.setFooter(footer(post));
        List<Button> buttons = new ArrayList<>();
        if (!sections.isEmpty()) {
            buttons.add(Button.primary(
                    ButtonId.of(SectionCommand.NAME, library.version(), "full", library.handle(sections.get(0)), "open")
                            .encode(),
                    "Full text"));
            buttons.addAll(
                    Messages.linkButton("Open on the site", sections.get(0).url()));
        }
        buttons.add(ProgressCommand.markDay(library, post.index()));
        return Messages.embed(embed, buttons);
    }

    /** Identifies the post in its channel (day and date), so a restart can find it. */
    public static String footer(DailyPost post) {
        return "Day " + post.number() + " of " + post.total() + " · " + post.date() + " · content "
                + post.library().shortVersion();
    }

    /**
     * Whether a footer is this post's: the same day number and date. The rest may differ, since the content can
     * change between a crash and the restart that looks for the post.
     */
    public static boolean isFooterOf(String footer, DailyPost post) {
        return footer != null
                && footer.startsWith("Day " + post.number() + " of ")
                && footer.contains(" · " + post.date() + " · ");
    }

    /** The discussion thread's name: the day and its first section, within Discord's 100 characters. */
    public static String threadName(DailyPost post) {
        String first = sections(post).stream().findFirst().map(Section::title).orElse("reading");
        return Fit.cut("Day " + post.number() + ": " + first, THREAD_NAME_MAX, "");
    }

    private static List<Section> sections(DailyPost post) {
        return post.day().sections().stream()
                .map(key -> post.library().section(key))
                .flatMap(Optional::stream)
                .toList();
    }

    /** The day's own links first, then the sections' links, one per URL, cut with "and N more". */
    private static String links(DailyPost post, List<Section> sections) {
        Library library = post.library();
        Map<String, String> byUrl = new LinkedHashMap<>();
        for (String url : post.day().links()) {
            byUrl.putIfAbsent(url, library.firstLinkTo(url).map(Link::text).orElse(url));
        }
        for (Section section : sections) {
            for (Link link : library.linksOf(section)) {
                byUrl.putIfAbsent(link.url(), link.text());
            }
        }
        StringBuilder out = new StringBuilder();
        int shown = 0;
        for (Map.Entry<String, String> link : byUrl.entrySet()) {
            String line = "• " + Markdown.link(Fit.cut(link.getValue(), 80, ""), link.getKey()) + "\n";
            String more = "…" + Fit.andMore(byUrl.size() - shown);
            if (out.length() + line.length() + more.length() > 1000) {
                out.append(more);
                break;
            }
            out.append(line);
            shown++;
        }
        return out.toString().strip();
    }
}
