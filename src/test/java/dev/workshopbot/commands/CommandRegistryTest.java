package dev.workshopbot.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.workshopbot.search.Suggester;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import org.junit.jupiter.api.Test;

/** Routing by name, with plain values: invocations, button ids, menu choices and autocomplete. */
class CommandRegistryTest {

    /** A command that records what reached it. */
    static final class Echo implements SlashCommand {
        final String name;
        final List<String> seen = new ArrayList<>();

        Echo(String name) {
            this.name = name;
        }

        @Override
        public SlashCommandData data() {
            return Commands.slash(name, "echo");
        }

        @Override
        public Reply handle(Invocation invocation) {
            seen.add("handle " + invocation.options());
            return Reply.visible(Messages.text(name));
        }

        @Override
        public List<Suggester.Entry> autocomplete(String option, String typed) {
            List<Suggester.Entry> many = new ArrayList<>();
            many.add(new Suggester.Entry("x".repeat(150), "long-label"));
            many.add(new Suggester.Entry("bad value", "v".repeat(101)));
            for (int i = 0; i < 40; i++) {
                many.add(new Suggester.Entry("Choice " + i, "c" + i));
            }
            return many;
        }

        @Override
        public Reply press(String customId, Caller caller) {
            seen.add("press " + customId);
            return Reply.update(Messages.text(name));
        }

        @Override
        public Reply select(String customId, List<String> values, Caller caller) {
            seen.add("select " + customId + " " + values);
            return Reply.privately(Messages.text(name));
        }
    }

    /** A command with buttons of its own but no menus. */
    static final class Plain implements SlashCommand {
        @Override
        public SlashCommandData data() {
            return Commands.slash("plain", "no menus");
        }

        @Override
        public Reply handle(Invocation invocation) {
            return Reply.visible(Messages.text("plain"));
        }
    }

    private final Echo section = new Echo("section");
    private final Echo quote = new Echo("quote");
    private final CommandRegistry registry = new CommandRegistry(List.of(section, quote));

    @Test
    void invocations_goToTheCommandOfThatName() {
        registry.handle(new Invocation("quote", null, Map.of("search", "ai"), Caller.CONSOLE_MEMBER));
        assertEquals(List.of("handle {search=ai}"), quote.seen);
        assertEquals(List.of(), section.seen);
    }

    @Test
    void buttons_goToTheCommandNamedByTheirIdsFirstPart() {
        registry.press("section|abcd1234|full|x|0", Caller.CONSOLE_MEMBER);
        assertEquals(List.of("press section|abcd1234|full|x|0"), section.seen);
    }

    @Test
    void menuChoices_goToTheCommandNamedByTheirIdsFirstPart_withTheValuesPicked() {
        registry.select("quote|abcd1234|day|-", List.of("3"), Caller.CONSOLE_MEMBER);
        assertEquals(List.of("select quote|abcd1234|day|- [3]"), quote.seen);
        assertEquals(List.of(), section.seen);
    }

    @Test
    void menuOfAnUnknownCommand_orOfACommandWithoutMenus_isAnEphemeralRefusal() {
        Reply unknown = registry.select("forged|x", List.of("1"), Caller.CONSOLE_MEMBER);
        assertTrue(unknown.ephemeral());
        assertTrue(
                unknown.message().getContent().contains("/help"),
                unknown.message().getContent());
        Reply none =
                new CommandRegistry(List.of(new Plain())).select("plain|x|y|-", List.of("1"), Caller.CONSOLE_MEMBER);
        assertTrue(none.ephemeral());
        assertTrue(
                none.message().getContent().contains("Run the command again"),
                none.message().getContent());
    }

    @Test
    void unknownCommandOrButton_isAnEphemeralRefusal() {
        Reply unknown = registry.handle(new Invocation("nope", null, Map.of(), Caller.CONSOLE_MEMBER));
        assertTrue(unknown.ephemeral());
        assertTrue(unknown.message().getContent().contains("/help"));
        assertTrue(registry.press("forged|x", Caller.CONSOLE_MEMBER).ephemeral());
    }

    @Test
    void autocomplete_isCappedAt25_withNamesAndValuesOf1To100Characters() {
        List<Suggester.Entry> choices = registry.autocomplete("section", "name", "");
        assertEquals(25, choices.size());
        for (Suggester.Entry choice : choices) {
            assertTrue(choice.label().length() >= 1 && choice.label().length() <= 100, choice.label());
            assertTrue(choice.value().length() >= 1 && choice.value().length() <= 100, choice.value());
        }
        assertTrue(choices.get(0).label().endsWith("…"), "a long label is cut, not dropped");
        assertTrue(
                choices.stream().noneMatch(choice -> choice.label().equals("bad value")),
                "a value Discord would reject is left out");
    }

    @Test
    void twoCommandsWithOneName_failFast() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> new CommandRegistry(List.of(new Echo("a"), new Echo("a"))));
        assertEquals("two commands are named 'a'", e.getMessage());
    }
}
