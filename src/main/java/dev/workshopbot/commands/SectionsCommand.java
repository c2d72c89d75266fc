package dev.workshopbot.commands;

import dev.workshopbot.content.Library;
import dev.workshopbot.content.Page;
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

/** {@code /sections [page]}: the table of contents in reading order, paged. */
public final class SectionsCommand implements SlashCommand {

    static final String NAME = "sections";
    private static final int LINES_PER_PAGE = 20;
    private static final int PAGE_CHARS = 3500;
    private static final String ALL = "-";

    private final Supplier<Snapshot> content;
    private final Rendered rendered = new Rendered();

    public SectionsCommand(Supplier<Snapshot> content) {
        this.content = content;
    }

    @Override
    public SlashCommandData data() {
        return Commands.slash(NAME, "The workshop's table of contents, in reading order")
                .addOptions(new OptionData(OptionType.STRING, "page", "Only this page", false, true).setMaxLength(100));
    }

    @Override
    public List<Suggester.Entry> autocomplete(String option, String typed) {
        return content.get().pages().suggest(typed, Suggester.MAX_CHOICES);
    }

    @Override
    public Reply handle(Invocation invocation) {
        Snapshot snapshot = content.get();
        Optional<String> pageName = invocation.option("page");
        if (pageName.isEmpty()) {
            return Reply.visible(render(snapshot.library(), Optional.empty(), 0, ""));
        }
        Lookup<Page> found = new Lookups(snapshot).page(pageName.get());
        if (found instanceof Lookup.Found<Page> page) {
            return Reply.visible(render(snapshot.library(), Optional.of(page.value()), 0, ""));
        }
        return Messages.notFound(
                "page", pageName.get(), found, "Pick one from the suggestions, or run /sections without a page.");
    }

    /** The table of contents of {@code pages}, numbered in reading order, in pages that fit an embed. */
    private static List<String> toc(Library library, List<Page> pages) {
        List<String> lines = new ArrayList<>();
        int number = 0;
        for (Page page : pages) {
            if (library.pages().size() > 1) {
                lines.add("**" + Markdown.link(Fit.cut(page.title(), 150, ""), page.url()) + "**");
            }
            for (Section section : page.sections()) {
                number++;
                String indent = "  ".repeat(Math.max(0, section.level() - 2));
                lines.add(indent + number + ". " + Markdown.link(Fit.cut(section.title(), 150, ""), section.url()));
            }
        }
        return Pages.of(lines, LINES_PER_PAGE, PAGE_CHARS);
    }

    @Override
    public Reply press(String customId, Caller caller) {
        Optional<ButtonId> id = ButtonId.parse(customId, 2);
        if (id.isEmpty()) {
            return Messages.refusal("That button is not one of mine. Try /sections.");
        }
        Library library = content.get().library();
        ButtonId button = id.get();
        // A page number that names no page now (the content changed, or the id was forged) shows every page.
        Optional<Page> scope = button.indexArg(0, library.pages().size()).stream()
                .mapToObj(library.pages()::get)
                .findFirst();
        String note = button.isFrom(library.version())
                ? ""
                : "The workshop was updated since that message; this is the current list. ";
        return Reply.update(render(library, scope, button.intArg(1, 0), note));
    }

    private net.dv8tion.jda.api.utils.messages.MessageCreateData render(
            Library library, Optional<Page> scope, int requested, String note) {
        List<Page> pages = scope.map(List::of).orElse(library.pages());
        int number = pages.stream().mapToInt(page -> page.sections().size()).sum();
        List<String> chunks =
                rendered.pages(library.version(), scope.map(Page::path).orElse(ALL), () -> toc(library, pages));
        if (chunks.isEmpty()) {
            chunks = List.of("*(No sections yet: the content directory has no pages.)*");
        }
        int page = Pages.clamp(requested, chunks.size());
        String title = scope.map(only -> "Contents of " + only.title()).orElse("Table of contents");
        EmbedBuilder embed = Messages.titled(title, scope.map(Page::url).orElse(null))
                .setDescription(chunks.get(page))
                .setFooter(Fit.cut(
                        note + number + " sections · content " + library.shortVersion(), Messages.FOOTER_MAX, ""));
        String which =
                scope.map(p -> String.valueOf(library.pages().indexOf(p))).orElse(ALL);
        return Messages.embed(
                embed,
                Messages.pager(
                        page,
                        chunks.size(),
                        n -> ButtonId.of(NAME, library.version(), "page", which, String.valueOf(n))
                                .encode()));
    }
}
