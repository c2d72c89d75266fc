package dev.workshopbot.content;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ast.ListBlock;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.MailLink;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.StrongEmphasis;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which lists are reading lists (every item has a link), what each is called, and what its items say about their
 * links ("[Grind 75](url) — a curated list of …").
 */
final class ReadingListReader {

    private static final int MIN_TITLE_WORDS = 4;
    private static final int MAX_TITLE_CHARS = 100;

    /** Verbs that open an instruction to the reader rather than name what a list holds. */
    private static final Set<String> INSTRUCTIONS = Set.of(
            "keep",
            "check",
            "use",
            "read",
            "open",
            "see",
            "try",
            "visit",
            "click",
            "go",
            "follow",
            "bookmark",
            "install",
            "run",
            "make",
            "take",
            "start",
            "look",
            "watch",
            "find",
            "review",
            "study",
            "practise",
            "practice",
            "explore",
            "consider",
            "remember",
            "do",
            "don't",
            "please",
            "skim",
            "pick",
            "choose",
            "work");

    private static final Pattern LEADING_SEPARATOR = Pattern.compile("^[\\s—–―:,;.\\-]+");

    private ReadingListReader() {}

    static boolean isReadingList(ListBlock list) {
        boolean any = false;
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            if (!(item instanceof ListItem) || !containsLink(item)) {
                return false;
            }
            any = true;
        }
        return any;
    }

    private static boolean containsLink(Node node) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof com.vladsch.flexmark.ast.Link
                    || child instanceof AutoLink
                    || child instanceof MailLink
                    || child instanceof LinkRef ref && ref.isDefined()
                    || containsLink(child)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A list's title: the bold line just above it ("**Practice sites**"), else the sentence that introduces it when
     * that sentence reads as a title ("Here are the best resources for grinding effectively:"), else the heading of
     * its section. An introduction that tells the reader what to do ("Keep these open while you work:") makes a poor
     * title, as does one too short or too long to name anything.
     */
    static String title(Node previous, Document document, String sectionTitle) {
        if (previous instanceof Paragraph paragraph && paragraph.getParent() == document) {
            String text = Inlines.plainText(document, paragraph).strip();
            if (isBoldLine(paragraph)) {
                return trimTitle(text);
            }
            List<String> sentences = Summarizer.sentences(text);
            String last = trimTitle(sentences.isEmpty() ? text : sentences.get(sentences.size() - 1));
            if (readsAsTitle(last)) {
                return last;
            }
        }
        return sectionTitle;
    }

    static boolean readsAsTitle(String sentence) {
        String[] words = sentence.split("\\s+");
        return words.length >= MIN_TITLE_WORDS
                && sentence.length() <= MAX_TITLE_CHARS
                && !INSTRUCTIONS.contains(words[0].toLowerCase(Locale.ROOT));
    }

    /** What an item says about its first link: the text after it, without the dash or colon that joins them. */
    static String description(Inlines.Rendered item) {
        StringBuilder after = new StringBuilder();
        boolean seenLink = false;
        for (Span span : item.spans()) {
            if (seenLink && span.isProse()) {
                after.append(span.text());
            } else if (span.url() != null && span.isProse()) {
                seenLink = true;
            }
        }
        String text =
                LEADING_SEPARATOR.matcher(after.toString()).replaceFirst("").strip();
        return text.isEmpty() ? null : text;
    }

    private static boolean isBoldLine(Paragraph paragraph) {
        boolean bold = false;
        for (Node child = paragraph.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof StrongEmphasis) {
                bold = true;
            } else if (!(child instanceof Text) || !child.getChars().toString().matches("\\s*:?\\s*")) {
                return false;
            }
        }
        return bold;
    }

    private static String trimTitle(String text) {
        return text.strip().replaceAll("[\\s:.]+$", "");
    }
}
