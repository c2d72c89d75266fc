package dev.workshopbot.content;

import com.vladsch.flexmark.util.ast.Node;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds one page's sections as its blocks arrive: a heading opens a section with the anchor the site gives it,
 * text before the first heading opens one titled by the page, and {@link #finish} gives each its parent, URL and
 * summary.
 */
final class SectionAssembler {

    private static final Pattern EXPLICIT_ID = Pattern.compile("\\s*\\{#([^}\\s]+)\\}\\s*$");

    private final String path;
    private final String pageUrl;
    private final List<Problem> problems;
    private final AnchorIds headingIds = new AnchorIds();
    private final Map<String, Integer> firstLineOfId = new HashMap<>();
    private final List<Draft> drafts = new ArrayList<>();
    private Draft current;

    SectionAssembler(String path, String pageUrl, List<Problem> problems) {
        this.path = path;
        this.pageUrl = pageUrl;
        this.problems = problems;
    }

    /** A heading's title without a trailing kramdown id ({@code {#my-id}}). */
    static String withoutExplicitId(String title) {
        return EXPLICIT_ID.matcher(title).replaceAll("").strip();
    }

    /** Opens the section of a heading whose Markdown source is {@code source} and whose text is {@code title}. */
    void heading(String source, String title, int level, int line) {
        String text = source.strip();
        Matcher explicit = EXPLICIT_ID.matcher(text);
        String id;
        if (explicit.find()) {
            id = headingIds.number(explicit.group(1));
            text = text.substring(0, explicit.start());
        } else {
            id = headingIds.next(text);
        }
        if (id.isEmpty() || id.matches("-\\d+")) {
            id = headingIds.number("section");
            problems.add(Problem.warning(
                    path,
                    line,
                    "heading '" + title
                            + "' has no letters or digits, so the site gives it no usable anchor; the bot calls it '"
                            + id + "'"));
        }
        String base = AnchorIds.slug(text);
        Integer first = firstLineOfId.putIfAbsent(base, line);
        if (first != null) {
            problems.add(Problem.warning(
                    path,
                    line,
                    "duplicate heading id '" + base + "' (first at line " + first + "): this one is '" + id
                            + "' on the site, and in /section"));
        }
        String parent = null;
        for (int i = drafts.size() - 1; i >= 0; i--) {
            if (drafts.get(i).level < level) {
                parent = drafts.get(i).id;
                break;
            }
        }
        current = new Draft(id, title.isBlank() ? id : title, level, parent, line, false);
        drafts.add(current);
    }

    /** The section a block on {@code line} belongs to; text before the first heading opens one titled by the page. */
    Draft current(int line, String pageTitle) {
        if (current == null) {
            current = new Draft(AnchorIds.slug(pageTitle), pageTitle, 1, null, line, true);
            drafts.add(current);
        }
        return current;
    }

    /** The id of the section open now, or null before the first block. */
    String currentId() {
        return current == null ? null : current.id;
    }

    boolean isEmpty() {
        return drafts.isEmpty();
    }

    /** The line of the first block when the page has no heading at all, else 0. */
    int lineWithoutHeadings() {
        return drafts.stream().anyMatch(draft -> !draft.preamble) ? 0 : drafts.get(0).line;
    }

    /**
     * The page's sections: a preamble's id made distinct from the headings', parents filled in, and the summary the
     * front matter gives a section ({@code summaries:}) or else the summariser's.
     */
    List<Section> finish(Map<String, String> authored) {
        Set<String> headingIdsUsed = new LinkedHashSet<>();
        drafts.stream().filter(draft -> !draft.preamble).forEach(draft -> headingIdsUsed.add(draft.id));
        for (Draft draft : drafts) {
            if (draft.preamble && (draft.id.isEmpty() || headingIdsUsed.contains(draft.id))) {
                draft.id = (draft.id.isEmpty() ? "page" : draft.id) + "-intro";
            }
        }
        List<Section> sections = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        for (int i = 0; i < drafts.size(); i++) {
            Draft draft = drafts.get(i);
            int index = i;
            ids.add(draft.id);
            String parent = draft.parent;
            if (parent == null && !draft.preamble && draft.level > 1 && drafts.get(0).preamble) {
                parent = drafts.get(0).id;
            }
            String summary = authored.containsKey(draft.id)
                    ? authored.get(draft.id)
                    : Summarizer.section(draft.title, draft.blocks, () -> subsectionBlocks(index));
            String url = draft.preamble ? pageUrl : pageUrl + "#" + draft.id;
            sections.add(new Section(
                    draft.id,
                    draft.id,
                    draft.title,
                    draft.level,
                    parent,
                    draft.line,
                    summary,
                    words(draft.blocks),
                    path,
                    url,
                    draft.blocks));
        }
        for (String id : authored.keySet()) {
            if (!ids.contains(id)) {
                problems.add(Problem.warning(path, 2, "summary for '" + id + "' matches no section id on this page"));
            }
        }
        return sections;
    }

    /** The blocks of the sections under heading {@code index}, in order: what a heading without text stands for. */
    private List<Block> subsectionBlocks(int index) {
        Draft draft = drafts.get(index);
        List<Block> blocks = new ArrayList<>();
        if (draft.preamble) {
            return blocks;
        }
        for (int i = index + 1; i < drafts.size() && drafts.get(i).level > draft.level; i++) {
            blocks.addAll(drafts.get(i).blocks);
        }
        return blocks;
    }

    private static int words(List<Block> blocks) {
        int words = 0;
        for (Block block : blocks) {
            if (block.kind().isProse() || block.kind() == Block.Kind.TABLE) {
                words += wordCount(block.plain());
            }
        }
        return words;
    }

    private static int wordCount(String text) {
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            boolean blank = Character.isWhitespace(text.charAt(i));
            if (!blank && !inWord) {
                words++;
            }
            inWord = !blank;
        }
        return words;
    }

    /** A section while its blocks are being read. */
    static final class Draft {
        String id;
        final String title;
        final int level;
        final String parent;
        final int line;
        final boolean preamble;
        final List<Block> blocks = new ArrayList<>();
        /** The last paragraph read into this section, which may introduce a quote or a list that follows it. */
        Node lastParagraph;

        Draft(String id, String title, int level, String parent, int line, boolean preamble) {
            this.id = id;
            this.title = title;
            this.level = level;
            this.parent = parent;
            this.line = line;
            this.preamble = preamble;
        }

        void add(Block block) {
            blocks.add(block);
        }

        String title() {
            return title;
        }

        String id() {
            return id;
        }
    }
}
