package dev.workshopbot.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.workshopbot.commands.Caller;
import dev.workshopbot.commands.QuoteCommand;
import dev.workshopbot.commands.SearchCommand;
import dev.workshopbot.commands.SlashCommand;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Typed slash lines against the real command definitions; only the definitions are read, never the content. */
class CommandLineTest {

    private static final Map<String, SlashCommand> COMMANDS =
            Map.of("search", new SearchCommand(() -> null), "quote", new QuoteCommand(() -> null, new Random(1)));

    private static Map<String, String> options(String line) throws CommandLine.BadLine {
        return CommandLine.parse(line, COMMANDS, Caller.CONSOLE_MEMBER, false)
                .invocation()
                .options();
    }

    @Test
    void singleTextOption_withoutQuotes_takesTheRestOfTheLine() throws CommandLine.BadLine {
        // GIVEN /search, whose only option is query WHEN its value has spaces and no quotes
        // THEN the whole rest of the line is the query
        assertEquals(Map.of("query", "what is vibe coding"), options("/search query:what is vibe coding"));
    }

    @Test
    void wordsThatAreNotKeys_joinTheLastKey_andAKnownKeyStartsANewOne() throws CommandLine.BadLine {
        // GIVEN /quote's two options WHEN both are typed without quotes
        Map<String, String> options = options("/quote search:vibe coding author:Simon Willison");
        // THEN each key takes the words up to the next known key
        assertEquals(Map.of("search", "vibe coding", "author", "Simon Willison"), options);
    }

    @Test
    void aWordWithAColonButNoKnownKey_isPartOfTheValue() throws CommandLine.BadLine {
        // GIVEN a query whose words contain colons that are not option names
        // THEN they stay in the value
        assertEquals(Map.of("query", "meet at 09:00 re: prompts"), options("/search query:meet at 09:00 re: prompts"));
    }

    @Test
    void quotedValues_keepWorking_andEndTheirValue() throws CommandLine.BadLine {
        // GIVEN a quoted value followed by another key THEN both are read as before
        assertEquals(Map.of("search", "a b", "author", "x"), options("/quote search:\"a b\" author:x"));
        // AND a word after a closed quote is not silently glued to it
        CommandLine.BadLine after = assertThrows(CommandLine.BadLine.class, () -> options("/quote search:\"a b\" c"));
        assertTrue(after.getMessage().contains("'c' is not an option"), after.getMessage());
    }

    @Test
    void lineThatStillCannotBeRead_isRefusedNamingTheProblem() {
        // GIVEN words before any key, an unknown first key, and a key given twice THEN each is refused as before
        CommandLine.BadLine bare = assertThrows(CommandLine.BadLine.class, () -> options("/search what is this"));
        assertTrue(bare.getMessage().contains("'what' is not an option; write key:value"), bare.getMessage());
        CommandLine.BadLine unknown = assertThrows(CommandLine.BadLine.class, () -> options("/quote colour:red"));
        assertTrue(
                unknown.getMessage().contains("unknown option 'colour' for /quote (options: search, author)"),
                unknown.getMessage());
        CommandLine.BadLine twice =
                assertThrows(CommandLine.BadLine.class, () -> options("/quote search:a author:b search:c"));
        assertTrue(twice.getMessage().contains("option 'search' is given twice"), twice.getMessage());
    }

    @Test
    void autocomplete_completesTheLastKeyWithAllItsWords() throws CommandLine.BadLine {
        // GIVEN an author being typed with a space in it
        CommandLine.Parsed parsed =
                CommandLine.parse("/quote search:vibe author:Simon Wil", COMMANDS, Caller.CONSOLE_MEMBER, true);
        // THEN the option being completed is author and its text is everything typed so far
        assertEquals("author", parsed.lastOption());
        assertEquals("Simon Wil", parsed.invocation().options().get("author"));
    }
}
