package dev.workshopbot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.workshopbot.commands.Caller;
import dev.workshopbot.commands.CommandRegistry;
import dev.workshopbot.commands.Invocation;
import dev.workshopbot.commands.Reply;
import dev.workshopbot.search.Suggester;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Asks the bot's commands as a member would, checks every reply against {@link DiscordLimits}, and presses
 * every button and chooses every option of every menu the replies offer, breadth-first, each custom id (and each
 * option of a menu) once. A handler that throws is a finding too.
 */
final class ReplyCrawler {

    /** Something in a reply a member can act on. */
    sealed interface Control permits Button, Choice {}

    /** A button found in a reply: its id, what it says and the reply it came with. */
    record Button(String customId, String label, boolean enabled, String foundIn) implements Control {}

    /** One option of a select menu found in a reply: the menu's id, the option's value and label. */
    record Choice(String customId, String value, String label, String foundIn) implements Control {}

    private static final Caller MEMBER = new Caller(111L, 222L, false);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ORIGIN_CHARS = 160;

    private final CommandRegistry registry;
    private final DiscordLimits limits;
    private final List<String> problems = new ArrayList<>();
    private final Deque<Control> unpressed = new ArrayDeque<>();
    private final Set<String> seenIds = new HashSet<>();
    private int replies;
    private int presses;
    private int chosen;

    ReplyCrawler(CommandRegistry registry, DiscordLimits limits) {
        this.registry = registry;
        this.limits = limits;
    }

    /** Runs a slash command and checks its reply; empty when the handler threw. */
    Optional<JsonNode> ask(String command, Map<String, String> options) {
        String where = "/" + command
                + options.entrySet().stream()
                        .map(option ->
                                " " + option.getKey() + ":\"" + DiscordLimits.abbreviate(option.getValue()) + "\"")
                        .collect(Collectors.joining());
        return answer(where, () -> registry.handle(new Invocation(command, null, options, MEMBER)));
    }

    /** Presses a button and checks the reply; empty when the handler threw. */
    Optional<JsonNode> press(Button button) {
        String where =
                "button '" + button.label() + "' [" + button.customId() + "] of " + abbreviateOrigin(button.foundIn());
        presses++;
        return answer(where, () -> registry.press(button.customId(), MEMBER));
    }

    /** Chooses one option of a menu and checks the reply; empty when the handler threw. */
    Optional<JsonNode> choose(Choice choice) {
        String where = "option '" + choice.label() + "' (" + choice.value() + ") of menu [" + choice.customId()
                + "] of " + abbreviateOrigin(choice.foundIn());
        presses++;
        chosen++;
        return answer(where, () -> registry.select(choice.customId(), List.of(choice.value()), MEMBER));
    }

    /** Autocomplete choices as Discord would show them; checked; empty when the handler threw. */
    List<Suggester.Entry> complete(String command, String option, String typed) {
        String where = "autocomplete /" + command + " " + option + ":\"" + DiscordLimits.abbreviate(typed) + "\"";
        try {
            List<Suggester.Entry> choices = registry.autocomplete(command, option, typed);
            limits.checkChoices(where, choices, problems);
            return choices;
        } catch (RuntimeException | StackOverflowError e) {
            problems.add(where + ": threw " + e);
            return List.of();
        }
    }

    /** Presses queued buttons and chooses queued options until none is left or {@code cap} were made in all. */
    void pressAll(int cap) {
        while (!unpressed.isEmpty() && presses < cap) {
            Control next = unpressed.poll();
            if (next instanceof Button button) {
                press(button);
            } else if (next instanceof Choice choice) {
                choose(choice);
            }
        }
    }

    /** The buttons found so far and not pressed yet. */
    List<Button> queued() {
        return unpressed.stream()
                .filter(Button.class::isInstance)
                .map(Button.class::cast)
                .toList();
    }

    /** The menu options found so far and not chosen yet. */
    List<Choice> queuedChoices() {
        return unpressed.stream()
                .filter(Choice.class::isInstance)
                .map(Choice.class::cast)
                .toList();
    }

    boolean exhausted() {
        return unpressed.isEmpty();
    }

    int replies() {
        return replies;
    }

    /** Buttons pressed and options chosen. */
    int presses() {
        return presses;
    }

    /** Options chosen. */
    int chosen() {
        return chosen;
    }

    List<String> problems() {
        return List.copyOf(problems);
    }

    /** The buttons of a checked reply, link buttons left out. */
    static List<Button> buttons(JsonNode callback, String foundIn) {
        List<Button> buttons = new ArrayList<>();
        for (JsonNode row : callback.path("data").path("components")) {
            for (JsonNode component : row.path("components")) {
                if (component.path("type").asInt() == 2 && component.has("custom_id")) {
                    buttons.add(new Button(
                            component.path("custom_id").asText(),
                            component.path("label").asText(""),
                            !component.path("disabled").asBoolean(false),
                            foundIn));
                }
            }
        }
        return buttons;
    }

    /** The options of a checked reply's enabled select menus. */
    static List<Choice> choices(JsonNode callback, String foundIn) {
        List<Choice> choices = new ArrayList<>();
        for (JsonNode row : callback.path("data").path("components")) {
            for (JsonNode component : row.path("components")) {
                if (component.path("type").asInt() == 3
                        && !component.path("disabled").asBoolean(false)) {
                    for (JsonNode option : component.path("options")) {
                        choices.add(new Choice(
                                component.path("custom_id").asText(),
                                option.path("value").asText(),
                                option.path("label").asText(""),
                                foundIn));
                    }
                }
            }
        }
        return choices;
    }

    private Optional<JsonNode> answer(String where, Supplier<Reply> handler) {
        JsonNode callback;
        try {
            callback = JSON.readTree(handler.get().toCallback().toJson());
        } catch (IOException e) {
            throw new UncheckedIOException("JDA wrote a callback body that is not JSON", e);
        } catch (RuntimeException | StackOverflowError e) {
            // A handler that overflows its stack on some content fails that reply, not the whole crawl.
            problems.add(where + ": threw " + e);
            return Optional.empty();
        }
        replies++;
        limits.checkCallback(where, callback, problems);
        // Discord never delivers a click on a disabled button, so only enabled ones are worth pressing.
        for (Button button : buttons(callback, where)) {
            if (button.enabled() && seenIds.add(button.customId())) {
                unpressed.add(button);
            }
        }
        for (Choice choice : choices(callback, where)) {
            if (seenIds.add(choice.customId() + "\u0000" + choice.value())) {
                unpressed.add(choice);
            }
        }
        return Optional.of(callback);
    }

    private static String abbreviateOrigin(String origin) {
        return origin.length() <= ORIGIN_CHARS ? origin : origin.substring(0, ORIGIN_CHARS - 1) + "…";
    }
}
