package dev.workshopbot.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.workshopbot.content.ContentLoader;
import dev.workshopbot.content.Library;
import dev.workshopbot.search.Snapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.MessageEmbed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Numbers read back from a button id are clamped whatever their version; echoed text never overflows an id. */
class ForgedAndEchoedIdsTest {

    private static final Library SITE = new ContentLoader("https://workshop.example.test/prep-workshop")
            .load(Path.of("src/test/resources/sites/study-workshop"));
    private static final Snapshot SNAPSHOT = Snapshot.of(SITE);
    private static final String VERSION = SITE.version().substring(0, 8);

    private static String description(Reply reply) {
        List<MessageEmbed> embeds = reply.message().getEmbeds();
        return embeds.isEmpty() ? reply.message().getContent() : embeds.get(0).getDescription();
    }

    @ParameterizedTest(name = "sections page {0}")
    @ValueSource(strings = {"999", "-5", "2147483648", "x", ""})
    void forgedSectionsPage_ofTheCurrentVersion_showsTheWholeTable_insteadOfFailing(String page) {
        // GIVEN a /sections id carrying the current version and a page number that names no page
        Reply reply = new SectionsCommand(() -> SNAPSHOT)
                .press("sections|" + VERSION + "|page|" + page + "|0", Caller.CONSOLE_MEMBER);
        // THEN the whole table of contents is shown, as an update of the message
        assertTrue(reply.updatesMessage());
        assertEquals("Table of contents", reply.message().getEmbeds().get(0).getTitle());
    }

    @ParameterizedTest(name = "chunk {0}")
    @ValueSource(strings = {"999", "-1", "abc"})
    void forgedChunkNumbers_areClampedToThePagesThatExist(String chunk) {
        Reply sections = new SectionsCommand(() -> SNAPSHOT)
                .press("sections|" + VERSION + "|page|-|" + chunk, Caller.CONSOLE_MEMBER);
        assertFalse(description(sections).isBlank());
        Reply lists = new ReadingListCommand(() -> SNAPSHOT)
                .press("reading-list|" + VERSION + "|page|-|" + chunk, Caller.CONSOLE_MEMBER);
        assertFalse(description(lists).isBlank());
        String section = SITE.handle(SITE.sections().get(1));
        Reply full = new SectionCommand(() -> SNAPSHOT)
                .press("section|" + VERSION + "|full|" + section + "|" + chunk, Caller.CONSOLE_MEMBER);
        assertFalse(description(full).isBlank());
    }

    @ParameterizedTest(name = "quote {0} author {1}")
    @ValueSource(strings = {"999|999", "-3|-3", "x|y"})
    void forgedQuoteNumbers_stillPickAQuote(String numbers) {
        Reply reply = new QuoteCommand(() -> SNAPSHOT, new Random(1))
                .press("quote|" + VERSION + "|another|" + numbers + "|", Caller.CONSOLE_MEMBER);
        assertTrue(
                reply.message().getEmbeds().get(0).getTitle().startsWith("A quote from"),
                reply.message().toData().toString());
    }

    @Test
    void searchOfEmoji_echoedIntoTheAnotherButton_fitsItsId_withoutSplittingOne() {
        // GIVEN 60 emoji (Discord's cap on the option, counted in code points: 120 UTF-16 units) that match a quote
        String emoji = "🙂".repeat(60);
        Snapshot withEmojiQuote = Snapshot.of(new ContentLoader("https://x.example")
                .load(write("---\ntitle: Emoji\n---\n# Emoji\n\n> " + emoji + " is how we feel\n\n> another " + emoji
                        + "\n")));
        // WHEN /quote search: echoes it into the Another button
        Reply reply = new QuoteCommand(() -> withEmojiQuote, new Random(1))
                .handle(new Invocation("quote", null, Map.of("search", emoji), Caller.CONSOLE_MEMBER));
        // THEN the id is within 100 UTF-16 units and ends on a whole emoji
        String id = ((Button) reply.message()
                        .getComponents()
                        .get(0)
                        .asActionRow()
                        .getComponents()
                        .get(0))
                .getCustomId();
        assertTrue(id.length() <= ButtonId.MAX_LENGTH, id.length() + ": " + id);
        assertFalse(Character.isHighSurrogate(id.charAt(id.length() - 1)), id);
        assertTrue(id.endsWith("🙂"), id);
    }

    @Test
    void longAsciiInTheLastArgument_isCutToFit_andOtherPartsStay() {
        String id = ButtonId.of("quote", SITE.version(), "another", "3", "-", "x".repeat(200))
                .encode();
        assertEquals(ButtonId.MAX_LENGTH, id.length());
        assertTrue(id.startsWith("quote|" + VERSION + "|another|3|-|xxx"), id);
    }

    @Test
    void quoteOnAWorkshopWithoutQuotes_saysSo_insteadOfSuggestingQuoteAlone() {
        Snapshot none = Snapshot.of(new ContentLoader("https://x.example")
                .load(write("---\ntitle: Plain\n---\n# Plain\n\nNo quotes here, only prose.\n")));
        Reply alone = new QuoteCommand(() -> none, new Random(1))
                .handle(new Invocation("quote", null, Map.of(), Caller.CONSOLE_MEMBER));
        assertTrue(alone.ephemeral());
        assertTrue(
                alone.message().getContent().startsWith("This workshop has no quotes yet"),
                alone.message().getContent());
        assertFalse(alone.message().getContent().contains("/quote alone"));
        // AND on a workshop with quotes, a search that finds none still points to /quote alone
        Reply none2 = new QuoteCommand(() -> SNAPSHOT, new Random(1))
                .handle(new Invocation("quote", null, Map.of("search", "zzqxv"), Caller.CONSOLE_MEMBER));
        assertTrue(
                none2.message().getContent().contains("/quote alone"),
                none2.message().getContent());
    }

    @TempDir
    static Path dir;

    private static int pages;

    private static Path write(String markdown) {
        try {
            Path content = Files.createDirectories(dir.resolve("content-" + pages++));
            Files.writeString(content.resolve("page.md"), markdown);
            return content;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
