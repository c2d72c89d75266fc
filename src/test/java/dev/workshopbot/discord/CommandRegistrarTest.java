package dev.workshopbot.discord;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import org.junit.jupiter.api.Test;

class CommandRegistrarTest {

    private static CommandData section(String description) {
        return Commands.slash("section", description).addOption(OptionType.STRING, "name", "Section", true, true);
    }

    @Test
    void sameDefinitionsInAnotherOrder_areTheSame() {
        CommandData help = Commands.slash("help", "Help");
        assertTrue(CommandRegistrar.same(List.of(section("Show"), help), List.of(help, section("Show"))));
    }

    @Test
    void aChangedDescription_orAMissingCommand_isAChange() {
        assertFalse(CommandRegistrar.same(List.of(section("Show")), List.of(section("Show a section"))));
        assertFalse(CommandRegistrar.same(
                List.of(section("Show")), List.of(section("Show"), Commands.slash("help", "Help"))));
    }
}
