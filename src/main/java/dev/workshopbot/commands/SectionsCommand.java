package dev.workshopbot.commands;

import dev.workshopbot.content.Library;
import dev.workshopbot.content.Page;
import dev.workshopbot.content.Section;
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
                .addOptions(new OptionData(OptionType.STRING, "page", "Only this page", false, true)
                        .setMaxLength(100));
    }

    @Override
    public List<Suggester.Entry> autocomplete(String option, String typed) {
        return content.get().pages().suggest(typed, Suggester.MAX_CHOICES);
    }

    @Override
    public Reply handle(Invocation invocation) {
        Snapshot snapshot = content.get();
        Optional<String> pageName = invocation.option("page");
        int pageIndex = -1;
        if (pageName.isPresent()) {
            pageIndex = pageIndex(snapshot, pageName.get());
            if (pageIndex < 0) {
                return Messages.refusal(Fit.cut("No page matches “" + Markdown.escape(pageName.get())
                        + "”. Pick one from the suggestions, or run /sections without a page.", Messages.CONTENT_MAX,
                        ""));
            }
        }
        return Reply.visible(render(snapshot.library(), pageIndex, 0, ""));
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
        int pageIndex = button.arg(0).equals(ALL) ? -1 : button.intArg(0, -1);
        String note = "";
        if (!button.isFrom(library.version())) {
            note = "The workshop was updated since that message; this is the current list. ";
            if (pageIndex >= library.pages().size()) {
                pageIndex = -1;
            }
        }
        return Reply.update(render(library, pageIndex, button.intArg(1, 0), note));
    }

    private static int pageIndex(Snapshot snapshot, String typed) {
        List<Page> pages = snapshot.library().pages();
        Optional<String> picked = snapshot.pages().pick(typed).map(Suggester.Entry::value);
        for (int i = 0; i < pages.size() && picked.isPresent(); i++) {
            if (Library.handleOf(pages.get(i).path()).equals(picked.get())) {
                return i;
            }
        }
        return -1;
    }

    private net.dv8tion.jda.api.utils.messages.MessageCreateData render(Library library, int pageIndex,
            int requested, String note) {
        List<Page> pages = pageIndex < 0 ? library.pages() : List.of(library.pages().get(pageIndex));
        int number = pages.stream().mapToInt(page -> page.sections().size()).sum();
        List<String> chunks = rendered.pages(library.version(), String.valueOf(pageIndex), () -> toc(library, pages));
        if (chunks.isEmpty()) {
            chunks = List.of("*(No sections yet: the content directory has no pages.)*");
        }
        int page = Pages.clamp(requested, chunks.size());
        String title = pageIndex < 0 ? "Table of contents" : "Contents of " + pages.get(0).title();
        EmbedBuilder embed = Messages.titled(title, pageIndex < 0 ? null : pages.get(0).url())
                .setDescription(chunks.get(page))
                .setFooter(Fit.cut(note + number + " sections · content " + library.shortVersion(),
                        Messages.FOOTER_MAX, ""));
        String scope = pageIndex < 0 ? ALL : String.valueOf(pageIndex);
        return Messages.embed(embed, Messages.pager(page, chunks.size(),
                n -> ButtonId.of(NAME, library.version(), "page", scope, String.valueOf(n)).encode()));
    }
}
