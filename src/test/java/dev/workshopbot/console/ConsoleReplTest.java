package dev.workshopbot.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.workshopbot.App;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The REPL's own verbs, run through App.run on a workshop in a temporary folder. */
class ConsoleReplTest {

    private static final String PAGE = """
            ---
            title: Setup
            nav_order: 1
            ---
            # Setup

            Install [the tools](https://tools.example).

            ## Editor

            Pick an editor.

            ## Old notes

            Going away.
            """;

    @TempDir
    Path dir;

    private Path content() throws IOException {
        Path content = Files.createDirectories(dir.resolve("content"));
        Files.writeString(content.resolve("setup.md"), PAGE);
        return content;
    }

    private String console(InputStream input, String... extra) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String[] args = new String[extra.length + 3];
        args[0] = "--content";
        args[1] = dir.resolve("content").toString();
        args[2] = "console";
        System.arraycopy(extra, 0, args, 3, extra.length);
        int exit = App.run(
                args,
                input,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                Map.of("WORKSHOP_BOT_STORAGE_URL", "jdbc:sqlite:" + dir.resolve("bot.db")));
        assertEquals(0, exit);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static InputStream lines(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Types {@code first}, then runs {@code between} once the console has read it, then types {@code then}. */
    private static InputStream typed(String first, Runnable between, String then) {
        Enumeration<InputStream> parts = new Enumeration<>() {
            private int next;

            @Override
            public boolean hasMoreElements() {
                return next < 2;
            }

            @Override
            public InputStream nextElement() {
                if (next >= 2) {
                    throw new NoSuchElementException();
                }
                if (next++ == 0) {
                    return lines(first);
                }
                between.run();
                return lines(then);
            }
        };
        return new SequenceInputStream(parts);
    }

    @Test
    void reload_afterAnEdit_namesWhatWasAddedRemovedAndChanged() throws IOException {
        // GIVEN a console serving setup.md
        Path content = content();
        // WHEN a section is renamed and a link added while it runs, and the user types reload
        String out = console(typed(
                "/sections\n",
                () -> {
                    try {
                        Files.writeString(
                                content.resolve("setup.md"),
                                PAGE.replace("## Old notes", "## Shortcuts")
                                        .replace("Going away.", "See [keys](https://keys.example)."));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                },
                "reload\nquit\n"));
        // THEN the console shows the names, as /reload does on Discord, not only counts
        assertTrue(out.contains("Reloaded\nContent "), out);
        assertTrue(out.contains("Sections\n  added 1: shortcuts\n  removed 1: old-notes\n"), out);
        assertTrue(out.contains("Links\n  added 1: setup.md#https://keys.example"), out);
        assertFalse(out.contains("sections +1 -1"), out);
    }

    @Test
    void reload_ofBrokenContent_printsEveryProblemWithFileAndLine() throws IOException {
        // GIVEN a console whose content folder has two broken files
        Path content = content();
        Files.writeString(content.resolve("yaml.md"), "---\ntitle: [oops\n---\n# Y\n");
        Files.writeString(content.resolve("open.md"), "---\ntitle: Never closed\n\n# Heading\n");
        // WHEN the user types reload
        String out = console(lines("reload\nquit\n"));
        // THEN it is refused and each problem is named with its file and line
        assertTrue(out.contains("Reload refused: still serving the old content"), out);
        assertTrue(out.contains("\nyaml.md:2: error: malformed front matter"), out);
        assertTrue(out.contains("\nopen.md:1: error: malformed front matter"), out);
        assertFalse(out.contains("error(s)"), out);
    }

    @Test
    void help_listsTheConsolesOwnVerbsAndOptions_andPointsToSlashHelp() throws IOException {
        // GIVEN a console WHEN the user types help
        content();
        String out = console(lines("help\nquit\n"));
        String help = out.substring(out.indexOf("> ") + 2, out.lastIndexOf("> "));
        // THEN it explains press, select, reload, help, quit and the start-up options, then sends to /help
        for (String verb : new String[] {
            "press <custom_id>",
            "select <custom_id> <value>",
            "reload",
            "help",
            "quit",
            "--as moderator",
            "--json",
            "/help"
        }) {
            assertTrue(help.contains(verb), verb + " missing from:\n" + help);
        }
        // AND it is not /help's embed repeated
        assertFalse(help.contains("== "), help);
    }

    @Test
    void plan_showsItsMenuOfDays_andSelectPicksOne_asInDiscord() throws IOException {
        // GIVEN a console over a one-page workshop, so a plan of one day
        content();
        // WHEN the user runs /plan
        String plan = console(lines("/plan\nquit\n"));
        // THEN the menu is printed with what to type to choose each day
        Matcher choice =
                Pattern.compile("Day 1 · Setup → select (plan\\|\\S+) 0").matcher(plan);
        assertTrue(choice.find(), plan);
        // WHEN they type that
        String day = console(lines("select " + choice.group(1) + " 0\nquit\n"));
        // THEN day 1's reading opens, only for them, with the menu of its sections
        assertTrue(day.contains("(only you can see this)\n== Day 1 of 1: Setup"), day);
        assertTrue(day.contains("Editor → select plan|"), day);
    }
}
