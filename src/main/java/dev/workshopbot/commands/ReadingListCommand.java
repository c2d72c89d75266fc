package dev.workshopbot.commands;

import dev.workshopbot.content.Library;
import dev.workshopbot.content.Link;
import dev.workshopbot.content.ReadingList;
import dev.workshopbot.content.Section;
import dev.workshopbot.search.Lookup;
import dev.workshopbot.search.Lookups;
import dev.workshopbot.search.Snapshot;
import dev.workshopbot.search.Suggester;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/** {@code /reading-list [list]}: the reading lists with their sizes, or one list's links, paged. */
public final class ReadingListCommand implements SlashCommand {

    static final String NAME = "reading-list";
    private static final int LINKS_PER_PAGE = 10;
    private static final int LISTS_PER_PAGE = 15;
    private static final int PAGE_CHARS = 3500;
    private static final String ALL = "-";

    private final Supplier<Snapshot> content;
    private final Rendered rendered = new Rendered();

    public ReadingListCommand(Supplier<Snapshot> content) {
        this.content = content;
    }

    @Override
    public SlashCommandData data() {
        return Commands.slash(NAME, "The workshop's reading lists, or the links of one list")
                .addOptions(
                        new OptionData(OptionType.STRING, "list", "Which reading list", false, true).setMaxLength(100));
    }

    @Override
    public List<Suggester.Entry> autocomplete(String option, String typed) {
        return content.get().readingLists().suggest(typed, Suggester.MAX_CHOICES);
    }

    @Override
    public Reply handle(Invocation invocation) {
        Snapshot snapshot = content.get();
        Optional<String> typed = invocation.option("list");
        if (typed.isEmpty()) {
            return Reply.visible(overview(snapshot.library(), 0, ""));
        }
        Lookup<ReadingList> found = new Lookups(snapshot).readingList(typed.get());
        if (found instanceof Lookup.Found<ReadingList> list) {
            return Reply.visible(links(snapshot.library(), list.value(), 0, ""));
        }
        return Messages.notFound(
                "reading list", typed.get(), found, "Run /reading-list without a list to see them all.");
    }

    @Override
    public Reply press(String customId, Caller caller) {
        Optional<ButtonId> id = ButtonId.parse(customId, 2);
        if (id.isEmpty()) {
            return Messages.refusal("That button is not one of mine. Try /reading-list.");
        }
        ButtonId button = id.get();
        Library library = content.get().library();
        String note = button.isFrom(library.version())
                ? ""
                : "The workshop was updated since that message; this is the current list. ";
        int page = button.intArg(1, 0);
        if (button.arg(0).equals(ALL)) {
            return Reply.update(overview(library, page, note));
        }
        return library.readingList(button.arg(0))
                .map(list -> Reply.update(links(library, list, page, note)))
                .orElseGet(() -> Messages.refusal("That reading list is no longer in the workshop (the content was "
                        + "updated). Run /reading-list to see the lists there are now."));
    }

    private MessageCreateData overview(Library library, int requested, String note) {
        List<String> chunks = rendered.pages(library.version(), ALL, () -> {
            List<String> lines = new ArrayList<>();
            for (ReadingList list : library.readingLists()) {
                int size = library.linksOf(list).size();
                String where = library.section(list.page(), list.section())
                        .map(section ->
                                " · " + Markdown.link(Fit.cut(library.displayTitle(section), 80, ""), section.url()))
                        .orElse("");
                lines.add("• **" + Markdown.escape(Fit.cut(list.title(), 150, "")) + "** — " + size
                        + (size == 1 ? " link" : " links") + where);
            }
            return Pages.of(lines, LISTS_PER_PAGE, PAGE_CHARS);
        });
        if (chunks.isEmpty()) {
            chunks = List.of("This workshop has no reading lists yet: a reading list is a bulleted list of links.");
        }
        int page = Pages.clamp(requested, chunks.size());
        EmbedBuilder embed = Messages.titled("Reading lists", null)
                .setDescription(chunks.get(page))
                .setFooter(Fit.cut(
                        note + "Pick one with /reading-list list:… · content " + library.shortVersion(),
                        Messages.FOOTER_MAX,
                        ""));
        return Messages.embed(
                embed,
                Messages.pager(
                        page,
                        chunks.size(),
                        n -> ButtonId.of(NAME, library.version(), "page", ALL, String.valueOf(n))
                                .encode()));
    }

    private MessageCreateData links(Library library, ReadingList list, int requested, String note) {
        List<String> chunks = rendered.pages(library.version(), list.id(), () -> {
            List<String> lines = new ArrayList<>();
            for (Link link : library.linksOf(list)) {
                String about = link.description() == null
                        ? link.host()
                        : Fit.cut(link.description(), 200, "") + " (" + link.host() + ")";
                lines.add("• " + Markdown.link(Fit.cut(link.text(), 200, ""), link.url()) + " — "
                        + Markdown.escape(about));
            }
            return Pages.of(lines, LINKS_PER_PAGE, PAGE_CHARS);
        });
        if (chunks.isEmpty()) {
            chunks = List.of("*(This list has no links.)*");
        }
        int page = Pages.clamp(requested, chunks.size());
        Optional<Section> section = library.section(list.page(), list.section());
        EmbedBuilder embed = Messages.titled(
                        list.title(), section.map(Section::url).orElse(null))
                .setDescription(chunks.get(page))
                .setFooter(Fit.cut(
                        note + library.linksOf(list).size() + " links"
                                + section.map(s -> " · from " + library.displayTitle(s))
                                        .orElse("") + " · content "
                                + library.shortVersion(),
                        Messages.FOOTER_MAX,
                        ""));
        return Messages.embed(
                embed,
                Messages.pager(
                        page,
                        chunks.size(),
                        n -> ButtonId.of(NAME, library.version(), "page", library.handle(list), String.valueOf(n))
                                .encode()));
    }
}
