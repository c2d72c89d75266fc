package dev.workshopbot.content;

import com.vladsch.flexmark.ast.CodeBlock;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.ListBlock;
import com.vladsch.flexmark.ast.OrderedList;
import com.vladsch.flexmark.util.ast.Node;
import java.util.ArrayList;
import java.util.List;

/**
 * A Markdown list as lines of text: {@code 1.} or {@code •} markers, nested items indented two spaces a level, and a
 * code block inside an item kept as a code block with its language (a numbered step that says what to run).
 */
final class ListRenderer {

    /** The whole list, and each item's own text (without its nested lists), in document order. */
    record RenderedList(Inlines.Rendered whole, List<Inlines.Rendered> items) {}

    private final Inlines inlines;

    ListRenderer(Inlines inlines) {
        this.inlines = inlines;
    }

    RenderedList render(ListBlock list) {
        List<Span> spans = new ArrayList<>();
        StringBuilder plain = new StringBuilder();
        List<Inlines.Rendered> items = new ArrayList<>();
        render(list, 0, spans, plain, items);
        return new RenderedList(new Inlines.Rendered(plain.toString().strip(), spans), items);
    }

    private void render(
            ListBlock list, int depth, List<Span> spans, StringBuilder plain, List<Inlines.Rendered> items) {
        int number = list instanceof OrderedList ordered ? ordered.getStartNumber() : 0;
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            String marker = "  ".repeat(depth) + (list instanceof OrderedList ? (number++) + ". " : "• ");
            if (!spans.isEmpty()) {
                marker = "\n" + marker;
            }
            spans.add(Span.plain(marker));
            plain.append(marker);
            List<Span> own = new ArrayList<>();
            StringBuilder ownPlain = new StringBuilder();
            int itemIndex = items.size();
            items.add(null);
            for (Node child = item.getFirstChild(); child != null; child = child.getNext()) {
                if (child instanceof ListBlock nested) {
                    render(nested, depth + 1, spans, plain, items);
                    continue;
                }
                Inlines.Rendered text = isCode(child) ? code(child) : inlines.render(child);
                if (text.spans().isEmpty()) {
                    continue;
                }
                if (!own.isEmpty()) {
                    Span gap = Span.plain(" ");
                    own.add(gap);
                    spans.add(gap);
                    ownPlain.append(' ');
                    plain.append(' ');
                }
                own.addAll(text.spans());
                spans.addAll(text.spans());
                ownPlain.append(text.plain());
                plain.append(text.plain());
            }
            items.set(itemIndex, new Inlines.Rendered(ownPlain.toString().strip(), own));
        }
    }

    static boolean isCode(Node node) {
        return node instanceof CodeBlock || node instanceof FencedCodeBlock || node instanceof IndentedCodeBlock;
    }

    /** A code block in an item: kept whole for full text, and no part of the item's prose. */
    private static Inlines.Rendered code(Node node) {
        return new Inlines.Rendered("", List.of(Span.codeBlock(codeText(node), language(node))));
    }

    /** A code block's code, without its fences and trailing blank lines. */
    static String codeText(Node node) {
        // An indented block has no child nodes: its code, without the indent, is its content, as a fenced block's is.
        String code = node instanceof FencedCodeBlock fenced
                ? fenced.getContentChars().toString()
                : node instanceof IndentedCodeBlock indented
                        ? indented.getContentChars().toString()
                        : node.getChildChars().toString();
        return code.stripTrailing();
    }

    /** The language a fenced code block names ({@code ```python}), or "". */
    /** A fence's language: the first word of its info string (```` ```python title="a.py" ```` is python). */
    static String language(Node node) {
        return node instanceof FencedCodeBlock fenced
                ? fenced.getInfo().toString().strip().split("\\s+", 2)[0]
                : "";
    }
}
