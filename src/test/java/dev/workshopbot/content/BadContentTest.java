package dev.workshopbot.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each kind of bad content is one specific path:line problem; the good pages beside it are still served. */
class BadContentTest {

    @TempDir
    Path dir;

    @BeforeEach
    void goodPage() throws IOException {
        write("good.md", "---\ntitle: Good\nnav_order: 1\n---\n\n# Good\n\nFine text.\n");
    }

    @Test
    void notUtf8_isAnErrorOnTheLineOfTheBadByte() throws IOException {
        Files.write(dir.resolve("latin1.md"), "# Title\n\nCaf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        Problem problem = onlyProblem(load(), "latin1.md");
        assertEquals(3, problem.line());
        assertTrue(problem.isError());
        assertTrue(problem.message().startsWith("not UTF-8: byte 0xE9"), problem.message());
    }

    @Test
    void malformedFrontMatter_isAnErrorOnTheLineJacksonStoppedAt() throws IOException {
        write("bad-yaml.md", "---\ntitle: Fine\nnav_order: [1, 2\n---\n\n# Heading\n");
        Problem problem = onlyProblem(load(), "bad-yaml.md");
        assertTrue(problem.isError());
        assertTrue(problem.line() >= 3 && problem.line() <= 4, "line " + problem.line());
        assertTrue(problem.message().startsWith("malformed front matter"), problem.message());
    }

    @Test
    void unclosedFrontMatter_isAnErrorOnLineOne() throws IOException {
        write("open.md", "---\ntitle: Open\n\n# Heading\n\nText.\n");
        Problem problem = onlyProblem(load(), "open.md");
        assertEquals(1, problem.line());
        assertTrue(problem.message().contains("no closing '---'"), problem.message());
    }

    @Test
    void frontMatterOfTheWrongType_namesTheKey() throws IOException {
        write("typed.md", "---\ntitle: Typed\nnav_order: {a: 1}\n---\n\n# Heading\n");
        Problem problem = onlyProblem(load(), "typed.md");
        assertEquals(3, problem.line());
        assertTrue(problem.message().startsWith("nav_order must be"), problem.message());
    }

    @Test
    void symlinkLeavingTheContentDirectory_isRefused(@TempDir Path outside) throws IOException {
        Path secret = Files.writeString(outside.resolve("secret.md"), "# Secret\n\nDo not serve.\n");
        Files.createSymbolicLink(dir.resolve("escape.md"), secret);
        Library library = load();
        Problem problem = onlyProblem(library, "escape.md");
        assertTrue(problem.isError());
        assertTrue(problem.message().startsWith("refused: symlink points outside"), problem.message());
        assertTrue(
                library.sections().stream().noneMatch(section -> section.title().equals("Secret")));
    }

    @Test
    void fileOver5MiB_isRefusedWithoutReadingIt() throws IOException {
        byte[] big = new byte[(int) ContentLoader.MAX_FILE_BYTES + 1];
        java.util.Arrays.fill(big, (byte) 'a');
        Files.write(dir.resolve("huge.md"), big);
        Problem problem = onlyProblem(load(), "huge.md");
        assertEquals(1, problem.line());
        assertTrue(problem.message().contains("the limit is 5120 KiB (5 MiB)"), problem.message());
    }

    @Test
    void duplicateSectionIds_areNumberedLikeTheSite_andWarned() throws IOException {
        write("dup.md", "# Dup\n\n## Setup\n\nOne.\n\n## Setup\n\nTwo.\n");
        Library library = load();
        Problem problem = onlyProblem(library, "dup.md");
        assertEquals(7, problem.line());
        assertTrue(problem.message().contains("duplicate heading id 'setup' (first at line 3)"), problem.message());
        assertEquals(
                List.of("dup", "setup", "setup-1"),
                library.page("dup.md").orElseThrow().sections().stream()
                        .map(Section::id)
                        .toList());
    }

    @Test
    void sectionIdUsedByTwoPages_isNormal_andEachIsReachedAsPageSlashAnchor() throws IOException {
        write("other.md", "---\ntitle: Other\nnav_order: 2\n---\n\n# Good\n\nSame id as good.md.\n");
        Library library = load();
        assertTrue(
                library.problems().stream().noneMatch(problem -> problem.path().equals("other.md")),
                library.problems().toString());
        assertEquals("other.md", library.section("other/good").orElseThrow().pagePath());
        assertEquals("good.md", library.section("good/good").orElseThrow().pagePath());
        assertTrue(library.section("good").isEmpty(), "a bare anchor two pages share names neither");
    }

    @Test
    void emptyFile_isAWarningAndServesNothing() throws IOException {
        write("empty.md", "");
        Library library = load();
        Problem problem = onlyProblem(library, "empty.md");
        assertEquals(Problem.Severity.WARNING, problem.severity());
        assertEquals("empty.md:1: warning: empty file: nothing to index", problem.toString());
        assertEquals(1, library.pages().size());
    }

    @Test
    void headinglessPage_isServedAsOneSection_withAWarning() throws IOException {
        write("notes.md", "---\ntitle: Loose Notes\n---\n\nJust a paragraph. And another sentence.\n");
        Library library = load();
        Problem problem = onlyProblem(library, "notes.md");
        assertEquals(5, problem.line());
        assertTrue(problem.message().startsWith("page has no headings"), problem.message());
        Section only = library.page("notes.md").orElseThrow().sections().get(0);
        assertEquals("loose-notes", only.id());
        assertEquals("Just a paragraph. And another sentence.", only.summary());
    }

    @Test
    void unsafeLinkSchemes_areDroppedWithAWarning_andTheirTextKept() throws IOException {
        write("links.md", "# Links\n\nClick [here](javascript:alert(1)) or [there](data:text/html,x).\n");
        Library library = load();
        List<Problem> problems = library.problems().stream()
                .filter(p -> p.path().equals("links.md"))
                .toList();
        assertEquals(2, problems.size());
        assertTrue(problems.get(0).message().startsWith("link to 'javascript:alert(1)' dropped"));
        assertTrue(library.links().stream().noneMatch(link -> link.page().equals("links.md")));
        assertEquals(
                "Click here or there.",
                library.page("links.md")
                        .orElseThrow()
                        .sections()
                        .get(0)
                        .blocks()
                        .get(0)
                        .plain());
    }

    @Test
    void missingContentDirectory_isAnError_notAnException() {
        Library library = new ContentLoader("https://example.org").load(dir.resolve("nope"));
        assertEquals(1, library.errorCount());
        assertTrue(library.problems().get(0).message().contains("does not exist"));
    }

    private Library load() {
        Library library = new ContentLoader("https://example.org/ws").load(dir);
        assertTrue(library.page("good.md").isPresent(), "the good page must still be served");
        return library;
    }

    private static Problem onlyProblem(Library library, String path) {
        List<Problem> problems = library.problems();
        assertEquals(1, problems.size(), () -> "expected one problem, got " + problems);
        Problem problem = problems.get(0);
        assertEquals(path, problem.path());
        return problem;
    }

    private void write(String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text);
    }
}
