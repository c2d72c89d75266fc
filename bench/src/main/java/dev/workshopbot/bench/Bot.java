package dev.workshopbot.bench;

import dev.workshopbot.App;
import dev.workshopbot.commands.Caller;
import dev.workshopbot.commands.CommandRegistry;
import dev.workshopbot.commands.Invocation;
import dev.workshopbot.commands.Reply;
import dev.workshopbot.content.Library;
import dev.workshopbot.search.Snapshot;
import dev.workshopbot.search.Suggester;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.dv8tion.jda.api.components.MessageTopLevelComponentUnion;
import net.dv8tion.jda.api.components.buttons.Button;

/**
 * One snapshot served through the bot's own command registry, with the fixed requests the benchmarks send.
 * Requests name the middle section and the middle reading list of the workshop, by the handle autocomplete
 * would have filled in.
 */
final class Bot {

    static final Caller MEMBER = new Caller(1, 2, false);
    static final String SEARCH_TYPO = "intervew";
    static final String SEARCH_WORDS = "code review";
    static final String AUTOCOMPLETE_INPUT = "vibe";

    final Snapshot snapshot;
    final CommandRegistry registry;
    final Invocation section;
    final Invocation sections;
    final Invocation quote;
    final Invocation readingLists;
    final Invocation readingList;
    final Invocation searchTypo;
    final Invocation searchWords;
    final Invocation help;
    final Invocation about;
    final String fullTextButton;

    Bot(Library library) {
        snapshot = Snapshot.of(library);
        registry = App.commands(() -> snapshot, Clock.systemUTC(), java.util.Optional::empty, java.util.List.of());
        String middleSection = library.handle(library.sections().get(library.sections().size() / 2));
        String middleList = library.handle(library.readingLists().get(library.readingLists().size() / 2));
        section = ask("section", Map.of("name", middleSection));
        sections = ask("sections", Map.of());
        quote = ask("quote", Map.of());
        readingLists = ask("reading-list", Map.of());
        readingList = ask("reading-list", Map.of("list", middleList));
        searchTypo = ask("search", Map.of("query", SEARCH_TYPO));
        searchWords = ask("search", Map.of("query", SEARCH_WORDS));
        help = ask("help", Map.of());
        about = ask("about", Map.of());
        for (Invocation answered : List.of(section, readingList, searchTypo, searchWords)) {
            if (registry.handle(answered).ephemeral()) {
                throw new IllegalStateException("the bench request " + answered + " is refused by the bot: "
                        + "it would measure the refusal, not the answer");
            }
        }
        if (autocomplete().isEmpty()) {
            throw new IllegalStateException("autocomplete of '" + AUTOCOMPLETE_INPUT + "' suggests nothing");
        }
        fullTextButton = buttonId(registry.handle(section), "Full text");
    }

    List<Suggester.Entry> autocomplete() {
        return registry.autocomplete("section", "name", AUTOCOMPLETE_INPUT);
    }

    Reply pressFullText() {
        return registry.press(fullTextButton, MEMBER);
    }

    /** Every request once: what the heap benchmark serves. */
    List<Object> serveEverything() {
        List<Object> replies = new ArrayList<>();
        for (Invocation invocation : List.of(section, sections, quote, readingLists, readingList, searchTypo,
                searchWords, help, about)) {
            replies.add(registry.handle(invocation));
        }
        replies.add(autocomplete());
        replies.add(pressFullText());
        return replies;
    }

    private static Invocation ask(String command, Map<String, String> options) {
        return new Invocation(command, null, options, MEMBER);
    }

    private static String buttonId(Reply reply, String label) {
        for (MessageTopLevelComponentUnion component : reply.message().getComponents()) {
            for (Button button : component.asActionRow().getButtons()) {
                if (label.equals(button.getLabel()) && button.getCustomId() != null) {
                    return button.getCustomId();
                }
            }
        }
        throw new IllegalStateException("the /section reply has no '" + label + "' button");
    }
}
