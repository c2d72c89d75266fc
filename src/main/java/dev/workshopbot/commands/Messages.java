package dev.workshopbot.commands;

import dev.workshopbot.search.Lookup;
import java.awt.Color;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.selections.SelectMenu;
import net.dv8tion.jda.api.components.selections.SelectOption;
import net.dv8tion.jda.api.components.selections.StringSelectMenu;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/** Builds every outgoing message: mentions never parsed, embeds within Discord's limits. */
public final class Messages {

    public static final int CONTENT_MAX = 2000;
    public static final int TITLE_MAX = MessageEmbed.TITLE_MAX_LENGTH;
    public static final int DESCRIPTION_MAX = MessageEmbed.DESCRIPTION_MAX_LENGTH;
    public static final int FIELD_NAME_MAX = MessageEmbed.TITLE_MAX_LENGTH;
    public static final int FIELD_VALUE_MAX = MessageEmbed.VALUE_MAX_LENGTH;
    public static final int FOOTER_MAX = 2048;
    public static final int EMBED_TOTAL_MAX = MessageEmbed.EMBED_MAX_LENGTH_BOT;
    public static final int LINK_BUTTON_URL_MAX = 512;
    public static final int MENU_OPTIONS_MAX = SelectMenu.OPTIONS_MAX_AMOUNT;
    public static final int OPTION_TEXT_MAX = SelectOption.LABEL_MAX_LENGTH;
    /** JDA's limit, stricter than Discord's 150: JDA refuses to build a menu with a longer one. */
    public static final int PLACEHOLDER_MAX = SelectMenu.PLACEHOLDER_MAX_LENGTH;

    private static final int ROWS_MAX = 5;
    static final Color ACCENT = new Color(0x5865F2);

    private Messages() {}

    /** A message with one embed and optional rows of buttons; nothing in it can ping. */
    public static MessageCreateData embed(EmbedBuilder embed, List<Button> buttons) {
        return embed(embed, buttons, List.of());
    }

    /** A message with one embed, rows of buttons, then a row for each select menu; nothing in it can ping. */
    public static MessageCreateData embed(EmbedBuilder embed, List<Button> buttons, List<StringSelectMenu> menus) {
        MessageCreateBuilder builder = base().setEmbeds(embed.build());
        List<ActionRow> rows = rows(buttons, ROWS_MAX - menus.size());
        menus.forEach(menu -> rows.add(ActionRow.of(menu)));
        if (!rows.isEmpty()) {
            builder.setComponents(rows);
        }
        return builder.build();
    }

    public static MessageCreateData embed(EmbedBuilder embed) {
        return embed(embed, List.of());
    }

    /** A plain text message, cut at a boundary if it would not fit. */
    public static MessageCreateData text(String content) {
        return base().setContent(Fit.cut(content, CONTENT_MAX, "")).build();
    }

    /** An ephemeral refusal or error that says what to do instead. */
    public static Reply refusal(String content) {
        return Reply.privately(text(content));
    }

    /**
     * The one way a name that found nothing is answered, privately: "No {@code what} matches “typed”.", the
     * alternatives {@code lookup} offers as "Did you mean …?", then {@code instead}, what to do otherwise.
     */
    public static Reply notFound(String what, String typed, Lookup<?> lookup, String instead) {
        List<String> alternatives = lookup.alternatives();
        String hint = alternatives.isEmpty()
                ? ""
                : " Did you mean "
                        + alternatives.stream()
                                .map(name -> "**" + Markdown.escape(name) + "**")
                                .collect(Collectors.joining(", "))
                        + "?";
        return refusal(Fit.cut(
                "No " + what + " matches “" + Markdown.escape(typed) + "”." + hint + " " + instead, CONTENT_MAX, ""));
    }

    private static MessageCreateBuilder base() {
        return new MessageCreateBuilder()
                .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
                .mentionRepliedUser(false);
    }

    /** An embed with the bot's colour, its title cut to fit and linked when the URL is usable. */
    public static EmbedBuilder titled(String title, String url) {
        EmbedBuilder embed = new EmbedBuilder().setColor(ACCENT);
        String fitted = Fit.cut(title.isBlank() ? "(untitled)" : title, TITLE_MAX, "");
        embed.setTitle(fitted, usableUrl(url) ? url : null);
        return embed;
    }

    static boolean usableUrl(String url) {
        return url != null
                && url.length() <= MessageEmbed.URL_MAX_LENGTH
                && (url.startsWith("http://") || url.startsWith("https://"));
    }

    /** A link button when the URL is one Discord takes, else nothing. */
    static List<Button> linkButton(String label, String url) {
        return usableUrl(url) && url.length() <= LINK_BUTTON_URL_MAX ? List.of(Button.link(url, label)) : List.of();
    }

    private static List<ActionRow> rows(List<Button> buttons, int maxRows) {
        List<ActionRow> rows = new ArrayList<>();
        for (int i = 0; i < buttons.size() && rows.size() < maxRows; i += 5) {
            rows.add(ActionRow.of(buttons.subList(i, Math.min(i + 5, buttons.size()))));
        }
        return rows;
    }

    /**
     * A select menu's option, its label and description cut to Discord's 100 characters; a blank description is
     * left out. Labels are shown as typed, so they are not Markdown-escaped.
     */
    static SelectOption option(String label, String value, String description) {
        SelectOption option = SelectOption.of(Fit.cut(label.isBlank() ? value : label, OPTION_TEXT_MAX, ""), value);
        return description == null || description.isBlank()
                ? option
                : option.withDescription(Fit.cut(description, OPTION_TEXT_MAX, ""));
    }

    /** A string select menu of the first 25 {@code options}, one picked at a time, its placeholder cut to fit. */
    static StringSelectMenu menu(String customId, String placeholder, List<SelectOption> options) {
        return StringSelectMenu.create(customId)
                .setPlaceholder(Fit.cut(placeholder, PLACEHOLDER_MAX, ""))
                .addOptions(options.subList(0, Math.min(options.size(), MENU_OPTIONS_MAX)))
                .build();
    }

    /** Previous / page n of m / next buttons for paged replies; {@code idForPage} makes each button's id. */
    static List<Button> pager(int page, int pages, java.util.function.IntFunction<String> idForPage) {
        if (pages <= 1) {
            return List.of();
        }
        return List.of(
                Button.secondary(idForPage.apply(page - 1), "◀ Previous").withDisabled(page <= 0),
                Button.secondary(idForPage.apply(page), "Page " + (page + 1) + " of " + pages)
                        .withDisabled(true),
                Button.secondary(idForPage.apply(page + 1), "Next ▶").withDisabled(page >= pages - 1));
    }
}
