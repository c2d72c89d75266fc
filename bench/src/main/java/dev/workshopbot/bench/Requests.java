package dev.workshopbot.bench;

import dev.workshopbot.commands.CommandRegistry;
import dev.workshopbot.commands.Invocation;
import dev.workshopbot.commands.Reply;
import dev.workshopbot.content.Library;
import java.util.List;
import java.util.Map;
import net.dv8tion.jda.api.components.MessageTopLevelComponentUnion;
import net.dv8tion.jda.api.components.buttons.Button;

/**
 * The requests the live and reload benchmarks send, as a member sends them through Discord: the handler benchmark's
 * requests ({@link Bot}), each under the name the summary prints.
 */
final class Requests {

    /** How the request reaches the bot. */
    enum Kind { SLASH, AUTOCOMPLETE, BUTTON }

    /**
     * One request.
     *
     * @param options a slash command's option values; for autocomplete, the one focused option and what was typed
     * @param customId the button's custom id; null for the other kinds
     */
    record Request(String name, Kind kind, String command, Map<String, String> options, String customId) {

        /** The slash command as the registry takes it. */
        Invocation invocation() {
            return new Invocation(command, null, options, Bot.MEMBER);
        }
    }

    private Requests() {
    }

    /**
     * Every request, checked against {@code registry}: a request the bot refuses would measure the refusal, and a
     * request for a workshop whose middle section has no Full text button cannot be built.
     */
    static List<Request> every(Library library, CommandRegistry registry) {
        String middleSection = library.handle(library.sections().get(library.sections().size() / 2));
        String middleList = library.handle(library.readingLists().get(library.readingLists().size() / 2));
        Request section = slash("/section", "section", Map.of("name", middleSection));
        List<Request> answered = List.of(section,
                slash("/reading-list", "reading-list", Map.of("list", middleList)),
                slash("/search " + Bot.SEARCH_TYPO, "search", Map.of("query", Bot.SEARCH_TYPO)),
                slash("/search " + Bot.SEARCH_WORDS, "search", Map.of("query", Bot.SEARCH_WORDS)));
        for (Request request : answered) {
            if (registry.handle(request.invocation()).ephemeral()) {
                throw new IllegalStateException("the bench request " + request + " is refused by the bot: "
                        + "it would measure the refusal, not the answer");
            }
        }
        if (registry.autocomplete("section", "name", Bot.AUTOCOMPLETE_INPUT).isEmpty()) {
            throw new IllegalStateException("autocomplete of '" + Bot.AUTOCOMPLETE_INPUT + "' suggests nothing");
        }
        String fullText = buttonId(registry.handle(section.invocation()), "Full text");
        String markAsRead = buttonId(registry.handle(section.invocation()), "Mark as read");
        return List.of(section,
                slash("/sections", "sections", Map.of()),
                slash("/quote", "quote", Map.of()),
                answered.get(1),
                answered.get(2),
                answered.get(3),
                slash("/help", "help", Map.of()),
                slash("/about", "about", Map.of()),
                new Request("autocomplete /section", Kind.AUTOCOMPLETE, "section",
                        Map.of("name", Bot.AUTOCOMPLETE_INPUT), null),
                new Request("button Full text", Kind.BUTTON, null, Map.of(), fullText),
                // Every request comes from a new member, so each click records a new read (issue 12).
                new Request("button Mark as read", Kind.BUTTON, null, Map.of(), markAsRead));
    }

    /** The request printed as {@code name}. */
    static Request named(List<Request> requests, String name) {
        return requests.stream().filter(request -> request.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no bench request named " + name));
    }

    private static Request slash(String name, String command, Map<String, String> options) {
        return new Request(name, Kind.SLASH, command, options, null);
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
