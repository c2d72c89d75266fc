package dev.workshopbot;

import com.fasterxml.jackson.databind.JsonNode;
import dev.workshopbot.search.Suggester;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Discord's limits on an interaction callback body and on autocomplete choices, checked from the JSON Discord
 * would receive. Each finding names the reply and the part of it that broke which limit. The numbers are
 * Discord's (developer docs: Message, Embed, Component and Interaction resources), written out here rather
 * than taken from the bot, so a wrong constant in the bot cannot hide itself.
 */
final class DiscordLimits {

    static final int CONTENT = 2000;
    static final int EMBEDS = 10;
    static final int EMBED_TITLE = 256;
    static final int EMBED_DESCRIPTION = 4096;
    static final int EMBED_FIELDS = 25;
    static final int FIELD_NAME = 256;
    static final int FIELD_VALUE = 1024;
    static final int FOOTER = 2048;
    static final int AUTHOR_NAME = 256;
    static final int EMBED_TOTAL = 6000;
    static final int ACTION_ROWS = 5;
    static final int BUTTONS_PER_ROW = 5;
    static final int CUSTOM_ID = 100;
    static final int LINK_BUTTON_URL = 512;
    static final int BUTTON_LABEL = 80;
    static final int CHOICES = 25;
    static final int CHOICE_TEXT = 100;
    static final int SELECT_OPTIONS = 25;
    static final int SELECT_OPTION_TEXT = 100;
    static final int SELECT_PLACEHOLDER = 150;

    private static final int ACTION_ROW = 1;
    private static final int BUTTON = 2;
    private static final int STRING_SELECT = 3;
    private static final int LINK_STYLE = 5;
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Pattern TRAILING_WORD = Pattern.compile("[\\p{L}\\p{N}]+$");
    private static final Pattern ESCAPE = Pattern.compile("\\\\(.)");
    /** A masked link's destination that never closes: what a raw cut through {@code [text](url)} leaves. */
    private static final Pattern OPEN_LINK = Pattern.compile("\\]\\((?:https?|mailto):[^)\\s]*(?=\\s|$)");

    /** Words a cut may end on: every word of the workshop and of what users typed, lowercase. */
    private final Set<String> words;
    /** Words longer than the smallest limit, which no cut can keep whole. */
    private final List<String> unfittableWords;

    private DiscordLimits(Set<String> words) {
        this.words = words;
        this.unfittableWords =
                words.stream().filter(word -> word.length() > CHOICE_TEXT).toList();
    }

    /** Limits whose "no cut mid-word" check knows the words of the workshop in {@code content} and of {@code typed}. */
    static DiscordLimits forWorkshop(Path content, List<String> typed) {
        Set<String> words = new HashSet<>();
        try (Stream<Path> files = Files.walk(content)) {
            for (Path file :
                    files.filter(path -> path.toString().endsWith(".md")).toList()) {
                addWords(Files.readString(file, StandardCharsets.UTF_8), words);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the workshop at " + content, e);
        }
        typed.forEach(text -> addWords(text, words));
        return new DiscordLimits(words);
    }

    private static void addWords(String text, Set<String> into) {
        Matcher word = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (word.find()) {
            into.add(word.group());
        }
    }

    /** Every limit an interaction callback body must keep; adds one line per finding to {@code problems}. */
    void checkCallback(String where, JsonNode callback, List<String> problems) {
        int type = callback.path("type").asInt(-1);
        if (type != 4 && type != 7) {
            problems.add(where + ": callback type is " + callback.path("type") + ", not 4 (message) or 7 (update)");
        }
        JsonNode data = callback.path("data");
        checkMentions(where, data.path("allowed_mentions"), problems);
        String content = data.path("content").asText("");
        atMost(where, "content", content, CONTENT, problems);
        checkText(where, "content", content, problems);
        JsonNode embeds = data.path("embeds");
        JsonNode rows = data.path("components");
        if (content.isBlank() && embeds.size() == 0 && rows.size() == 0) {
            problems.add(where + ": the message is empty (no content, embeds or components); Discord refuses it");
        }
        if (embeds.size() > EMBEDS) {
            problems.add(where + ": " + embeds.size() + " embeds, over " + EMBEDS);
        }
        for (int i = 0; i < embeds.size(); i++) {
            checkEmbed(where + " embed " + i, embeds.get(i), problems);
        }
        checkComponents(where, rows, problems);
    }

    /** Discord's rules for one autocomplete answer. */
    void checkChoices(String where, List<Suggester.Entry> choices, List<String> problems) {
        if (choices.size() > CHOICES) {
            problems.add(where + ": " + choices.size() + " choices, over " + CHOICES);
        }
        for (int i = 0; i < choices.size(); i++) {
            Suggester.Entry choice = choices.get(i);
            String what = "choice " + i + " ('" + abbreviate(choice.label()) + "')";
            between(where, what + " name", choice.label(), 1, CHOICE_TEXT, problems);
            between(where, what + " value", choice.value(), 1, CHOICE_TEXT, problems);
            if (choice.label().isBlank()) {
                problems.add(where + ": " + what + " has a blank name");
            }
            checkText(where, what + " name", choice.label(), problems);
        }
    }

    private static void checkMentions(String where, JsonNode mentions, List<String> problems) {
        if (mentions.isMissingNode() || mentions.isNull()) {
            problems.add(where + ": no allowed_mentions, so Discord parses @everyone, roles and users in the text");
            return;
        }
        JsonNode parse = mentions.path("parse");
        if (!parse.isArray() || parse.size() > 0) {
            problems.add(where + ": allowed_mentions.parse is " + parse + ", not []");
        }
        for (String listed : List.of("users", "roles")) {
            if (mentions.path(listed).size() > 0) {
                problems.add(where + ": allowed_mentions." + listed + " lists " + mentions.path(listed)
                        + "; nothing may ping");
            }
        }
    }

    private void checkEmbed(String where, JsonNode embed, List<String> problems) {
        String title = embed.path("title").asText("");
        String description = embed.path("description").asText("");
        String footer = embed.path("footer").path("text").asText("");
        String author = embed.path("author").path("name").asText("");
        atMost(where, "title", title, EMBED_TITLE, problems);
        atMost(where, "description", description, EMBED_DESCRIPTION, problems);
        atMost(where, "footer", footer, FOOTER, problems);
        atMost(where, "author name", author, AUTHOR_NAME, problems);
        checkText(where, "title", title, problems);
        checkText(where, "description", description, problems);
        checkText(where, "footer", footer, problems);
        int total = title.length() + description.length() + footer.length() + author.length();
        JsonNode fields = embed.path("fields");
        if (fields.size() > EMBED_FIELDS) {
            problems.add(where + ": " + fields.size() + " fields, over " + EMBED_FIELDS);
        }
        for (int i = 0; i < fields.size(); i++) {
            String name = fields.get(i).path("name").asText("");
            String value = fields.get(i).path("value").asText("");
            String field = "field " + i + " ('" + abbreviate(name) + "')";
            between(where, field + " name", name, 1, FIELD_NAME, problems);
            between(where, field + " value", value, 1, FIELD_VALUE, problems);
            checkText(where, field + " name", name, problems);
            checkText(where, field + " value", value, problems);
            total += name.length() + value.length();
        }
        if (total > EMBED_TOTAL) {
            problems.add(where + ": title, description, fields, footer and author add up to " + total
                    + " characters, over " + EMBED_TOTAL);
        }
    }

    private void checkComponents(String where, JsonNode rows, List<String> problems) {
        if (rows.size() > ACTION_ROWS) {
            problems.add(where + ": " + rows.size() + " action rows, over " + ACTION_ROWS);
        }
        Set<String> ids = new HashSet<>();
        for (int r = 0; r < rows.size(); r++) {
            JsonNode row = rows.get(r);
            if (row.path("type").asInt() != ACTION_ROW) {
                problems.add(where + ": top-level component " + r + " is of type " + row.path("type")
                        + ", not an action row");
                continue;
            }
            JsonNode children = row.path("components");
            if (children.size() == 1 && children.get(0).path("type").asInt() == STRING_SELECT) {
                checkSelect(where + " menu " + r, children.get(0), ids, problems);
                continue;
            }
            if (children.size() > BUTTONS_PER_ROW) {
                problems.add(
                        where + ": action row " + r + " has " + children.size() + " buttons, over " + BUTTONS_PER_ROW);
            }
            for (int b = 0; b < children.size(); b++) {
                checkButton(where + " button " + r + "." + b, children.get(b), ids, problems);
            }
        }
    }

    /** A string select menu fills its action row alone; Discord's limits on its id, placeholder and options. */
    private void checkSelect(String where, JsonNode menu, Set<String> ids, List<String> problems) {
        String id = menu.path("custom_id").asText("");
        between(where, "custom_id", id, 1, CUSTOM_ID, problems);
        if (!ids.add(id)) {
            problems.add(where + ": custom_id '" + id + "' is used twice in one message");
        }
        String placeholder = menu.path("placeholder").asText("");
        atMost(where, "placeholder", placeholder, SELECT_PLACEHOLDER, problems);
        checkText(where, "placeholder", placeholder, problems);
        JsonNode options = menu.path("options");
        if (options.size() < 1 || options.size() > SELECT_OPTIONS) {
            problems.add(where + ": " + options.size() + " options, not 1–" + SELECT_OPTIONS);
        }
        if (menu.path("min_values").asInt(1) > options.size()
                || menu.path("max_values").asInt(1) > options.size()) {
            problems.add(where + ": asks for more values than its " + options.size() + " options");
        }
        Set<String> values = new HashSet<>();
        for (int i = 0; i < options.size(); i++) {
            JsonNode option = options.get(i);
            String label = option.path("label").asText("");
            String value = option.path("value").asText("");
            String what = "option " + i + " ('" + abbreviate(label) + "')";
            between(where, what + " label", label, 1, SELECT_OPTION_TEXT, problems);
            between(where, what + " value", value, 1, SELECT_OPTION_TEXT, problems);
            checkText(where, what + " label", label, problems);
            if (option.has("description")) {
                String description = option.path("description").asText("");
                between(where, what + " description", description, 1, SELECT_OPTION_TEXT, problems);
                checkText(where, what + " description", description, problems);
            }
            if (!values.add(value)) {
                problems.add(where + ": " + what + " repeats the value '" + value + "'");
            }
        }
    }

    private void checkButton(String where, JsonNode button, Set<String> ids, List<String> problems) {
        if (button.path("type").asInt() != BUTTON) {
            problems.add(where + ": component of type " + button.path("type")
                    + " beside others in a row, where only buttons may be");
            return;
        }
        String label = button.path("label").asText("");
        String what = "'" + abbreviate(label) + "'";
        atMost(where, "label " + what, label, BUTTON_LABEL, problems);
        checkText(where, "label " + what, label, problems);
        if (button.path("style").asInt() == LINK_STYLE) {
            String url = button.path("url").asText("");
            between(where, "link button " + what + " url", url, 1, LINK_BUTTON_URL, problems);
            if (button.has("custom_id")) {
                problems.add(where + ": link button " + what + " also has a custom_id");
            }
            return;
        }
        String id = button.path("custom_id").asText("");
        between(where, "custom_id of " + what, id, 1, CUSTOM_ID, problems);
        if (!ids.add(id)) {
            problems.add(where + ": custom_id '" + id + "' of " + what + " is used twice in one message");
        }
    }

    /**
     * Text that was cut ends the cut with "…" right after a whole word (only a word longer than the smallest
     * limit may be cut inside), and a cut never leaves a masked link or a code block open.
     */
    private void checkText(String where, String what, String text, List<String> problems) {
        for (int at = text.indexOf('…'); at >= 0; at = text.indexOf('…', at + 1)) {
            String raw = text.substring(Math.max(0, at - 300), at).replace("**", "");
            String before = ESCAPE.matcher(raw).replaceAll("$1");
            Matcher word = TRAILING_WORD.matcher(before);
            if (word.find() && !isWholeWord(word.group().toLowerCase(Locale.ROOT))) {
                problems.add(where + ": " + what + " is cut mid-word: '…" + abbreviateEnd(before) + "…'");
            }
        }
        Matcher open = OPEN_LINK.matcher(text);
        if (open.find()) {
            problems.add(where + ": " + what + " has a masked link cut open at '"
                    + abbreviate(
                            text.substring(Math.max(0, open.start() - 40), Math.min(text.length(), open.end() + 10)))
                    + "'");
        }
        int fences = 0;
        for (int at = text.indexOf("```"); at >= 0; at = text.indexOf("```", at + 3)) {
            fences++;
        }
        if (fences % 2 == 1) {
            problems.add(where + ": " + what + " opens a code block it never closes (" + fences + " fences)");
        }
    }

    private boolean isWholeWord(String word) {
        return words.contains(word) || unfittableWords.stream().anyMatch(longWord -> longWord.contains(word));
    }

    private static void atMost(String where, String what, String text, int max, List<String> problems) {
        between(where, what, text, 0, max, problems);
    }

    private static void between(String where, String what, String text, int min, int max, List<String> problems) {
        if (text.length() < min || text.length() > max) {
            problems.add(where + ": " + what + " is " + text.length() + " characters, not " + min + "–" + max);
        }
    }

    static String abbreviate(String text) {
        String flat = text.replace('\n', ' ');
        return flat.length() <= 60 ? flat : flat.substring(0, 59) + "…";
    }

    private static String abbreviateEnd(String text) {
        String flat = text.replace('\n', ' ');
        return flat.length() <= 40 ? flat : flat.substring(flat.length() - 40);
    }
}
