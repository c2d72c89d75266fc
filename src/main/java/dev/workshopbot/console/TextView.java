package dev.workshopbot.console;

import dev.workshopbot.commands.Reply;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.components.MessageTopLevelComponentUnion;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.selections.StringSelectMenu;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/**
 * A reply as a person reads it in a terminal: embed parts, then buttons with the ids {@code press} takes and menus
 * with what {@code select} takes.
 */
final class TextView {

    private TextView() {}

    static String of(Reply reply) {
        StringBuilder out = new StringBuilder();
        if (reply.ephemeral()) {
            out.append("(only you can see this)\n");
        }
        if (reply.updatesMessage()) {
            out.append("(updates the message)\n");
        }
        MessageCreateData message = reply.message();
        if (!message.getContent().isEmpty()) {
            out.append(message.getContent()).append('\n');
        }
        for (MessageEmbed embed : message.getEmbeds()) {
            if (embed.getTitle() != null) {
                out.append("== ").append(embed.getTitle());
                if (embed.getUrl() != null) {
                    out.append("  <").append(embed.getUrl()).append('>');
                }
                out.append('\n');
            }
            if (embed.getDescription() != null) {
                out.append(embed.getDescription()).append('\n');
            }
            for (MessageEmbed.Field field : embed.getFields()) {
                out.append("\n-- ")
                        .append(field.getName())
                        .append('\n')
                        .append(field.getValue())
                        .append('\n');
            }
            if (embed.getFooter() != null) {
                out.append("\n(").append(embed.getFooter().getText()).append(")\n");
            }
        }
        for (MessageTopLevelComponentUnion component : message.getComponents()) {
            ActionRow row = component.asActionRow();
            String buttons = row.getButtons().stream().map(TextView::button).collect(Collectors.joining("  "));
            if (!buttons.isEmpty()) {
                out.append(buttons).append('\n');
            }
            row.getComponents().stream()
                    .filter(StringSelectMenu.class::isInstance)
                    .map(StringSelectMenu.class::cast)
                    .forEach(menu -> out.append(menu(menu)));
        }
        return out.toString().stripTrailing();
    }

    private static String menu(StringSelectMenu menu) {
        StringBuilder out = new StringBuilder("[" + menu.getPlaceholder() + " ▾]\n");
        menu.getOptions()
                .forEach(option -> out.append("  ")
                        .append(option.getLabel())
                        .append(" → select ")
                        .append(menu.getCustomId())
                        .append(' ')
                        .append(option.getValue())
                        .append('\n'));
        return out.toString();
    }

    private static String button(Button button) {
        String target = button.getUrl() != null ? button.getUrl() : "press " + button.getCustomId();
        return "[" + button.getLabel() + (button.isDisabled() ? ", disabled" : "") + " → " + target + "]";
    }
}
