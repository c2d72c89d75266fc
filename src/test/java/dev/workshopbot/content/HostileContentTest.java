package dev.workshopbot.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Content made to break the loader (deep nesting, binary files, quadratic input) is a path:line error, never a crash. */
class HostileContentTest {

    @TempDir
    Path dir;

    @BeforeEach
    void goodPage() throws IOException {
        Files.writeString(dir.resolve("good.md"), "---\ntitle: Good\nnav_order: 1\n---\n\n# Good\n\nFine text.\n");
    }

    @Test
    void twentyThousandLevelBlockQuote_isAnErrorNamingTheDepth_atA512kStack() throws Exception {
        // GIVEN a page whose only line is a block quote nested 20,000 times
        Files.writeString(dir.resolve("deep.md"), "# Deep\n\n" + ">".repeat(20_000) + " deep\n");

        // WHEN it is loaded on a thread with a 512 KiB stack
        Library library = onSmallStack(() -> new ContentLoader("https://example.org/ws").load(dir));

        // THEN it is one error on its line that names the depth, and the good page is still served
        Problem problem = onlyProblem(library, "deep.md");
        assertTrue(problem.isError());
        assertEquals(3, problem.line());
        assertTrue(
                problem.message()
                        .matches("block quotes, lists or emphasis nested \\d+ levels deep; the bot reads at"
                                + " most 64 levels"),
                problem.message());
        assertTrue(library.page("deep.md").isEmpty());
    }

    @Test
    void threeThousandLevelList_isAnError_atA512kStack() throws Exception {
        // GIVEN a list nested 3,000 times, written as markers on one line
        Files.writeString(dir.resolve("list.md"), "# List\n\n" + "- ".repeat(3_000) + "item\n");

        // WHEN it is loaded on a thread with a 512 KiB stack
        Library library = onSmallStack(() -> new ContentLoader("https://example.org/ws").load(dir));

        // THEN it is an error of that file and nothing else breaks
        Problem problem = onlyProblem(library, "list.md");
        assertTrue(problem.isError(), problem.toString());
        assertTrue(library.page("list.md").isEmpty());
    }

    @Test
    void nestingWithinTheLimit_isServed() throws Exception {
        // GIVEN a quote nested ten times, deeper than any real page
        Files.writeString(dir.resolve("nested.md"), "# Nested\n\n" + "> ".repeat(10) + "still read\n");

        // WHEN it is loaded
        Library library = new ContentLoader("https://example.org/ws").load(dir);

        // THEN its text is served
        assertEquals(
                "still read",
                library.page("nested.md")
                        .orElseThrow()
                        .sections()
                        .get(0)
                        .blocks()
                        .get(0)
                        .plain());
    }

    @Test
    void fileWithANulByte_isNotATextFile() throws IOException {
        // GIVEN a .md file that is valid UTF-8 but holds NUL bytes
        Files.write(dir.resolve("blob.md"), new byte[] {'#', ' ', 'x', '\n', 0, 0, 1, 2});

        // WHEN the content is loaded
        Library library = new ContentLoader("https://example.org/ws").load(dir);

        // THEN it is an error on line 1 and no page is served for it
        Problem problem = onlyProblem(library, "blob.md");
        assertTrue(
                problem.toString().startsWith("blob.md:1: error: not a text file: NUL byte at offset 4"),
                problem.toString());
        assertTrue(library.page("blob.md").isEmpty());
    }

    @Test
    void fileOfMostlyControlCharacters_isNotATextFile() throws IOException {
        // GIVEN a .md file of control characters and a few letters, without NUL
        byte[] bytes = new byte[400];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i % 4 == 0 ? 'a' : 1 + i % 8);
        }
        Files.write(dir.resolve("controls.md"), bytes);

        // WHEN the content is loaded
        Library library = new ContentLoader("https://example.org/ws").load(dir);

        // THEN it is refused as not text
        Problem problem = onlyProblem(library, "controls.md");
        assertTrue(
                problem.toString().startsWith("controls.md:1: error: not a text file: 300 of 400 characters"),
                problem.toString());
    }

    @Test
    void tabsAndLineEnds_areText() throws IOException {
        // GIVEN a page with tabs and CRLF line ends
        Files.writeString(dir.resolve("tabs.md"), "# Tabs\r\n\r\n\tcode\r\n\r\nText\there.\r\n");

        // WHEN it is loaded
        Library library = new ContentLoader("https://example.org/ws").load(dir);

        // THEN it is served with no problem
        assertEquals(List.of(), library.problems());
        assertTrue(library.page("tabs.md").isPresent());
    }

    @Test
    void attributeLists_areStrippedOnTheirOwnLineOnly_andLiquidIsLeftToTheLiquidPass() {
        // GIVEN attribute lists closed and unclosed, and text a {% raw %} kept
        String text = "a{: .x}b{{ kept }}c {:y\n}";

        // WHEN markup is stripped
        String stripped = Inlines.stripMarkup(text);

        // THEN the closed list is gone and the rest is kept as written
        assertEquals("ab{{ kept }}c {:y\n}", stripped);
    }

    @Test
    @Timeout(20)
    void aLineOf300KBOfLiquidOpeners_isOnePass_andTheWarningStaysShort() {
        // GIVEN a 300 KB line of "{%" closed only on the next line, and 100,000 output tags on one line
        String openers = "{%".repeat(150_000);
        String outputs = "{{ x }}".repeat(100_000);
        List<Problem> problems = new ArrayList<>();

        // WHEN the Liquid is rendered
        String rendered = Liquid.render("page.md", outputs + "\n" + openers + "\n{% x %}!", Site.NONE, problems);

        // THEN it ends, nothing of the tags is left, and no warning quotes the whole line
        assertEquals("\n!", rendered);
        assertTrue(problems.stream().allMatch(problem -> problem.toString().length() < 300));
        assertEquals(100_001, problems.size());
    }

    @Test
    @Timeout(60)
    void fileOverTheParseBudget_isAnError_andDoesNotBlockTheNextLoad() throws IOException {
        // GIVEN a page of "[a](" repeated, which flexmark parses in quadratic time
        Files.writeString(dir.resolve("slow.md"), "# Slow\n\n" + "[a](".repeat(30_000) + "\n");
        ContentLoader loader = new ContentLoader("https://example.org/ws", Duration.ofSeconds(1));

        // WHEN the content is loaded twice while the first parse may still be running
        Library first = loader.load(dir);
        Library second = loader.load(dir);

        // THEN both report the budget on that file, and the good page is served both times
        for (Library library : List.of(first, second)) {
            Problem problem = onlyProblem(library, "slow.md");
            assertTrue(
                    problem.toString().startsWith("slow.md:1: error: took longer than 1s to parse"),
                    problem.toString());
            assertTrue(library.page("slow.md").isEmpty());
        }
    }

    @Test
    void permalinkDiscordRefuses_isAnErrorOnThePermalinkLine() throws IOException {
        // GIVEN a page whose permalink has a space, brackets, angle brackets and a quote
        Files.writeString(
                dir.resolve("notes.md"),
                "---\ntitle: Notes\npermalink: \"/notes/a b)(<>\\\"x\"\n---\n\n# Notes\n\nText.\n");

        // WHEN the content is loaded
        Library library = new ContentLoader("https://example.org/ws").load(dir);

        // THEN validate reports it on line 3 and the page is not served with a URL Discord answers 400 to
        Problem problem = onlyProblem(library, "notes.md");
        assertTrue(
                problem.toString()
                        .startsWith("notes.md:3: error: page URL 'https://example.org/ws/notes/a%20b)(<>\"x'"
                                + " (from permalink) closes a bracket it never opened"),
                problem.toString());
        assertTrue(library.page("notes.md").isEmpty());
    }

    @Test
    void permalinkWithASpace_isPercentEncodedAsJekyllPublishesIt() throws IOException {
        // GIVEN a permalink with a space, which Jekyll publishes as %20
        Files.writeString(
                dir.resolve("notes.md"), "---\ntitle: Notes\npermalink: /my notes/\n---\n\n# Notes\n\nText.\n");

        // WHEN the content is loaded
        Library library = new ContentLoader("https://example.org/ws").load(dir);

        // THEN the page is served at the encoded URL
        assertEquals(List.of(), library.problems());
        assertEquals(
                "https://example.org/ws/my%20notes/",
                library.page("notes.md").orElseThrow().url());
    }

    @Test
    void linksDiscordRefuses_areDroppedWithAWarning_andTheirTextKept() throws IOException {
        // GIVEN links with an unbalanced bracket and a URL over Discord's 2048 characters, beside a good one
        String tooLong = "https://example.com/" + "a".repeat(2_100);
        Files.writeString(
                dir.resolve("links.md"),
                "# Links\n\nSee [one](<https://example.com/a)b>), [two](" + tooLong
                        + ") and [three](https://example.com/wiki/A_(b)).\n");

        // WHEN the content is loaded
        Library library = new ContentLoader("https://example.org/ws").load(dir);

        // THEN the two are warnings on their line, only the good link is kept, and the text reads whole
        List<String> problems =
                library.problems().stream().map(Problem::toString).toList();
        assertEquals(2, problems.size(), problems::toString);
        assertTrue(
                problems.get(0)
                        .startsWith("links.md:3: warning: link to 'https://example.com/a)b' dropped: the URL"
                                + " closes a bracket it never opened"),
                problems.get(0));
        assertTrue(problems.get(1).contains("is 2120 characters long; Discord takes at most 2048"), problems.get(1));
        assertEquals(
                List.of("https://example.com/wiki/A_(b)"),
                library.links().stream().map(Link::url).toList());
        assertEquals(
                "See one, two and three.",
                library.page("links.md")
                        .orElseThrow()
                        .sections()
                        .get(0)
                        .blocks()
                        .get(0)
                        .plain());
    }

    private static Library onSmallStack(Supplier<Library> load) throws InterruptedException {
        AtomicReference<Object> result = new AtomicReference<>();
        Thread thread = new Thread(
                null,
                () -> {
                    try {
                        result.set(load.get());
                    } catch (Throwable e) {
                        result.set(e);
                    }
                },
                "small-stack",
                512 * 1024);
        thread.start();
        thread.join();
        if (result.get() instanceof Throwable e) {
            throw new AssertionError("loading threw", e);
        }
        return (Library) result.get();
    }

    private static Problem onlyProblem(Library library, String path) {
        assertTrue(library.page("good.md").isPresent(), "the good page must still be served");
        List<Problem> problems = library.problems();
        assertEquals(1, problems.size(), () -> "expected one problem, got " + problems);
        Problem problem = problems.get(0);
        assertEquals(path, problem.path());
        return problem;
    }
}
