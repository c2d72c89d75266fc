package dev.workshopbot.commands;

import dev.workshopbot.search.Suggester;
import java.util.List;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/** One slash command: its definition for Discord, its answer, its autocomplete, its buttons and its menus. */
public interface SlashCommand {

    /** The definition registered with Discord; the name routes invocations and button ids here. */
    SlashCommandData data();

    default String name() {
        return data().getName();
    }

    Reply handle(Invocation invocation);

    /** Whether answers are for the caller only; decides who sees a deferred answer. */
    default boolean repliesPrivately() {
        return false;
    }

    /** Whether this invocation's answer is for the caller only, where an option decides ({@code /ask private:}). */
    default boolean repliesPrivately(Invocation invocation) {
        return repliesPrivately();
    }

    /** Choices for the focused option given what the user has typed. */
    default List<Suggester.Entry> autocomplete(String option, String typed) {
        return List.of();
    }

    /** A click on one of this command's buttons. */
    default Reply press(String customId, Caller caller) {
        return Messages.refusal("That button no longer does anything. Run the command again.");
    }

    /** A choice from one of this command's select menus: the menu's custom id and the values picked. */
    default Reply select(String customId, List<String> values, Caller caller) {
        return Messages.refusal("That menu no longer does anything. Run the command again.");
    }
}
