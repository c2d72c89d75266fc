package dev.workshopbot.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.workshopbot.content.Block;
import dev.workshopbot.content.Span;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Tables in Discord: aligned monospace when they fit a phone, else one labelled line per row. */
class TablesTest {

    private static Block cell(String text, String... attributes) {
        return cell(text, text.isEmpty() ? List.of() : List.of(Span.plain(text)), attributes);
    }

    private static Block cell(String plain, List<Span> spans, String... attributes) {
        return new Block(Block.Kind.CELL, plain, spans, 1, List.of(attributes));
    }

    private static Block header(Block... cells) {
        return new Block(Block.Kind.ROW, "", List.of(), 1, List.of("header"), null, List.of(cells));
    }

    private static Block row(Block... cells) {
        return new Block(Block.Kind.ROW, "", List.of(), 2, List.of(), null, List.of(cells));
    }

    private static Block table(Block... rows) {
        return new Block(Block.Kind.TABLE, "table text", List.of(), 1, List.of(), null, List.of(rows));
    }

    @Test
    void aNarrowTable_isAnAlignedMonospaceBlock_withARuleUnderItsHeader() {
        Block table = table(
                header(cell("Op"), cell("Cost")), row(cell("push"), cell("O(1)")), row(cell("pop"), cell("O(n)")));
        assertEquals("```\nOp   | Cost\n-----+-----\npush | O(1)\npop  | O(n)\n```", Tables.render(table));
    }

    @Test
    void monospaceCells_followTheirColumnsAlignment() {
        Block table = table(
                header(cell("Name", "align=left"), cell("N", "align=right"), cell("Mid", "align=center")),
                row(cell("x", "align=left"), cell("12345", "align=right"), cell("a", "align=center")));
        assertEquals("```\nName |     N | Mid\n-----+-------+----\nx    | 12345 |  a\n```", Tables.render(table));
    }

    @Test
    void centredText_putsTheOddBlankOnTheRight() {
        Block table = table(row(cell("abcde"), cell("z")), row(cell("ab", "align=center"), cell("z")));
        assertEquals("```\nabcde | z\n ab   | z\n```", Tables.render(table));
    }

    @Test
    void aTableWithoutAHeaderRow_hasNoRule() {
        Block table = table(row(cell("a"), cell("b")), row(cell("cc"), cell("d")));
        assertEquals("```\na  | b\ncc | d\n```", Tables.render(table));
    }

    @Test
    void emptyCellsAndMissingCells_arePaddedBlanks_andLineEndsAreTrimmed() {
        Block table = table(
                header(cell("A"), cell("B"), cell("C")),
                row(cell("1"), cell(""), cell("3")),
                row(cell("4"), cell("5"), cell("")),
                row(cell("6")));
        assertEquals("```\nA | B | C\n--+---+--\n1 |   | 3\n4 | 5 |\n6 |   |\n```", Tables.render(table));
    }

    @Test
    void anEmptyColumn_stillHasAOneDashRule() {
        Block table = table(header(cell("A"), cell("")), row(cell("1"), cell("")));
        assertEquals("```\nA |\n--+--\n1 |\n```", Tables.render(table));
    }

    @Test
    void monospaceCells_showTextOnly_linksAndMarksDropped_fencesDefused() {
        Block table = table(
                header(cell("K"), cell("V")),
                row(
                        cell("docs", List.of(new Span("docs", "https://x.test/d"))),
                        cell("a```b", List.of(new Span("a```b", null, Set.of(Span.Mark.CODE), "")))),
                row(cell("two lines", List.of(Span.plain("two\nlines"))), cell("**", List.of(Span.plain("**")))));
        assertEquals(
                "```\nK         | V\n----------+------\ndocs      | aʼʼʼb\ntwo lines | **\n```", Tables.render(table));
    }

    @Test
    void widthIsCountedInCodePoints_soAnEmojiIsOneColumn() {
        Block table = table(header(cell("Ok"), cell("X")), row(cell("👍"), cell("y")));
        assertEquals("```\nOk | X\n---+--\n👍  | y\n```", Tables.render(table));
    }

    @Test
    void wideCjkCharacters_countOneColumnEach_asTheDocumentedApproximation() {
        // 日本 shows two columns wide per character on a phone; the renderer counts one, so this line is short by 2.
        Block table = table(header(cell("Word"), cell("N")), row(cell("日本"), cell("2")));
        assertEquals("```\nWord | N\n-----+--\n日本   | 2\n```", Tables.render(table));
    }

    @Test
    void aTableExactlyAtTheWidthLimit_isStillMonospace() {
        String left = "a".repeat(26);
        String right = "b".repeat(27);
        assertEquals(Tables.MAX_WIDTH, left.length() + 3 + right.length());
        Block table = table(row(cell(left), cell(right)));
        assertEquals("```\n" + left + " | " + right + "\n```", Tables.render(table));
    }

    @Test
    void aTableOneColumnTooWide_isLabelledRowLines() {
        String left = "a".repeat(27);
        String right = "b".repeat(27);
        Block table = table(header(cell("L"), cell("R")), row(cell(left), cell(right)));
        assertEquals("• **L:** " + left + " · **R:** " + right, Tables.render(table));
    }

    @Test
    void aWideTable_isOneLinePerBodyRow_eachValueLabelledByItsHeader() {
        String wide = "x".repeat(60);
        Block table = table(
                header(cell("Time"), cell("Space")), row(cell(wide), cell("O(1)")), row(cell("O(n)"), cell("O(n)")));
        assertEquals(
                "• **Time:** " + wide + " · **Space:** O(1)\n• **Time:** O(n) · **Space:** O(n)", Tables.render(table));
    }

    @Test
    void rowLines_skipEmptyCells_andLeaveUnlabelledThoseWithoutAHeader() {
        String wide = "x".repeat(60);
        Block table = table(
                header(cell("A"), cell(""), cell("C")),
                row(cell(""), cell("no label"), cell(wide)),
                row(cell("1"), cell("2"), cell("3"), cell("extra")));
        assertEquals("• no label · **C:** " + wide + "\n• **A:** 1 · 2 · **C:** 3 · extra", Tables.render(table));
    }

    @Test
    void rowLines_keepLinksAndFormatting_andEscapeLabelsAndText() {
        String wide = "x".repeat(60);
        Block table = table(
                header(cell("a_b"), cell("Link")),
                row(
                        cell(wide + "*", List.of(Span.plain(wide + "*"))),
                        cell(
                                "docs here",
                                List.of(
                                        new Span("docs", "https://x.test/d"),
                                        new Span(" here", null, Set.of(Span.Mark.BOLD), "")))));
        assertEquals(
                "• **a\\_b:** " + wide + "\\* · **Link:** [docs](https://x.test/d) **here**", Tables.render(table));
    }

    @Test
    void aWideTableWithoutHeader_isUnlabelledRowLines() {
        String wide = "y".repeat(60);
        Block table = table(row(cell(wide), cell("z")));
        assertEquals("• " + wide + " · z", Tables.render(table));
    }

    @Test
    void aTableWithNoRows_isItsEscapedPlainText() {
        Block table = new Block(Block.Kind.TABLE, "a | *b*", List.of(), 1, List.of(), null, List.of());
        assertEquals("a \\| \\*b\\*", Tables.render(table));
    }
}
