package dev.workshopbot.content;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.util.ast.Document;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** GFM tables as TABLE blocks of ROW blocks of CELL blocks, header and alignment as attributes. */
class TableReaderTest {

    private static final Inlines.Sink AS_WRITTEN = (destination, text, line) -> destination;

    private static Block read(String markdown) {
        return read(markdown, List.of());
    }

    private static Block read(String markdown, List<String> attributes) {
        Document document = PageParser.markdown(markdown);
        return new TableReader(new Inlines(document, AS_WRITTEN))
                .read((TableBlock) document.getFirstChild(), 7, attributes);
    }

    private static List<String> cellTexts(Block row) {
        return row.children().stream().map(Block::plain).toList();
    }

    private static List<List<String>> cellAttributes(Block row) {
        return row.children().stream().map(Block::attributes).toList();
    }

    @Test
    void aTable_isItsHeaderRowThenItsBodyRows_withoutTheSeparator() {
        Block table = read("| Op | Cost |\n|----|------|\n| push | O(1) |\n| pop | O(1) |\n");
        assertEquals(Block.Kind.TABLE, table.kind());
        assertEquals(3, table.children().size());
        assertEquals(List.of("Op", "Cost"), cellTexts(table.children().get(0)));
        assertEquals(List.of("push", "O(1)"), cellTexts(table.children().get(1)));
        assertEquals(List.of("pop", "O(1)"), cellTexts(table.children().get(2)));
        table.children().forEach(row -> assertEquals(Block.Kind.ROW, row.kind()));
        table.children().get(0).children().forEach(cell -> assertEquals(Block.Kind.CELL, cell.kind()));
    }

    @Test
    void plain_isTheRowsAsPipeSeparatedLines() {
        Block table = read("| Op | Cost |\n|----|------|\n| push | O(1) |\n| pop | O(1) |\n");
        assertEquals("Op | Cost\npush | O(1)\npop | O(1)", table.plain());
        assertEquals("push | O(1)", table.children().get(1).plain());
    }

    @Test
    void theHeaderRowAndItsCells_areMarkedHeader_bodyRowsAreNot() {
        Block table = read("| A | B |\n|---|---|\n| 1 | 2 |\n");
        assertEquals(List.of("header"), table.children().get(0).attributes());
        assertEquals(
                List.of(List.of("header"), List.of("header")),
                cellAttributes(table.children().get(0)));
        assertEquals(List.of(), table.children().get(1).attributes());
        assertEquals(
                List.of(List.of(), List.of()), cellAttributes(table.children().get(1)));
    }

    @Test
    void alignedColumns_giveEveryCellOfTheColumnAnAlignAttribute() {
        Block table = read("| L | C | R | N |\n|:--|:-:|--:|---|\n| 1 | 2 | 3 | 4 |\n");
        assertEquals(
                List.of(
                        List.of("header", "align=left"),
                        List.of("header", "align=center"),
                        List.of("header", "align=right"),
                        List.of("header")),
                cellAttributes(table.children().get(0)));
        assertEquals(
                List.of(List.of("align=left"), List.of("align=center"), List.of("align=right"), List.of()),
                cellAttributes(table.children().get(1)));
    }

    @Test
    void anEmptyCell_isACellWithNoTextAndNoSpans() {
        Block table = read("| A | B | C |\n|---|---|---|\n|   | x |   |\n");
        Block row = table.children().get(1);
        assertEquals(List.of("", "x", ""), cellTexts(row));
        assertEquals(List.of(), row.children().get(0).spans());
        assertEquals(" | x | ", row.plain());
    }

    @Test
    void inlineFormattingInCells_isKeptAsSpans_andPlainIsItsText() {
        Block table = read("| Name | Notes |\n|---|---|\n| **bold** | `code`, _it_ and [docs](https://x.test/d) |\n");
        Block row = table.children().get(1);
        assertEquals(
                List.of(new Span("bold", null, Set.of(Span.Mark.BOLD), "")),
                row.children().get(0).spans());
        assertEquals(
                List.of(
                        new Span("code", null, Set.of(Span.Mark.CODE), ""),
                        Span.plain(", "),
                        new Span("it", null, Set.of(Span.Mark.ITALIC), ""),
                        Span.plain(" and "),
                        new Span("docs", "https://x.test/d")),
                row.children().get(1).spans());
        assertEquals(List.of("bold", "code, it and docs"), cellTexts(row));
    }

    @Test
    void anEscapedPipe_isTextInTheCell_notAColumn() {
        Block table = read("| Expr |\n|---|\n| a \\| b |\n");
        assertEquals(List.of("a | b"), cellTexts(table.children().get(1)));
    }

    @Test
    void lines_areOneBasedSourceLines_andTheTableKeepsItsGivenLineAndAttributes() {
        Block table = read("| A |\n|---|\n| 1 |\n| 2 |\n", List.of(".note"));
        assertEquals(7, table.line());
        assertEquals(List.of(".note"), table.attributes());
        assertEquals(
                List.of(1, 3, 4), table.children().stream().map(Block::line).toList());
        assertEquals(3, table.children().get(1).children().get(0).line());
    }

    @Test
    void aHeaderOnlyTable_isOneHeaderRow() {
        Block table = read("| A | B |\n|---|---|\n");
        assertEquals(1, table.children().size());
        assertEquals("A | B", table.plain());
    }

    @Test
    void aRowWithFewerCells_keepsOnlyTheCellsItHas() {
        Block table = read("| A | B |\n|---|---|\n| 1 |\n");
        assertEquals(List.of("1"), cellTexts(table.children().get(1)));
    }
}
