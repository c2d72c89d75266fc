package dev.workshopbot.commands;

import dev.workshopbot.search.SearchIndex;
import dev.workshopbot.search.Snapshot;
import dev.workshopbot.store.Insights;
import java.util.List;
import java.util.function.Supplier;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/** {@code /search query}: the top hits across sections, quotes and links, with highlighted snippets. */
public final class SearchCommand implements SlashCommand {

    static final String NAME = "search";
    static final int HITS = 5;
    private static final int QUERY_MAX = 200;

    private final Supplier<Snapshot> content;
    private final Insights insights;

    public SearchCommand(Supplier<Snapshot> content) {
        this(content, Insights.OFF);
    }

    /** Records each search (its words and how many hits, never who searched) for {@code /insights}. */
    public SearchCommand(Supplier<Snapshot> content, Insights insights) {
        this.content = content;
        this.insights = insights;
    }

    @Override
    public SlashCommandData data() {
        return Commands.slash(NAME, "Search the workshop's sections, quotes and links")
                .addOptions(new OptionData(OptionType.STRING, "query", "Words to look for (typos are fine)", true)
                        .setMaxLength(QUERY_MAX));
    }

    @Override
    public Reply handle(Invocation invocation) {
        Snapshot snapshot = content.get();
        String query = invocation.option("query").orElse("");
        var retrieval = snapshot.retrieval();
        List<SearchIndex.Hit> hits = retrieval.search(query, HITS);
        insights.asked(NAME, SearchIndex.analyze(query), hits.size(), Double.NaN, !hits.isEmpty());
        if (hits.isEmpty()) {
            return Messages.refusal(Fit.cut(
                    "Nothing in the workshop matches “" + Markdown.escape(query)
                            + "”. Try fewer or other words, or browse with /sections.",
                    Messages.CONTENT_MAX,
                    ""));
        }
        String title = Fit.cut("Search: " + query, Messages.TITLE_MAX, "");
        String footer = "Top " + hits.size() + (retrieval.isHybrid() ? "" : " · keyword search only") + " · content "
                + snapshot.library().shortVersion();
        EmbedBuilder embed = Messages.titled(title, null);
        // Five full fields would pass the embed's 6000 characters: each hit gets an equal share of what is left.
        int share = (Messages.EMBED_TOTAL_MAX - title.length() - footer.length()) / hits.size();
        for (SearchIndex.Hit hit : hits) {
            String icon = switch (hit.kind()) {
                case SECTION -> "📖 ";
                case QUOTE -> "💬 ";
                case LINK -> "🔗 ";
            };
            String name = Fit.cut(icon + hit.title(), Messages.FIELD_NAME_MAX, "");
            int valueMax = Math.min(Messages.FIELD_VALUE_MAX, share - name.length());
            String open = hit.url() == null ? "" : "\n" + Markdown.link("Open", hit.url());
            if (open.length() > valueMax / 2) {
                // A link this long would leave the snippet no room (or overflow the field): the title names it.
                open = "";
            }
            String snippet = hit.snippet().isBlank() ? "" : Markdown.snippet(hit.snippet());
            embed.addField(name, Fit.cut(snippet, valueMax - open.length(), "") + open, false);
        }
        embed.setFooter(footer);
        return Reply.visible(Messages.embed(embed));
    }
}
