package dev.workshopbot.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.workshopbot.content.Span;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Spans as Discord Markdown: escaped text, masked links, the author's marks with no delimiter touching a blank. */
class MarkdownTest {

    private static Span marked(String text, Span.Mark... marks) {
        return new Span(text, null, Set.of(marks), "");
    }

    private static String spans(Span... spans) {
        return Markdown.spans(List.of(spans));
    }

    @Test
    void plainText_isEscaped_everyMarkdownCharacterOnItsOwn() {
        assertEquals("a\\*b\\_c\\~d\\|e\\`f\\[g\\]h\\\\i", spans(Span.plain("a*b_c~d|e`f[g]h\\i")));
        assertEquals("\\*\\*\\*not bold\\*\\*\\*", spans(Span.plain("***not bold***")));
    }

    @Test
    void plainText_lineStartsThatDiscordReadsAsMarkup_areEscaped() {
        assertEquals(
                "\\# title\n\\-# small\n\\> quote\n  \\- item\n12\\. step\na # b - c > d 1. e",
                spans(Span.plain("# title\n-# small\n> quote\n  - item\n12. step\na # b - c > d 1. e")));
    }

    @Test
    void noSpans_isEmpty() {
        assertEquals("", Markdown.spans(List.of()));
    }

    @Test
    void boldThenItalic_closeAndOpenBackToBack() {
        assertEquals("**bold**_italic_", spans(marked("bold", Span.Mark.BOLD), marked("italic", Span.Mark.ITALIC)));
    }

    @Test
    void italicInsideBold_nestsInsideOneBoldRun() {
        assertEquals(
                "**a _b_ c**",
                spans(
                        marked("a ", Span.Mark.BOLD),
                        marked("b", Span.Mark.BOLD, Span.Mark.ITALIC),
                        marked(" c", Span.Mark.BOLD)));
    }

    @Test
    void severalMarksOnOneSpan_nestStrikeThenBoldThenItalic() {
        assertEquals("~~**_all_**~~", spans(marked("all", Span.Mark.ITALIC, Span.Mark.STRIKE, Span.Mark.BOLD)));
    }

    @Test
    void aMarkNotOpenedFirst_isClosedAndReopenedInOrder() {
        assertEquals("_a_**_b_**", spans(marked("a", Span.Mark.ITALIC), marked("b", Span.Mark.BOLD, Span.Mark.ITALIC)));
    }

    @Test
    void blanksAtTheEdgesOfAMarkedSpan_goOutsideItsDelimiters() {
        assertEquals("a **b** c", spans(Span.plain("a"), marked(" b ", Span.Mark.BOLD), Span.plain("c")));
        assertEquals("**bold** ", spans(marked("bold ", Span.Mark.BOLD)));
        assertEquals(" _it_\n", spans(marked(" it\n", Span.Mark.ITALIC)));
    }

    @Test
    void aNestedMarkEndingInABlank_closesBeforeTheBlank() {
        assertEquals("**_a_ b**", spans(marked("a ", Span.Mark.BOLD, Span.Mark.ITALIC), marked("b", Span.Mark.BOLD)));
    }

    @Test
    void aMarkAroundOnlyBlanks_isDropped() {
        assertEquals("a  b", spans(Span.plain("a"), marked("  ", Span.Mark.BOLD), Span.plain("b")));
        assertEquals(
                "**a b**",
                spans(
                        marked("a", Span.Mark.BOLD),
                        marked(" ", Span.Mark.BOLD, Span.Mark.ITALIC),
                        marked("b", Span.Mark.BOLD)));
    }

    @Test
    void nestedMarksAroundOnlyBlanks_leaveNoDelimiterTouchingABlank() {
        assertEquals(
                "a  b",
                spans(
                        Span.plain("a"),
                        marked(" ", Span.Mark.BOLD),
                        marked(" ", Span.Mark.BOLD, Span.Mark.ITALIC),
                        Span.plain("b")));
    }

    @Test
    void aMarkOpenedOnlyByBlanks_opensBeforeTheFirstNonBlank() {
        assertEquals("  **x**", spans(marked(" ", Span.Mark.BOLD), marked(" x", Span.Mark.BOLD)));
        assertEquals("**x**", spans(marked("", Span.Mark.BOLD), marked("x", Span.Mark.BOLD)));
    }

    @Test
    void markedTextIsEscapedInsideItsDelimiters() {
        assertEquals("**2\\*3**", spans(marked("2*3", Span.Mark.BOLD)));
    }

    @Test
    void strikethrough_usesTildes() {
        assertEquals("was ~~old~~ new", spans(Span.plain("was "), marked("old", Span.Mark.STRIKE), Span.plain(" new")));
    }

    @Test
    void inlineCode_isInBackticks_unescaped() {
        assertEquals("run `a_b *c*`", spans(Span.plain("run "), marked("a_b *c*", Span.Mark.CODE)));
    }

    @Test
    void inlineCodeContainingABacktick_isInDoubleBackticksWithBlanks() {
        assertEquals("`` a`b ``", spans(marked("a`b", Span.Mark.CODE)));
        assertEquals("`` x` ``", spans(marked("x`", Span.Mark.CODE)));
    }

    @Test
    void inlineCodeContainingDoubleBackticks_cannotCloseEarly() {
        assertEquals("`aʼʼb`", spans(marked("a``b", Span.Mark.CODE)));
        assertEquals("`` aʼʼ`b ``", spans(marked("a```b", Span.Mark.CODE)));
    }

    @Test
    void inlineCodeOnTwoLines_isOneLine() {
        assertEquals("`a b`", spans(marked("a\nb", Span.Mark.CODE)));
    }

    @Test
    void boldCode_isCodeInsideBold() {
        assertEquals("**`x`**", spans(marked("x", Span.Mark.BOLD, Span.Mark.CODE)));
    }

    @Test
    void aCodeBlockSpan_isFencedOnItsOwnLines_withItsLanguage() {
        assertEquals(
                "Run:\n```bash\nmake test\n```\nthen look",
                spans(Span.plain("Run: "), Span.codeBlock("make test", "bash"), Span.plain(" then look")));
    }

    @Test
    void aCodeBlockSpanFirst_startsTheText_withoutABlankLine() {
        assertEquals("```\nls\n```", spans(Span.codeBlock("ls", "")));
    }

    @Test
    void aCodeBlockSpan_closesOpenMarksBeforeIt() {
        assertEquals(
                "**Run**\n```sh\nx\n```\n_after_",
                spans(marked("Run ", Span.Mark.BOLD), Span.codeBlock("x", "sh"), marked("after", Span.Mark.ITALIC)));
    }

    @Test
    void aCodeBlockSpan_keepsAFollowingNewline_andTheListMarkerAfterIt() {
        assertEquals(
                "1\\. Run:\n```py\nprint(1)\n```\n2\\. Done",
                spans(
                        Span.plain("1. "),
                        Span.plain("Run:"),
                        Span.plain(" "),
                        Span.codeBlock("print(1)", "py"),
                        Span.plain("\n2. "),
                        Span.plain("Done")));
    }

    @Test
    void aCodeBlockSpan_languageIsSanitised_andAFenceInsideCannotCloseIt() {
        assertEquals("```c++\na ʼʼʼ b\n```", spans(Span.codeBlock("a ``` b", "c++")));
        assertEquals("```js\nx\n```", spans(Span.codeBlock("x", "js`<>")));
    }

    @Test
    void aLink_isMasked_withItsTextEscaped() {
        assertEquals("see [a\\_b](https://x.test/p)", spans(Span.plain("see "), new Span("a_b", "https://x.test/p")));
    }

    @Test
    void aLinkUrl_hasNoBlankOrParenthesisThatEndsIt() {
        assertEquals("[w](https://x.test/a%20b%28c%29)", spans(new Span("w", "https://x.test/a b(c)")));
    }

    @Test
    void aCrossReference_isAnArrowThenTheLink() {
        assertEquals(
                "Next: → [Setup](https://ws.test/setup/)",
                spans(
                        Span.plain("Next: "),
                        new Span("Setup", "https://ws.test/setup/", Set.of(Span.Mark.CROSS_REFERENCE), "")));
    }

    @Test
    void aBoldLink_isTheLinkInsideBold() {
        assertEquals("**[x](https://x.test/)**", spans(new Span("x", "https://x.test/", Set.of(Span.Mark.BOLD), "")));
    }

    @Test
    void aCodeLink_isCodeInsideTheLink() {
        assertEquals(
                "[`run()`](https://x.test/)", spans(new Span("run()", "https://x.test/", Set.of(Span.Mark.CODE), "")));
    }
}
