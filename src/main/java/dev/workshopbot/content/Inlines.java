package dev.workshopbot.content;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.HtmlEntity;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.HtmlInlineComment;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ast.MailLink;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import java.util.ArrayList;
import java.util.List;

/** Turns flexmark inline nodes into plain text and link spans, with escapes undone and kramdown markup removed. */
final class Inlines {

    /** Receives every link met while rendering: raw destination, plain text and 1-based line. */
    interface LinkSink {
        /** Returns the absolute URL to keep, or null when the link is dropped. */
        String accept(String destination, String text, int line);
    }

    /** Rendered inline content. */
    record Rendered(String plain, List<Span> spans) {
        boolean isBlank() {
            return plain.isBlank();
        }
    }

    private final Document document;
    private final LinkSink sink;

    Inlines(Document document, LinkSink sink) {
        this.document = document;
        this.sink = sink;
    }

    Rendered render(Node parent) {
        List<Node> nodes = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
            nodes.add(child);
        }
        return render(nodes);
    }

    Rendered render(List<Node> nodes) {
        Builder out = new Builder();
        for (Node node : nodes) {
            append(node, out);
        }
        return out.build();
    }

    /** Text without links recorded: for headings and titles. */
    static String plainText(Document document, Node parent) {
        return new Inlines(document, (destination, text, line) -> null)
                .render(parent)
                .plain();
    }

    private void append(Node node, Builder out) {
        if (node instanceof Text || node instanceof HtmlEntity) {
            out.text(node.getChars().unescape());
        } else if (node instanceof Code code) {
            out.text(code.getText().toString());
        } else if (node instanceof SoftLineBreak) {
            out.text(" ");
        } else if (node instanceof HardLineBreak) {
            out.text("\n");
        } else if (node instanceof Image
                || node instanceof ImageRef
                || node instanceof HtmlInline
                || node instanceof HtmlInlineComment) {
            return;
        } else if (node instanceof Link link) {
            appendLink(link.getUrl().unescape(), link, out);
        } else if (node instanceof AutoLink autoLink) {
            String url = autoLink.getText().toString();
            out.link(url, sink.accept(url, url, line(node)));
        } else if (node instanceof MailLink mail) {
            String address = mail.getText().toString();
            out.link(address, sink.accept("mailto:" + address, address, line(node)));
        } else if (node instanceof LinkRef ref) {
            Reference target = ref.isDefined() ? ref.getReferenceNode(document) : null;
            if (target == null) {
                out.text(ref.getChars().unescape());
            } else {
                appendLink(target.getUrl().unescape(), ref, out);
            }
        } else if (node.hasChildren()) {
            for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                append(child, out);
            }
        } else {
            out.text(node.getChars().unescape());
        }
    }

    private void appendLink(String destination, Node link, Builder out) {
        Builder inner = new Builder();
        for (Node child = link.getFirstChild(); child != null; child = child.getNext()) {
            append(child, inner);
        }
        String text = inner.build().plain();
        if (text.isBlank()) {
            text = destination;
        }
        out.link(text, sink.accept(destination, text, line(link)));
    }

    static int line(Node node) {
        return node.getStartLineNumber() + 1;
    }

    /**
     * Drops span attribute lists ({@code {:target="_blank"}}), each closed on its own line; Liquid was rendered
     * before parsing ({@link Liquid}), so what looks like Liquid here is text a {@code {% raw %}} kept. A scan rather
     * than a lazy regex: on a line of unclosed openers a regex retries the rest of the line from every opener, which
     * is quadratic (issue 9). Each closer search resumes where the last ended.
     */
    static String stripMarkup(String text) {
        if (text.indexOf('{') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        Next attributeEnd = new Next(text, "}");
        Next newline = new Next(text, "\n");
        int copied = 0;
        for (int i = text.indexOf('{'); i >= 0 && i + 1 < text.length(); i = text.indexOf('{', i)) {
            char kind = text.charAt(i + 1);
            int end = -1;
            if (kind == ':') {
                int close = attributeEnd.from(i + 2);
                end = close < newline.from(i + 2) ? close + 1 : -1;
            }
            if (end < 0) {
                i++;
                continue;
            }
            out.append(text, copied, i);
            copied = end;
            i = end;
        }
        return copied == 0 ? text : out.append(text, copied, text.length()).toString();
    }

    /** The next occurrence of a string, asked at increasing positions. */
    private static final class Next {
        private final String text;
        private final String what;
        private boolean searched;
        private int found;

        Next(String text, String what) {
            this.text = text;
            this.what = what;
        }

        /** The index found at or after {@code position}, or {@code Integer.MAX_VALUE} when there is none. */
        int from(int position) {
            if (!searched || found < position) {
                searched = true;
                int index = text.indexOf(what, position);
                found = index < 0 ? Integer.MAX_VALUE : index;
            }
            return found;
        }
    }

    /** Runs of spaces, tabs and no-break spaces become one space (a loop: this runs on every piece of text). */
    static String collapseBlanks(String text) {
        StringBuilder out = null;
        boolean blank = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean isBlank = c == ' ' || c == '\t' || c == '\u00a0';
            if (isBlank && (blank || c != ' ') && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null && !(isBlank && blank)) {
                out.append(isBlank ? ' ' : c);
            }
            blank = isBlank;
        }
        return out == null ? text : out.toString();
    }

    /** Collects spans, merging neighbouring plain runs and cleaning markup and blanks at the end. */
    private static final class Builder {
        private final List<Span> spans = new ArrayList<>();
        private final StringBuilder pending = new StringBuilder();

        void text(String text) {
            pending.append(text);
        }

        void link(String text, String url) {
            if (url == null) {
                pending.append(text);
                return;
            }
            flush();
            spans.add(new Span(text, url));
        }

        private void flush() {
            if (pending.length() > 0) {
                spans.add(Span.plain(pending.toString()));
                pending.setLength(0);
            }
        }

        Rendered build() {
            flush();
            List<Span> cleaned = new ArrayList<>();
            for (Span span : spans) {
                String text = collapseBlanks(stripMarkup(span.text()));
                if (!text.isEmpty()) {
                    cleaned.add(new Span(text, span.url()));
                }
            }
            trimEnds(cleaned);
            StringBuilder plain = new StringBuilder();
            cleaned.forEach(span -> plain.append(span.text()));
            return new Rendered(plain.toString(), cleaned);
        }

        private static void trimEnds(List<Span> spans) {
            if (spans.isEmpty()) {
                return;
            }
            Span first = spans.get(0);
            spans.set(0, new Span(first.text().stripLeading(), first.url()));
            int last = spans.size() - 1;
            Span end = spans.get(last);
            spans.set(last, new Span(end.text().stripTrailing(), end.url()));
            spans.removeIf(span -> span.text().isEmpty());
        }
    }
}
