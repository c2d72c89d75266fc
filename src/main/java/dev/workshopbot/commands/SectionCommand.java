package dev.workshopbot.commands;

import dev.workshopbot.content.Block;
import dev.workshopbot.content.Library;
import dev.workshopbot.content.Link;
import dev.workshopbot.content.Page;
import dev.workshopbot.content.Quote;
import dev.workshopbot.content.Section;
import dev.workshopbot.search.Lookup;
import dev.workshopbot.search.Lookups;
import dev.workshopbot.search.Snapshot;
import dev.workshopbot.search.Suggester;
import dev.workshopbot.store.Insights;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/** {@code /section name}: a section's summary, key quote and reading, with its full text and the next section. */
public final class SectionCommand implements SlashCommand {

    static final String NAME = "section";
    private static final int FULL_TEXT_PAGE = 3800;
    private static final int SUMMARY_MAX = 1500;
    /** Hint buttons on a card, after its three: two rows of five in all, well within Discord's five rows. */
    private static final int HINT_BUTTONS = 7;

    private static final int BUTTON_LABEL_MAX = 80;

    private final Supplier<Snapshot> content;
    private final Rendered rendered = new Rendered();
    private final Insights insights;

    public SectionCommand(Supplier<Snapshot> content) {
        this(content, Insights.OFF);
    }

    /** Counts each section shown (a card) or opened (its full text) for {@code /insights}. */
    public SectionCommand(Supplier<Snapshot> content, Insights insights) {
        this.insights = insights;
        this.content = content;
    }

    @Override
    public SlashCommandData data() {
        return Commands.slash(NAME, "Show a section of the workshop: summary, key quote and reading")
                .addOptions(
                        new OptionData(OptionType.STRING, "name", "Section title or id", true, true).setMaxLength(100));
    }

    @Override
    public Reply handle(Invocation invocation) {
        Snapshot snapshot = content.get();
        String name = invocation.option("name").orElse("");
        Lookup<Section> found = new Lookups(snapshot).section(name);
        if (found instanceof Lookup.Found<Section> section) {
            insights.opened(section.value().key());
            return Reply.visible(card(snapshot.library(), section.value()));
        }
        return Messages.notFound(
                "section", name, found, "Pick one from the suggestions as you type, or see them all with /sections.");
    }

    @Override
    public List<Suggester.Entry> autocomplete(String option, String typed) {
        return content.get().sections().suggest(typed, Suggester.MAX_CHOICES);
    }

    @Override
    public Reply press(String customId, Caller caller) {
        Snapshot snapshot = content.get();
        Library library = snapshot.library();
        Optional<ButtonId> id = ButtonId.parse(customId, 2);
        Optional<Section> section = id.flatMap(button -> library.section(button.arg(0)));
        if (section.isEmpty()) {
            return Messages.refusal("That section is no longer in the workshop (the content was updated). "
                    + "Use /sections to see what is there now.");
        }
        ButtonId button = id.get();
        String changed = button.isFrom(library.version())
                ? ""
                : "The workshop was updated since that message; " + "this is the current text.\n";
        if (button.action().equals("hint")) {
            return hint(library, section.get(), button, changed);
        }
        if (button.action().equals("next")) {
            return library.next(section.get())
                    .map(next -> Reply.privately(card(library, next)))
                    .orElseGet(() -> Messages.refusal("That was the last section of the workshop."));
        }
        boolean opening = button.arg(1).equals("open");
        if (opening) {
            insights.opened(section.get().key());
        }
        List<String> pages = rendered.pages(library.version(), section.get().key(), () -> fullText(section.get()));
        int page = Pages.clamp(button.intArg(1, 0), pages.size());
        EmbedBuilder embed = Messages.titled(
                        library.displayTitle(section.get()), section.get().url())
                .setDescription(pages.get(page))
                .setFooter(Fit.cut(
                        changed + "Full text · page " + (page + 1) + " of " + pages.size(), Messages.FOOTER_MAX, ""));
        List<Button> buttons = Messages.pager(
                page,
                pages.size(),
                n -> ButtonId.of(NAME, library.version(), "full", library.handle(section.get()), String.valueOf(n))
                        .encode());
        MessageCreateData reply = Messages.embed(embed, buttons);
        return opening ? Reply.privately(reply) : Reply.update(reply);
    }

    /** The section card: title linked to its anchor, summary, key quote, reading links, page and version. */
    static MessageCreateData card(Library library, Section section) {
        String page = library.page(section.pagePath()).map(Page::title).orElse(section.pagePath());
        EmbedBuilder embed = Messages.titled(library.displayTitle(section), section.url())
                .setDescription(Fit.cut(
                        Markdown.escape(section.summary()),
                        SUMMARY_MAX,
                        Markdown.link("Read the section", section.url())));
        List<Quote> quotes = library.quotesOf(section);
        if (!quotes.isEmpty()) {
            embed.addField(
                    "Key quote", QuoteCommand.quoteText(quotes.get(0), Messages.FIELD_VALUE_MAX, section), false);
        }
        List<Link> links = library.linksOf(section);
        if (!links.isEmpty()) {
            embed.addField("Reading (" + links.size() + ")", readingField(links), false);
        }
        embed.setFooter(Fit.cut(page + " · content " + library.shortVersion(), Messages.FOOTER_MAX, ""));
        List<Button> buttons = new ArrayList<>();
        buttons.add(Button.primary(
                ButtonId.of(NAME, library.version(), "full", library.handle(section), "open")
                        .encode(),
                "Full text"));
        buttons.add(Button.secondary(
                        ButtonId.of(NAME, library.version(), "next", library.handle(section), "-")
                                .encode(),
                        "Next section")
                .withDisabled(library.next(section).isEmpty()));
        buttons.addAll(Messages.linkButton("Open on the site", section.url()));
        buttons.add(ProgressCommand.markSection(library, section));
        List<Block> hints = hints(section);
        for (int i = 0; i < hints.size() && i < HINT_BUTTONS; i++) {
            buttons.add(Button.secondary(
                    ButtonId.of(NAME, library.version(), "hint", library.handle(section), String.valueOf(i))
                            .encode(),
                    Fit.cut("Show " + hints.get(i).plain(), BUTTON_LABEL_MAX, "")));
        }
        return Messages.embed(embed, buttons);
    }

    private static List<Block> hints(Section section) {
        return section.blocks().stream()
                .filter(block -> block.kind() == Block.Kind.HINT)
                .toList();
    }

    /** One hint of a section, for the member who asked only: its summary as the title, its content below. */
    private static Reply hint(Library library, Section section, ButtonId button, String changed) {
        List<Block> hints = hints(section);
        OptionalInt index = button.indexArg(1, hints.size());
        if (index.isEmpty()) {
            return Messages.refusal("That hint is no longer in this section (the content was updated). "
                    + "Run /section again to see its hints now.");
        }
        Block hint = hints.get(index.getAsInt());
        String content = hint.hidden().stream()
                .map(Markdown::block)
                .filter(text -> !text.isBlank())
                .collect(Collectors.joining("\n\n"));
        EmbedBuilder embed = Messages.titled(hint.plain() + " · " + library.displayTitle(section), section.url())
                .setDescription(Fit.cut(
                        content.isBlank() ? "*(This hint is empty.)*" : content,
                        Messages.DESCRIPTION_MAX - 100,
                        Markdown.link("Read it on the site", section.url())))
                .setFooter(Fit.cut(changed + "Only you can see this hint", Messages.FOOTER_MAX, ""));
        return Reply.privately(Messages.embed(embed));
    }

    /** Link lines until the field is full, then "and N more". */
    private static String readingField(List<Link> links) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < links.size(); i++) {
            String line = "• "
                    + Markdown.link(
                            Fit.cut(links.get(i).text(), 80, ""), links.get(i).url());
            String more = "\n…" + Fit.andMore(links.size() - i - 1);
            int reserve = i == links.size() - 1 ? 0 : more.length();
            if (out.length() + line.length() + 1 + reserve > Messages.FIELD_VALUE_MAX) {
                out.append("…").append(Fit.andMore(links.size() - i));
                break;
            }
            out.append(line).append('\n');
        }
        return out.toString().strip();
    }

    /** The section's full text in pages that fit an embed description; nothing is lost between pages. */
    static List<String> fullText(Section section) {
        String all = section.blocks().stream()
                .map(Markdown::block)
                .filter(text -> !text.isBlank())
                .collect(Collectors.joining("\n\n"));
        List<String> pages =
                Fit.split(all.isBlank() ? "*(This section has no text of its own.)*" : all, FULL_TEXT_PAGE);
        return pages.isEmpty() ? List.of("*(This section has no text of its own.)*") : pages;
    }
}
