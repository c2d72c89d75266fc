package dev.workshopbot.commands;

import dev.workshopbot.content.Library;
import dev.workshopbot.content.Quote;
import dev.workshopbot.content.Section;
import dev.workshopbot.search.Lookup;
import dev.workshopbot.search.Lookups;
import dev.workshopbot.search.Snapshot;
import dev.workshopbot.search.Suggester;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
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
    private static final String NO_QUOTES = "This workshop has no quotes yet: a quote is a block quote (a paragraph "
            + "starting with >) in one of its pages.";

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
        if (snapshot.library().quotes().isEmpty()) {
            return Messages.refusal(NO_QUOTES);
        }
        Optional<String> author = Optional.empty();
        if (authorText.isPresent()) {
            Lookup<String> found = new Lookups(snapshot).author(authorText.get());
            if (!(found instanceof Lookup.Found<String> named)) {
                String known = snapshot.authors().entries().stream()
                        .limit(10)
                        .map(entry -> Markdown.escape(entry.label()))
                        .collect(Collectors.joining(", "));
                return Messages.notFound(
                        "author",
                        authorText.get(),
                        found,
                        (known.isEmpty() ? "This workshop has no attributed quotes." : "Authors: " + known + ".")
                                + " Or try /quote alone for a random quote.");
            }
            author = Optional.of(named.value());
        }
        return pick(snapshot, search, author, OptionalInt.empty());
    }

    @Override
    public Reply press(String customId, Caller caller) {
        Optional<ButtonId> id = ButtonId.parse(customId, 3);
        if (id.isEmpty()) {
            return Messages.refusal("That button is not one of mine. Try /quote.");
        }
        ButtonId button = id.get();
        Snapshot snapshot = content.get();
        List<Suggester.Entry> authors = snapshot.authors().entries();
        Optional<String> author = button.indexArg(1, authors.size()).stream()
                .mapToObj(i -> authors.get(i).label())
                .findFirst();
        OptionalInt previous = button.isFrom(snapshot.library().version())
                ? button.indexArg(0, snapshot.library().quotes().size())
                : OptionalInt.empty();
        return pick(snapshot, button.arg(2), author, previous);
    }

    private Reply pick(Snapshot snapshot, String search, Optional<String> author, OptionalInt previous) {
        if (snapshot.library().quotes().isEmpty()) {
            return Messages.refusal(NO_QUOTES);
        }
        List<Integer> matches = new Lookups(snapshot).quotes(search, author);
        if (matches.isEmpty()) {
            String what = search.isBlank() ? "" : " for “" + Markdown.escape(search) + "”";
            return Messages.refusal(Fit.cut(
                    "No quote matches" + what + ". Try other words, or /quote alone for a " + "random quote.",
                    Messages.CONTENT_MAX,
                    ""));
        }
        List<Integer> choices = new ArrayList<>(matches);
        if (choices.size() > 1) {
            previous.ifPresent(shown -> choices.remove(Integer.valueOf(shown)));
        }
        int chosen = choices.get(random.nextInt(choices.size()));
        Library library = snapshot.library();
        Quote quote = library.quotes().get(chosen);
        Section section = library.section(quote.page(), quote.section()).orElse(null);
        EmbedBuilder embed = Messages.titled(
                        quote.attribution() == null
                                ? "A quote from the workshop"
                                : "A quote from " + quote.attribution(),
                        null)
                .setDescription(quoteText(quote, Messages.DESCRIPTION_MAX - 200, section));
        if (section != null) {
            embed.addField(
                    "From", Markdown.link(Fit.cut(library.displayTitle(section), 200, ""), section.url()), false);
        }
        embed.setFooter(
                "Quote " + (chosen + 1) + " of " + library.quotes().size() + " · content " + library.shortVersion());
        String authorArg = author.map(name -> snapshot.authors().entries().stream()
                        .map(Suggester.Entry::label)
                        .toList()
                        .indexOf(name))
                .filter(i -> i >= 0)
                .map(String::valueOf)
                .orElse(ANY);
        String another = ButtonId.of(NAME, library.version(), "another", String.valueOf(chosen), authorArg, search)
                .encode();
        return Reply.visible(
                Messages.embed(embed, List.of(Button.primary(another, "Another").withDisabled(matches.size() < 2))));
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
