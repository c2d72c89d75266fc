package dev.workshopbot.content;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.Emphasis;
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
import com.vladsch.flexmark.ast.StrongEmphasis;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.gfm.strikethrough.Strikethrough;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns flexmark inline nodes into plain text and styled spans, with escapes undone and kramdown markup removed:
 * bold, italic, strikethrough and code are kept as {@link Span.Mark}s, images as their alt text linked to the image,
 * a badge (an image inside a link) as the link with the badge's alt text.
 */
final class Inlines {

    /** Where links, images and inline HTML met while rendering are reported. */
    interface Sink {
        /** Returns the absolute URL to keep for a link, or null when it is dropped. Lines are 1-based. */
        String link(String destination, String text, int line);

        /** Returns the absolute URL of an image, or null when it cannot be linked. */
        default String image(String destination, String alt, int line) {
            return null;
        }

        /** An inline HTML tag Discord cannot show, whose text is kept. */
        default void unsupportedHtml(String tag, int line) {}
    }

    /** Tags whose meaning survives in Discord Markdown; other inline tags are dropped and their text kept. */
    private static final Map<String, Span.Mark> HTML_MARKS = Map.of(
            "code", Span.Mark.CODE,
            "kbd", Span.Mark.CODE,
            "tt", Span.Mark.CODE,
            "b", Span.Mark.BOLD,
            "strong", Span.Mark.BOLD,
            "i", Span.Mark.ITALIC,
            "em", Span.Mark.ITALIC,
            "s", Span.Mark.STRIKE,
            "del", Span.Mark.STRIKE);

    private static final Pattern HTML_TAG = Pattern.compile("^<(/?)([A-Za-z][A-Za-z0-9-]*)");
    private static final Sink NO_LINKS = (destination, text, line) -> null;

    /** Rendered inline content: {@code plain} is the prose of it, without images or code blocks. */
    record Rendered(String plain, List<Span> spans) {
        boolean isBlank() {
            return plain.isBlank();
        }
    }

    private final Document document;
    private final Sink sink;

    Inlines(Document document, Sink sink) {
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
            append(node, out, false);
        }
        return out.build();
    }

    /** Text without links recorded: for headings and titles. */
    static String plainText(Document document, Node parent) {
        return new Inlines(document, NO_LINKS).render(parent).plain();
    }

    private void append(Node node, Builder out, boolean inLink) {
        if (node instanceof Text || node instanceof HtmlEntity) {
            out.text(node.getChars().unescape());
        } else if (node instanceof Code code) {
            out.marked(Span.Mark.CODE, () -> out.text(code.getText().toString()));
        } else if (node instanceof SoftLineBreak) {
            out.text(" ");
        } else if (node instanceof HardLineBreak) {
            out.text("\n");
        } else if (node instanceof StrongEmphasis) {
            out.marked(Span.Mark.BOLD, () -> children(node, out, inLink));
        } else if (node instanceof Emphasis) {
            out.marked(Span.Mark.ITALIC, () -> children(node, out, inLink));
        } else if (node instanceof Strikethrough) {
            out.marked(Span.Mark.STRIKE, () -> children(node, out, inLink));
        } else if (node instanceof Image image) {
            image(image.getUrl().unescape(), Inlines.plainText(document, image), node, out, inLink);
        } else if (node instanceof ImageRef ref) {
            Reference target = ref.isDefined() ? ref.getReferenceNode(document) : null;
            if (target != null) {
                image(target.getUrl().unescape(), Inlines.plainText(document, ref), node, out, inLink);
            }
        } else if (node instanceof HtmlInline html) {
            html(html, out);
        } else if (node instanceof HtmlInlineComment) {
            return;
        } else if (node instanceof Link link) {
            appendLink(link.getUrl().unescape(), link, out);
        } else if (node instanceof AutoLink autoLink) {
            String url = autoLink.getText().toString();
            out.link(url, inLink ? null : sink.link(url, url, line(node)), false);
        } else if (node instanceof MailLink mail) {
            String address = mail.getText().toString();
            out.link(address, inLink ? null : sink.link("mailto:" + address, address, line(node)), false);
        } else if (node instanceof LinkRef ref) {
            Reference target = ref.isDefined() ? ref.getReferenceNode(document) : null;
            if (target == null) {
                out.text(ref.getChars().unescape());
            } else {
                appendLink(target.getUrl().unescape(), ref, out);
            }
        } else if (node.hasChildren()) {
            children(node, out, inLink);
        } else {
            out.text(node.getChars().unescape());
        }
    }

    private void children(Node node, Builder out, boolean inLink) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            append(child, out, inLink);
        }
    }

    /** An image inside a link is the link's text (a badge); elsewhere it is its alt text, linked to the image. */
    private void image(String destination, String alt, Node node, Builder out, boolean inLink) {
        if (inLink) {
            out.text(alt);
            return;
        }
        String url = sink.image(destination, alt, line(node));
        out.image(alt.isBlank() ? "image" : alt.strip(), url);
    }

    /** {@code <code>}, {@code <b>} and the like open and close marks; {@code <br>} breaks the line. */
    private void html(HtmlInline html, Builder out) {
        Matcher tag = HTML_TAG.matcher(html.getChars());
        if (!tag.find()) {
            return;
        }
        String name = tag.group(2).toLowerCase(Locale.ROOT);
        boolean closing = !tag.group(1).isEmpty();
        Span.Mark mark = HTML_MARKS.get(name);
        if (name.equals("br")) {
            out.text("\n");
        } else if (mark != null) {
            out.htmlMark(mark, !closing);
        } else if (!closing) {
            sink.unsupportedHtml(name, line(html));
        }
    }

    private void appendLink(String destination, Node link, Builder out) {
        Builder inner = new Builder();
        for (Node child = link.getFirstChild(); child != null; child = child.getNext()) {
            append(child, inner, true);
        }
        Rendered rendered = inner.build();
        String text = rendered.plain();
        if (text.isBlank()) {
            text = destination;
        }
        boolean code =
                !rendered.spans().isEmpty() && rendered.spans().stream().allMatch(span -> span.has(Span.Mark.CODE));
        out.link(text, sink.link(destination, text, line(link)), code);
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

    /** Collects spans, merging neighbouring runs of the same style and cleaning markup and blanks at the end. */
    private static final class Builder {
        private final List<Span> spans = new ArrayList<>();
        private final StringBuilder pending = new StringBuilder();
        private final EnumSet<Span.Mark> marks = EnumSet.noneOf(Span.Mark.class);
        private final EnumSet<Span.Mark> htmlMarks = EnumSet.noneOf(Span.Mark.class);
        private Set<Span.Mark> pendingMarks = Set.of();

        void text(String text) {
            Set<Span.Mark> now = current();
            if (!now.equals(pendingMarks)) {
                flush();
                pendingMarks = now;
            }
            pending.append(text);
        }

        /** Runs {@code inside} with {@code mark} on, as Markdown nests it. */
        void marked(Span.Mark mark, Runnable inside) {
            boolean added = marks.add(mark);
            inside.run();
            if (added) {
                marks.remove(mark);
            }
        }

        void htmlMark(Span.Mark mark, boolean on) {
            if (on) {
                htmlMarks.add(mark);
            } else {
                htmlMarks.remove(mark);
            }
        }

        void link(String text, String url, boolean code) {
            if (url == null) {
                text(text);
                return;
            }
            flush();
            EnumSet<Span.Mark> linkMarks = EnumSet.noneOf(Span.Mark.class);
            linkMarks.addAll(current());
            if (code) {
                linkMarks.add(Span.Mark.CODE);
            }
            spans.add(new Span(text, url, linkMarks, ""));
        }

        void image(String alt, String url) {
            flush();
            spans.add(new Span("🖼 " + alt, url, Set.of(Span.Mark.IMAGE), ""));
        }

        private Set<Span.Mark> current() {
            if (htmlMarks.isEmpty()) {
                return marks.isEmpty() ? Set.of() : EnumSet.copyOf(marks);
            }
            EnumSet<Span.Mark> all = EnumSet.copyOf(htmlMarks);
            all.addAll(marks);
            return all;
        }

        private void flush() {
            if (pending.length() > 0) {
                spans.add(new Span(pending.toString(), null, pendingMarks, ""));
                pending.setLength(0);
            }
        }

        Rendered build() {
            flush();
            List<Span> cleaned = new ArrayList<>();
            for (Span span : spans) {
                String text = span.has(Span.Mark.CODE) ? span.text() : collapseBlanks(stripMarkup(span.text()));
                if (!text.isEmpty()) {
                    cleaned.add(span.withText(text));
                }
            }
            trimEnds(cleaned);
            StringBuilder plain = new StringBuilder();
            cleaned.stream().filter(Span::isProse).forEach(span -> plain.append(span.text()));
            return new Rendered(plain.toString().strip(), cleaned);
        }

        private static void trimEnds(List<Span> spans) {
            if (spans.isEmpty()) {
                return;
            }
            Span first = spans.get(0);
            spans.set(0, first.withText(first.text().stripLeading()));
            int last = spans.size() - 1;
            Span end = spans.get(last);
            spans.set(last, end.withText(end.text().stripTrailing()));
            spans.removeIf(span -> span.text().isEmpty());
        }
    }
}
