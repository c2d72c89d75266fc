package dev.workshopbot.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vladsch.flexmark.ast.ListBlock;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Lists as lines of text: markers, two spaces a level, code blocks in items kept as code blocks. */
class ListRendererTest {

    /** Keeps every link as written. */
    private static final Inlines.Sink AS_WRITTEN = (destination, text, line) -> destination;

    private static ListRenderer.RenderedList render(String markdown) {
        Document document = PageParser.markdown(markdown);
        return new ListRenderer(new Inlines(document, AS_WRITTEN)).render((ListBlock) document.getFirstChild());
    }

    private static Node firstBlock(String markdown) {
        return PageParser.markdown(markdown).getFirstChild();
    }

    private static List<String> itemTexts(ListRenderer.RenderedList list) {
        return list.items().stream().map(Inlines.Rendered::plain).toList();
    }

    @Test
    void bulletList_isOneBulletLinePerItem() {
        ListRenderer.RenderedList list = render("- one\n- two\n- three\n");
        assertEquals("• one\n• two\n• three", list.whole().plain());
        assertEquals(List.of("one", "two", "three"), itemTexts(list));
    }

    @Test
    void bulletList_spansAreMarkersThenText_eachLaterMarkOnANewLine() {
        ListRenderer.RenderedList list = render("- one\n- two\n");
        assertEquals(
                List.of(Span.plain("• "), Span.plain("one"), Span.plain("\n• "), Span.plain("two")),
                list.whole().spans());
    }

    @Test
    void orderedList_isNumberedFromItsStart_countingUpWhateverTheAuthorWrote() {
        assertEquals("3. a\n4. b\n5. c", render("3. a\n3. b\n3. c\n").whole().plain());
        assertEquals("1. a\n2. b", render("1. a\n1. b\n").whole().plain());
    }

    @Test
    void nestedLists_areIndentedTwoSpacesALevel_andNumberedPerList() {
        ListRenderer.RenderedList list = render("1. first\n   - a\n     - deep\n   - b\n2. second\n   1. sub\n");
        assertEquals(
                "1. first\n  • a\n    • deep\n  • b\n2. second\n  1. sub",
                list.whole().plain());
    }

    @Test
    void items_areInDocumentOrder_eachWithoutItsNestedLists() {
        ListRenderer.RenderedList list = render("- parent\n  - child\n    - grandchild\n- sibling\n");
        assertEquals(List.of("parent", "child", "grandchild", "sibling"), itemTexts(list));
        assertEquals(List.of(Span.plain("parent")), list.items().get(0).spans());
    }

    @Test
    void anItemOfTwoParagraphs_isOneLine_joinedByABlank() {
        ListRenderer.RenderedList list = render("- first para\n\n  second para\n- next\n");
        assertEquals("• first para second para\n• next", list.whole().plain());
        assertEquals(List.of("first para second para", "next"), itemTexts(list));
    }

    @Test
    void inlineFormattingAndLinks_inAnItem_areKeptAsSpans() {
        ListRenderer.RenderedList list = render("- **Bold** and [a link](https://x.test/a) and `code`\n");
        assertEquals(
                List.of(
                        Span.plain("• "),
                        new Span("Bold", null, Set.of(Span.Mark.BOLD), ""),
                        Span.plain(" and "),
                        new Span("a link", "https://x.test/a"),
                        Span.plain(" and "),
                        new Span("code", null, Set.of(Span.Mark.CODE), "")),
                list.whole().spans());
        assertEquals("• Bold and a link and code", list.whole().plain());
    }

    @Test
    void aFencedCodeBlockInAnItem_isACodeBlockSpan_withItsLanguage() {
        ListRenderer.RenderedList list = render("1. Run:\n\n   ```bash\n   make test\n   ```\n2. Done\n");
        assertEquals(
                List.of(
                        Span.plain("1. "),
                        Span.plain("Run:"),
                        Span.plain(" "),
                        Span.codeBlock("make test", "bash"),
                        Span.plain("\n2. "),
                        Span.plain("Done")),
                list.whole().spans());
    }

    @Test
    void aCodeBlockInAnItem_isNoPartOfItsProse() {
        ListRenderer.RenderedList list = render("1. Run:\n\n   ```bash\n   make test\n   ```\n2. Done\n");
        assertFalse(list.whole().plain().contains("make test"), list.whole().plain());
        assertEquals(List.of("Run:", "Done"), itemTexts(list));
        assertEquals(
                List.of(Span.plain("Run:"), Span.plain(" "), Span.codeBlock("make test", "bash")),
                list.items().get(0).spans());
    }

    @Test
    void anItemThatIsOnlyCode_hasNoProse_butKeepsTheCode() {
        ListRenderer.RenderedList list = render("- ```\n  ls -l\n  ```\n- after\n");
        assertEquals(List.of("", "after"), itemTexts(list));
        assertEquals(List.of(Span.codeBlock("ls -l", "")), list.items().get(0).spans());
    }

    @Test
    void anIndentedCodeBlockInAnItem_isACodeBlockSpan_withoutALanguage() {
        ListRenderer.RenderedList list = render("- Type:\n\n      ls -l\n- after\n");
        assertEquals(
                List.of(Span.plain("Type:"), Span.plain(" "), Span.codeBlock("ls -l", "")),
                list.items().get(0).spans());
    }

    @Test
    void codeText_isTheCodeWithoutFencesOrTrailingBlankLines() {
        assertEquals("a = 1\n  b = 2", ListRenderer.codeText(firstBlock("```python\na = 1\n  b = 2\n\n\n```\n")));
        assertEquals("x", ListRenderer.codeText(firstBlock("~~~\nx\n~~~\n")));
        assertEquals("", ListRenderer.codeText(firstBlock("```\n```\n")));
    }

    @Test
    void codeText_ofAnIndentedBlock_isItsLinesWithoutTheIndent() {
        assertEquals("first\n  second", ListRenderer.codeText(firstBlock("    first\n      second\n")));
    }

    @Test
    void language_isTheFencesInfo_orEmpty() {
        assertEquals("python", ListRenderer.language(firstBlock("```python\nx\n```\n")));
        assertEquals("js", ListRenderer.language(firstBlock("~~~ js \nx\n~~~\n")));
        assertEquals("python", ListRenderer.language(firstBlock("```python title=\"a.py\"\nx\n```\n")));
        assertEquals("", ListRenderer.language(firstBlock("```\nx\n```\n")));
        assertEquals("", ListRenderer.language(firstBlock("    indented\n")));
    }

    @Test
    void isCode_isTrueForFencedAndIndentedBlocksOnly() {
        assertTrue(ListRenderer.isCode(firstBlock("```\nx\n```\n")));
        assertTrue(ListRenderer.isCode(firstBlock("    x\n")));
        assertFalse(ListRenderer.isCode(firstBlock("x\n")));
        assertFalse(ListRenderer.isCode(firstBlock("- x\n")));
    }
}
