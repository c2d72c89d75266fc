package dev.workshopbot.commands;

import dev.workshopbot.content.Library;
import dev.workshopbot.content.Quote;
import dev.workshopbot.content.Section;
import dev.workshopbot.search.SearchIndex;
import dev.workshopbot.search.Snapshot;
import dev.workshopbot.search.Suggester;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/** {@code /quote [search] [author]}: one matching quote at random, with "Another". */
public final class QuoteCommand implements SlashCommand {

    static final String NAME = "quote";
    static final int SEARCH_MAX = 60;
    private static final String ANY = "-";

    private final Supplier<Snapshot> content;
    private final RandomGenerator random;

    public QuoteCommand(Supplier<Snapshot> content, RandomGenerator random) {
        this.content = content;
        this.random = random;
    }

    @Override
    public SlashCommandData data() {
        return Commands.slash(NAME, "A quote from the workshop, at random or matching your words")
                .addOptions(
                        new OptionData(OptionType.STRING, "search", "Words the quote should contain", false)
                                .setMaxLength(SEARCH_MAX),
                        new OptionData(OptionType.STRING, "author", "Who said it", false, true).setMaxLength(100));
    }

    @Override
    public List<Suggester.Entry> autocomplete(String option, String typed) {
        return content.get().authors().suggest(typed, Suggester.MAX_CHOICES);
    }

    @Override
    public Reply handle(Invocation invocation) {
        Snapshot snapshot = content.get();
        String search = invocation.option("search").orElse("");
        Optional<String> authorText = invocation.option("author");
        int author = -1;
        if (authorText.isPresent()) {
            author = authorIndex(snapshot, authorText.get());
            if (author < 0) {
                String known = snapshot.authors().entries().stream().limit(10)
                        .map(entry -> Markdown.escape(entry.label())).collect(Collectors.joining(", "));
                return Messages.refusal(Fit.cut("No quotes by “" + Markdown.escape(authorText.get()) + "”. "
                        + (known.isEmpty() ? "This workshop has no attributed quotes." : "Authors: " + known + ".")
                        + " Or try /quote alone for a random quote.", Messages.CONTENT_MAX, ""));
            }
        }
        return pick(snapshot, search, author, -1);
    }

    @Override
    public Reply press(String customId, Caller caller) {
        Optional<ButtonId> id = ButtonId.parse(customId, 3);
        if (id.isEmpty()) {
            return Messages.refusal("That button is not one of mine. Try /quote.");
        }
        ButtonId button = id.get();
        Snapshot snapshot = content.get();
        int author = button.arg(1).equals(ANY) ? -1 : button.intArg(1, -1);
        if (author >= snapshot.authors().entries().size()) {
            author = -1;
        }
        int previous = button.isFrom(snapshot.library().version()) ? button.intArg(0, -1) : -1;
        return pick(snapshot, button.arg(2), author, previous);
    }

    private Reply pick(Snapshot snapshot, String search, int author, int previous) {
        List<Integer> matches = matches(snapshot, search, author);
        if (matches.isEmpty()) {
            String what = search.isBlank() ? "" : " for “" + Markdown.escape(search) + "”";
            return Messages.refusal(Fit.cut("No quote matches" + what + ". Try other words, or /quote alone for a "
                    + "random quote.", Messages.CONTENT_MAX, ""));
        }
        List<Integer> choices = new ArrayList<>(matches);
        if (choices.size() > 1) {
            choices.remove(Integer.valueOf(previous));
        }
        int chosen = choices.get(random.nextInt(choices.size()));
        Library library = snapshot.library();
        Quote quote = library.quotes().get(chosen);
        Section section = library.section(quote.page(), quote.section()).orElse(null);
        EmbedBuilder embed = Messages.titled(quote.attribution() == null ? "A quote from the workshop"
                : "A quote from " + quote.attribution(), null)
                .setDescription(quoteText(quote, Messages.DESCRIPTION_MAX - 200, section));
        if (section != null) {
            embed.addField("From", Markdown.link(Fit.cut(section.title(), 200, ""), section.url()), false);
        }
        embed.setFooter("Quote " + (chosen + 1) + " of " + library.quotes().size() + " · content "
                + library.shortVersion());
        String another = ButtonId.of(NAME, library.version(), "another", String.valueOf(chosen),
                author < 0 ? ANY : String.valueOf(author), search).encode();
        return Reply.visible(Messages.embed(embed, List.of(
                Button.primary(another, "Another").withDisabled(matches.size() < 2))));
    }

    private static int authorIndex(Snapshot snapshot, String typed) {
        return snapshot.authors().pick(typed).map(entry -> snapshot.authors().entries().indexOf(entry)).orElse(-1);
    }

    /** Quotes by the author (index into the author suggestions, -1 for any) that match the search words. */
    static List<Integer> matches(Snapshot snapshot, String search, int author) {
        List<Quote> quotes = snapshot.library().quotes();
        String who = author < 0 ? null : snapshot.authors().entries().get(author).label();
        Set<Integer> found = new LinkedHashSet<>();
        if (search.isBlank()) {
            for (int i = 0; i < quotes.size(); i++) {
                found.add(i);
            }
        } else {
            String lower = search.toLowerCase(Locale.ROOT);
            for (int i = 0; i < quotes.size(); i++) {
                if (quotes.get(i).text().toLowerCase(Locale.ROOT).contains(lower)) {
                    found.add(i);
                }
            }
            found.addAll(snapshot.search().ordinals(SearchIndex.Kind.QUOTE, search, 100));
        }
        return found.stream().filter(i -> who == null || who.equals(quotes.get(i).attribution())).sorted().toList();
    }

    /**
     * The quote as a block quote cut at a sentence to fit {@code max}, then "— who" linked to the source; a link
     * so long that the byline would take more than half of {@code max} is left out, so the quote keeps its room.
     */
    static String quoteText(Quote quote, int max, Section section) {
        String who = quote.attribution() == null ? null : Fit.cut(quote.attribution(), 150, "");
        String byline = who == null ? "" : "\n— " + Markdown.link(who, quote.attributionUrl());
        if (byline.length() > max / 2) {
            byline = "\n— " + Markdown.escape(who);
        }
        String more = section == null ? "" : Markdown.link("Read it in the workshop", section.url());
        return Fit.cut(Markdown.quoted(Markdown.escape(quote.text())), max - byline.length(), more) + byline;
    }
}
