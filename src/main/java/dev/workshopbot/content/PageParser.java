package dev.workshopbot.content;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.CodeBlock;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlCommentBlock;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ast.ListBlock;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.MailLink;
import com.vladsch.flexmark.ast.OrderedList;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ast.StrongEmphasis;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ast.ThematicBreak;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.ext.tables.TableRow;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.ext.yaml.front.matter.YamlFrontMatterBlock;
import com.vladsch.flexmark.ext.yaml.front.matter.YamlFrontMatterExtension;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads one Markdown page into sections, links, quotes and reading lists. One instance per page. */
final class PageParser {

    /** Tracks line offsets, without which every node's line number is a scan from the top of the page. */
    private static final Parser PARSER = Parser.builder(new MutableDataSet()
                    .set(
                            Parser.EXTENSIONS,
                            List.of(
                                    YamlFrontMatterExtension.create(),
                                    TablesExtension.create(),
                                    StrikethroughExtension.create()))
                    .set(Parser.TRACK_DOCUMENT_LINES, true))
            .build();

    private static final Pattern ATTRIBUTE_LINE = Pattern.compile("^\\s*(\\{:[^}]*\\}\\s*)+$");
    private static final Pattern ATTRIBUTE = Pattern.compile("\\{:\\s*([^}]*?)\\s*\\}");
    private static final Pattern EXPLICIT_ID = Pattern.compile("\\s*\\{#([^}\\s]+)\\}\\s*$");
    private static final Pattern ATTRIBUTION_DASH = Pattern.compile("^\\s*(—|–|―|--|~)\\s*");
    private static final Pattern SPEECH_VERB = Pattern.compile(
            "\\s+(puts it|put it|says|said|writes|wrote|notes|noted|explains|argues|observes|reminds us)$",
            Pattern.CASE_INSENSITIVE);
    /** Deeper trees are refused: the walk below recurses per level, and no real page nests anywhere near this. */
    static final int MAX_NESTING = 64;

    /**
     * Discord's limit on an embed's URL, where page, section and other links go; a link button takes at most 512,
     * and the replies leave out an "Open on the site" button whose URL is longer.
     */
    static final int MAX_LINK_URL = 2048;

    private static final Set<String> KEPT_SCHEMES = Set.of("http", "https", "mailto");

    /** What one page yields; the loader assigns workshop-wide keys afterwards. */
    record Parsed(Page page, List<Link> links, List<Quote> quotes, List<ReadingList> readingLists) {}

    private final String path;
    private final String siteBaseUrl;
    private final AnchorIds listIds;
    private final List<Problem> problems;

    private final AnchorIds headingIds = new AnchorIds();
    private final Map<String, Integer> firstLineOfId = new HashMap<>();
    private final List<Draft> drafts = new ArrayList<>();
    private final List<Link> links = new ArrayList<>();
    private final List<Quote> quotes = new ArrayList<>();
    private final List<ReadingList> readingLists = new ArrayList<>();
    private final List<String> pendingAttributes = new ArrayList<>();

    private Document document;
    private Inlines inlines;
    private String pageUrl;
    private String pageTitle;
    private Draft current;
    private String currentList;
    private Set<String> currentListUrls;
    private Node previous;
    private OpenHint hint;

    private PageParser(String path, String siteBaseUrl, AnchorIds listIds, List<Problem> problems) {
        this.path = path;
        this.siteBaseUrl = siteBaseUrl;
        this.listIds = listIds;
        this.problems = problems;
    }

    /** Parses {@code source}; returns null when the page cannot be served (problems say why). */
    static Parsed parse(String path, String source, String siteBaseUrl, AnchorIds listIds, List<Problem> problems) {
        return parse(path, source, markdown(source), siteBaseUrl, listIds, problems);
    }

    /** Reads a page flexmark has already parsed ({@link #markdown}), which the loader does under a time budget. */
    static Parsed parse(
            String path,
            String source,
            Document markdown,
            String siteBaseUrl,
            AnchorIds listIds,
            List<Problem> problems) {
        return new PageParser(path, siteBaseUrl, listIds, problems).run(source, markdown);
    }

    /** Flexmark's tree of a page: the part of parsing that can take long on hostile input. */
    static Document markdown(String source) {
        return PARSER.parse(source);
    }

    private Parsed run(String source, Document markdown) {
        document = markdown;
        if (tooDeep()) {
            return null;
        }
        FrontMatter front = frontMatter(source);
        if (front == null) {
            return null;
        }
        pageUrl = pageUrl(front.permalink());
        String refusal = discordRefusal(pageUrl, MAX_LINK_URL);
        if (refusal != null) {
            boolean authored = front.permalink() != null && !front.permalink().isBlank();
            problems.add(Problem.error(
                    path,
                    authored ? FrontMatter.keyLine(source, 1, "permalink") : 1,
                    "page URL '"
                            + abbreviate(pageUrl) + "' " + (authored ? "(from permalink) " : "(from the file name) ")
                            + refusal
                            + "; use letters, digits, '-', '_', '.' and '/'"));
            return null;
        }
        pageTitle = front.title() != null ? front.title().strip() : firstHeadingTitle();
        inlines = new Inlines(document, this::acceptLink);
        for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
            block(node);
        }
        if (hint != null) {
            problems.add(Problem.warning(
                    path,
                    hint.line,
                    "<details> is never closed: the rest of the page is " + "treated as part of the hint '"
                            + hint.summary + "'; add </details> where it ends"));
            closeHint();
        }
        if (drafts.isEmpty()) {
            problems.add(Problem.warning(
                    path,
                    1,
                    source.isBlank()
                            ? "empty file: nothing to index"
                            : "page has no text outside its front matter: nothing to index"));
            return null;
        }
        if (drafts.stream().noneMatch(draft -> !draft.preamble)) {
            problems.add(Problem.warning(
                    path,
                    drafts.get(0).line,
                    "page has no headings: it is served as one section titled '" + pageTitle + "'"));
        }
        List<Section> sections = finish(front.summaries());
        Page page = new Page(path, pageTitle, front.navOrder(), front.parent(), pageUrl, sections);
        return new Parsed(page, links, quotes, readingLists);
    }

    /** Refuses a tree deeper than {@link #MAX_NESTING}, walked by parent links since recursion is what it would break. */
    private boolean tooDeep() {
        int depth = 0;
        int deepest = 0;
        Node first = null;
        Node node = document.getFirstChild();
        while (node != null) {
            depth++;
            if (depth > deepest) {
                deepest = depth;
                if (depth > MAX_NESTING && first == null) {
                    first = node;
                }
            }
            if (node.getFirstChild() != null) {
                node = node.getFirstChild();
                continue;
            }
            while (node != null && node != document && node.getNext() == null) {
                node = node.getParent();
                depth--;
            }
            if (node == null || node == document) {
                break;
            }
            node = node.getNext();
            depth--;
        }
        if (first == null) {
            return false;
        }
        problems.add(Problem.error(
                path,
                Inlines.line(first),
                "block quotes, lists or emphasis nested " + deepest + " levels deep; the bot reads at most "
                        + MAX_NESTING + " levels"));
        return true;
    }

    private FrontMatter frontMatter(String source) {
        Node first = document.getFirstChild();
        String[] lines = source.split("\n", -1);
        if (first instanceof YamlFrontMatterBlock block && isFence(lines, block.getEndLineNumber())) {
            int start = Inlines.line(block);
            int end = block.getEndLineNumber();
            StringBuilder yaml = new StringBuilder();
            for (int i = start; i < end && i < lines.length; i++) {
                yaml.append(lines[i]).append('\n');
            }
            return FrontMatter.parse(path, yaml.toString(), start + 1, problems);
        }
        if (source.startsWith("---\n") || source.startsWith("---\r\n")) {
            problems.add(Problem.error(path, 1, "malformed front matter: the opening '---' has no closing '---' line"));
            return null;
        }
        return FrontMatter.NONE;
    }

    private static boolean isFence(String[] lines, int index) {
        return index < lines.length
                && (lines[index].strip().equals("---") || lines[index].strip().equals("..."));
    }

    private String firstHeadingTitle() {
        for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Heading heading) {
                return headingTitle(heading);
            }
        }
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.endsWith(".md") ? name.substring(0, name.length() - 3) : name;
    }

    private String pageUrl(String permalink) {
        String base = siteBaseUrl.endsWith("/") ? siteBaseUrl.substring(0, siteBaseUrl.length() - 1) : siteBaseUrl;
        String route;
        if (permalink != null && !permalink.isBlank()) {
            route = permalink.startsWith("/") ? permalink.strip() : "/" + permalink.strip();
        } else {
            String stem = path.endsWith(".md") ? path.substring(0, path.length() - 3) : path;
            if (stem.equals("index")) {
                route = "/";
            } else if (stem.endsWith("/index")) {
                route = "/" + stem.substring(0, stem.length() - "index".length());
            } else {
                route = "/" + stem + "/";
            }
        }
        return base + route.replace(" ", "%20");
    }

    // ---- blocks

    private void block(Node node) {
        if (node instanceof HtmlBlock html) {
            html(html);
            return;
        }
        if (hint != null && node instanceof Heading) {
            closeHint();
        }
        if (hint == null) {
            dispatch(node);
            return;
        }
        // Inside <details>: whatever the node yields is the hint's, and none of its links, quotes or lists are public.
        Draft draft = section(hint.node);
        int blocks = draft.blocks.size();
        int linkCount = links.size();
        int quoteCount = quotes.size();
        int listCount = readingLists.size();
        dispatch(node);
        List<Block> added = draft.blocks.subList(blocks, draft.blocks.size());
        hint.content.addAll(added);
        added.clear();
        links.subList(linkCount, links.size()).clear();
        quotes.subList(quoteCount, quotes.size()).clear();
        readingLists.subList(listCount, readingLists.size()).clear();
    }

    /** A raw HTML block: the start, text or end of a {@code <details>} hint; other HTML is not shown. */
    private void html(HtmlBlock node) {
        Hints.Html html = Hints.read(node.getChars().toString());
        if (html.opens()) {
            if (hint != null) {
                closeHint();
            }
            hint = new OpenHint(node, html.summary().isEmpty() ? "Hint" : html.summary(), Inlines.line(node));
        }
        if (hint != null && !html.body().isEmpty()) {
            hint.content.add(new Block(
                    Block.Kind.PARAGRAPH,
                    html.body(),
                    List.of(Span.plain(html.body())),
                    Inlines.line(node),
                    List.of()));
        }
        if (hint != null && html.closes()) {
            closeHint();
        }
        previous = node;
    }

    private void closeHint() {
        section(hint.node).add(Block.hint(hint.summary, hint.line, hint.content));
        hint = null;
    }

    private void dispatch(Node node) {
        if (node instanceof YamlFrontMatterBlock || node instanceof Reference || node instanceof HtmlCommentBlock) {
            return;
        }
        if (node instanceof Paragraph
                && ATTRIBUTE_LINE.matcher(node.getChars().toString().strip()).matches()) {
            attributesOf(node.getChars().toString(), pendingAttributes);
            return;
        }
        if (node instanceof Heading heading) {
            heading(heading);
        } else if (node instanceof Paragraph paragraph) {
            paragraph(paragraph);
        } else if (node instanceof ListBlock list) {
            list(list);
        } else if (node instanceof BlockQuote quote) {
            quote(quote);
        } else if (node instanceof CodeBlock || node instanceof FencedCodeBlock || node instanceof IndentedCodeBlock) {
            code(node);
        } else if (node instanceof TableBlock table) {
            table(table);
        } else if (node instanceof ThematicBreak) {
            section(node).add(new Block(Block.Kind.RULE, "", List.of(), Inlines.line(node), takeAttributes()));
        } else {
            Inlines.Rendered text = inlines.render(node);
            if (!text.isBlank()) {
                section(node)
                        .add(new Block(
                                Block.Kind.PARAGRAPH,
                                text.plain(),
                                text.spans(),
                                Inlines.line(node),
                                takeAttributes()));
            }
        }
        previous = node;
    }

    private void heading(Heading heading) {
        String source = heading.getText().toString().strip();
        Matcher explicit = EXPLICIT_ID.matcher(source);
        String id;
        if (explicit.find()) {
            id = headingIds.number(explicit.group(1));
            source = source.substring(0, explicit.start());
        } else {
            id = headingIds.next(source);
        }
        int line = Inlines.line(heading);
        String title = headingTitle(heading);
        if (id.isEmpty() || id.matches("-\\d+")) {
            id = headingIds.number("section");
            problems.add(Problem.warning(
                    path,
                    line,
                    "heading '" + title
                            + "' has no letters or digits, so the site gives it no usable anchor; the bot calls it '"
                            + id + "'"));
        }
        String base = AnchorIds.slug(source);
        Integer first = firstLineOfId.putIfAbsent(base, line);
        if (first != null) {
            problems.add(Problem.warning(
                    path,
                    line,
                    "duplicate heading id '" + base + "' (first at line " + first + "): this one is '" + id
                            + "' on the site, and in /section"));
        }
        int level = heading.getLevel();
        String parent = null;
        for (int i = drafts.size() - 1; i >= 0; i--) {
            if (drafts.get(i).level < level) {
                parent = drafts.get(i).id;
                break;
            }
        }
        current = new Draft(id, title.isBlank() ? id : title, level, parent, line, false);
        // An attribute list above a heading ({: .no_toc }) styles the heading, which the bot does not show.
        takeAttributes();
        drafts.add(current);
    }

    private String headingTitle(Heading heading) {
        String title = Inlines.plainText(document, heading);
        return EXPLICIT_ID.matcher(title).replaceAll("").strip();
    }

    private void paragraph(Paragraph paragraph) {
        List<String> attributes = takeAttributes();
        for (BasedSequence line : paragraph.getContentLines()) {
            if (ATTRIBUTE_LINE.matcher(line.toString().strip()).matches()) {
                attributesOf(line.toString(), attributes);
            }
        }
        if (isOnlyImages(paragraph)) {
            Inlines.Rendered alt = new Inlines(document, (destination, text, line) -> null).render(paragraph);
            section(paragraph)
                    .add(new Block(
                            Block.Kind.IMAGE,
                            "",
                            List.of(Span.plain(alt.plain())),
                            Inlines.line(paragraph),
                            attributes));
            return;
        }
        Draft section = section(paragraph);
        Inlines.Rendered text = inlines.render(paragraph);
        if (!text.isBlank()) {
            section.add(
                    new Block(Block.Kind.PARAGRAPH, text.plain(), text.spans(), Inlines.line(paragraph), attributes));
        }
    }

    private static boolean isOnlyImages(Paragraph paragraph) {
        boolean image = false;
        for (Node child = paragraph.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof Image || child instanceof ImageRef) {
                image = true;
            } else if (!child.getChars().isBlank()) {
                return false;
            }
        }
        return image;
    }

    private void list(ListBlock list) {
        if (list.getChars().toString().contains("{:toc}")) {
            takeAttributes();
            return;
        }
        Draft section = section(list);
        boolean reading = isReadingList(list);
        if (reading) {
            currentList = listIds.next(listTitle(section));
            currentListUrls = new LinkedHashSet<>();
        }
        List<Span> spans = new ArrayList<>();
        StringBuilder plain = new StringBuilder();
        renderList(list, 0, spans, plain);
        section.add(new Block(Block.Kind.LIST, plain.toString().strip(), spans, Inlines.line(list), takeAttributes()));
        if (reading) {
            readingLists.add(new ReadingList(
                    currentList,
                    listTitle(section),
                    path,
                    section.id,
                    Inlines.line(list),
                    List.copyOf(currentListUrls)));
            currentList = null;
            currentListUrls = null;
        }
    }

    private void renderList(ListBlock list, int depth, List<Span> spans, StringBuilder plain) {
        int number = list instanceof OrderedList ordered ? ordered.getStartNumber() : 0;
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            String marker = "  ".repeat(depth) + (list instanceof OrderedList ? (number++) + ". " : "• ");
            if (plain.length() > 0) {
                marker = "\n" + marker;
            }
            spans.add(Span.plain(marker));
            plain.append(marker);
            boolean firstChild = true;
            for (Node child = item.getFirstChild(); child != null; child = child.getNext()) {
                if (child instanceof ListBlock nested) {
                    renderList(nested, depth + 1, spans, plain);
                    continue;
                }
                Inlines.Rendered text = child instanceof CodeBlock || child instanceof FencedCodeBlock
                        ? new Inlines.Rendered(
                                child.getChars().toString().strip(),
                                List.of(Span.plain(child.getChars().toString().strip())))
                        : inlines.render(child);
                if (!firstChild && !text.isBlank()) {
                    spans.add(Span.plain(" "));
                    plain.append(' ');
                }
                spans.addAll(text.spans());
                plain.append(text.plain());
                firstChild = false;
            }
        }
    }

    private static boolean isReadingList(ListBlock list) {
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

    /** The bold line, the introducing sentence or the heading just above a reading list. */
    private String listTitle(Draft section) {
        if (previous instanceof Paragraph paragraph && paragraph.getParent() == document) {
            String text = Inlines.plainText(document, paragraph).strip();
            if (isBoldLine(paragraph)) {
                return trimTitle(text);
            }
            List<String> sentences = Summarizer.sentences(text);
            String last = trimTitle(
                    sentences.isEmpty()
                            ? text
                            : sentences.get(sentences.size() - 1).strip());
            if (last.split("\\s+").length >= 5 && last.length() <= 100) {
                return last;
            }
        }
        return section.title;
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

    private void quote(BlockQuote blockQuote) {
        Draft section = section(blockQuote);
        List<String> attributes = takeAttributes();
        List<Node> body = new ArrayList<>();
        List<Node> attributionNodes = new ArrayList<>();
        splitAttribution(blockQuote, body, attributionNodes);

        List<Span> spans = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (Node node : body) {
            Inlines.Rendered part;
            if (node instanceof ListBlock list) {
                List<Span> listSpans = new ArrayList<>();
                StringBuilder listText = new StringBuilder();
                renderList(list, 0, listSpans, listText);
                part = new Inlines.Rendered(listText.toString(), listSpans);
            } else {
                part = inlines.render(node);
            }
            if (part.isBlank()) {
                continue;
            }
            if (text.length() > 0) {
                text.append("\n\n");
                spans.add(Span.plain("\n\n"));
            }
            text.append(part.plain());
            spans.addAll(part.spans());
        }
        String attribution = null;
        String attributionUrl = null;
        if (!attributionNodes.isEmpty()) {
            Inlines.Rendered who = inlines.render(attributionNodes);
            attribution = ATTRIBUTION_DASH.matcher(who.plain()).replaceFirst("").strip();
            attributionUrl = who.spans().stream()
                    .filter(span -> span.url() != null)
                    .map(Span::url)
                    .findFirst()
                    .orElse(null);
            spans.add(Span.plain("\n— "));
            spans.addAll(who.spans());
        } else if (previous instanceof Paragraph intro && section.lastParagraphNode == previous) {
            Inlines.Rendered rendered = new Inlines(document, this::quietLink).render(intro);
            List<Span> introLinks =
                    rendered.spans().stream().filter(span -> span.url() != null).toList();
            if (!introLinks.isEmpty()) {
                Span source = introLinks.get(introLinks.size() - 1);
                attributionUrl = source.url();
                attribution = intro.getFirstChild() instanceof com.vladsch.flexmark.ast.Link
                        ? introLinks.get(0).text()
                        : fullName(SPEECH_VERB.matcher(source.text()).replaceFirst(""));
            }
        }
        String plain = text.toString().strip();
        if (plain.isEmpty()) {
            problems.add(Problem.warning(path, Inlines.line(blockQuote), "block quote has no text; it is not a quote"));
            return;
        }
        quotes.add(new Quote(plain, attribution, attributionUrl, path, section.id, Inlines.line(blockQuote)));
        section.add(new Block(
                Block.Kind.QUOTE,
                plain + (attribution == null ? "" : "\n— " + attribution),
                spans,
                Inlines.line(blockQuote),
                attributes));
    }

    /** A surname alone ("As Willison puts it") becomes the full name a link on this page gave earlier. */
    private String fullName(String name) {
        if (name.isBlank() || name.contains(" ")) {
            return name;
        }
        for (int i = links.size() - 1; i >= 0; i--) {
            String text = links.get(i).text();
            if (text.endsWith(" " + name) && text.split(" ").length <= 4) {
                return text;
            }
        }
        return name;
    }

    /** A closing {@code — [who](url)} line, alone or as the last line of the last paragraph, is the attribution. */
    private static void splitAttribution(BlockQuote quote, List<Node> body, List<Node> attribution) {
        Node last = quote.getLastChild();
        for (Node child = quote.getFirstChild(); child != null; child = child.getNext()) {
            if (child != last || !(child instanceof Paragraph paragraph)) {
                body.add(child);
                continue;
            }
            List<BasedSequence> lines = paragraph.getContentLines();
            BasedSequence lastLine = lines.get(lines.size() - 1);
            if (!ATTRIBUTION_DASH.matcher(lastLine.toString()).lookingAt()) {
                body.add(child);
                continue;
            }
            int attributionLine = lastLine.getStartOffset();
            List<Node> before = new ArrayList<>();
            for (Node inline = paragraph.getFirstChild(); inline != null; inline = inline.getNext()) {
                (inline.getStartOffset() >= attributionLine ? attribution : before).add(inline);
            }
            if (!before.isEmpty()) {
                Paragraph head = new Paragraph();
                before.forEach(head::appendChild);
                body.add(head);
            }
        }
    }

    private void code(Node node) {
        String code = node instanceof FencedCodeBlock fenced
                ? fenced.getContentChars().toString()
                : node.getChildChars().toString();
        List<String> attributes = takeAttributes();
        if (node instanceof FencedCodeBlock fenced && !fenced.getInfo().isBlank()) {
            attributes.add(".language-" + fenced.getInfo().toString().strip());
        }
        section(node)
                .add(new Block(
                        Block.Kind.CODE,
                        code.stripTrailing(),
                        List.of(Span.plain(code.stripTrailing())),
                        Inlines.line(node),
                        attributes));
    }

    private void table(TableBlock table) {
        Draft section = section(table);
        List<Span> spans = new ArrayList<>();
        StringBuilder plain = new StringBuilder();
        for (Node row : descendants(table, TableRow.class)) {
            if (plain.length() > 0) {
                plain.append('\n');
                spans.add(Span.plain("\n"));
            }
            boolean firstCell = true;
            for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
                if (!(cell instanceof TableCell)) {
                    continue;
                }
                if (!firstCell) {
                    plain.append(" | ");
                    spans.add(Span.plain(" | "));
                }
                Inlines.Rendered text = inlines.render(cell);
                plain.append(text.plain());
                spans.addAll(text.spans());
                firstCell = false;
            }
        }
        section.add(new Block(Block.Kind.TABLE, plain.toString(), spans, Inlines.line(table), takeAttributes()));
    }

    private static List<Node> descendants(Node root, Class<? extends Node> type) {
        List<Node> out = new ArrayList<>();
        for (Node child = root.getFirstChild(); child != null; child = child.getNext()) {
            if (type.isInstance(child)) {
                out.add(child);
            } else {
                out.addAll(descendants(child, type));
            }
        }
        return out;
    }

    private List<String> takeAttributes() {
        List<String> taken = new ArrayList<>(pendingAttributes);
        pendingAttributes.clear();
        return taken;
    }

    private static void attributesOf(String source, List<String> into) {
        Matcher matcher = ATTRIBUTE.matcher(source);
        while (matcher.find()) {
            into.add(matcher.group(1));
        }
    }

    /** The section a block belongs to; text before the first heading opens one titled by the page. */
    private Draft section(Node node) {
        if (current == null) {
            current = new Draft(AnchorIds.slug(pageTitle), pageTitle, 1, null, Inlines.line(node), true);
            drafts.add(current);
        }
        if (node instanceof Paragraph) {
            current.lastParagraphNode = node;
        }
        return current;
    }

    // ---- links

    private String acceptLink(String destination, String text, int line) {
        String url = resolve(destination, line);
        if (url == null) {
            return null;
        }
        links.add(new Link(text, url, path, current == null ? null : current.id, currentList, line));
        if (currentListUrls != null) {
            currentListUrls.add(url);
        }
        return url;
    }

    /** Resolves a link already recorded, without recording it again. */
    private String quietLink(String destination, String text, int line) {
        try {
            String url = absolute(destination.strip());
            return url == null || url.startsWith("mailto:") || discordRefusal(url, MAX_LINK_URL) == null ? url : null;
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    private String resolve(String destination, int line) {
        String target = destination.strip();
        if (target.isEmpty()) {
            problems.add(Problem.warning(path, line, "link has no target; kept as plain text"));
            return null;
        }
        try {
            String url = absolute(target);
            if (url == null) {
                problems.add(Problem.warning(
                        path,
                        line,
                        "link to '" + abbreviate(target) + "' dropped: only http, https and mailto links are kept"));
                return null;
            }
            String refusal = url.startsWith("mailto:") ? null : discordRefusal(url, MAX_LINK_URL);
            if (refusal != null) {
                problems.add(Problem.warning(
                        path,
                        line,
                        "link to '" + abbreviate(target) + "' dropped: the URL " + refusal + "; kept as plain text"));
                return null;
            }
            return url;
        } catch (URISyntaxException | IllegalArgumentException e) {
            problems.add(Problem.warning(
                    path, line, "link target '" + abbreviate(target) + "' is not a valid URL; kept as plain text"));
            return null;
        }
    }

    /** The absolute URL of a link target, or null when its scheme is not one we keep. */
    private String absolute(String target) throws URISyntaxException {
        URI uri = new URI(target.replace(" ", "%20"));
        String scheme = uri.getScheme();
        if (scheme != null) {
            return KEPT_SCHEMES.contains(scheme.toLowerCase(Locale.ROOT)) ? target.replace(" ", "%20") : null;
        }
        if (target.startsWith("#")) {
            return pageUrl + target;
        }
        return new URI(pageUrl).resolve(uri).toString();
    }

    /**
     * Why Discord would answer 400 to this URL in an embed or a link button, or null when it takes it: Discord wants an
     * absolute http(s) URI, and a bracket left open also ends a Markdown link early.
     */
    static String discordRefusal(String url, int max) {
        if (url.length() > max) {
            return "is " + url.length() + " characters long; Discord takes at most " + max;
        }
        int open = 0;
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c <= ' ' || c == 0x7f || c == '<' || c == '>' || c == '"' || c == '\\' || c == '^' || c == '`'
                    || c == '{' || c == '|' || c == '}') {
                return "has '" + (c <= ' ' ? String.format("\\u%04x", (int) c) : String.valueOf(c))
                        + "', which a URL cannot hold";
            }
            open += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (open < 0) {
                return "closes a bracket it never opened";
            }
        }
        if (open > 0) {
            return "opens a bracket it never closes";
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            if (scheme == null
                    || !scheme.equalsIgnoreCase("http") && !scheme.equalsIgnoreCase("https")
                    || uri.getHost() == null) {
                return "is not an absolute http(s) URL";
            }
            return null;
        } catch (URISyntaxException e) {
            return "is not a valid URL (" + e.getReason() + ")";
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 59) + "…";
    }

    // ---- sections

    private List<Section> finish(Map<String, String> authored) {
        Set<String> headingIdsUsed = new LinkedHashSet<>();
        drafts.stream().filter(draft -> !draft.preamble).forEach(draft -> headingIdsUsed.add(draft.id));
        for (Draft draft : drafts) {
            if (draft.preamble && (draft.id.isEmpty() || headingIdsUsed.contains(draft.id))) {
                draft.id = (draft.id.isEmpty() ? "page" : draft.id) + "-intro";
            }
        }
        List<Section> sections = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        for (Draft draft : drafts) {
            ids.add(draft.id);
            String parent = draft.parent;
            if (parent == null && !draft.preamble && draft.level > 1 && drafts.get(0).preamble) {
                parent = drafts.get(0).id;
            }
            String summary = authored.containsKey(draft.id) ? authored.get(draft.id) : draft.summary();
            String url = draft.preamble ? pageUrl : pageUrl + "#" + draft.id;
            sections.add(new Section(
                    draft.id,
                    draft.id,
                    draft.title,
                    draft.level,
                    parent,
                    draft.line,
                    summary,
                    draft.words(),
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
    /** A {@code <details>} block opened and not yet closed: what it collects until {@code </details>}. */
    private static final class OpenHint {
        final Node node;
        final String summary;
        final int line;
        final List<Block> content = new ArrayList<>();

        OpenHint(Node node, String summary, int line) {
            this.node = node;
            this.summary = summary;
            this.line = line;
        }
    }

    private static final class Draft {
        String id;
        final String title;
        final int level;
        final String parent;
        final int line;
        final boolean preamble;
        final List<Block> blocks = new ArrayList<>();
        Node lastParagraphNode;

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

        String summary() {
            for (Block.Kind kind : List.of(Block.Kind.PARAGRAPH, Block.Kind.LIST, Block.Kind.QUOTE)) {
                List<String> texts = blocks.stream()
                        .filter(block -> block.kind() == kind)
                        .map(Block::plain)
                        .toList();
                if (!texts.isEmpty()) {
                    return Summarizer.summarize(texts, Summarizer.MAX);
                }
            }
            return "";
        }

        int words() {
            int words = 0;
            for (Block block : blocks) {
                if (block.kind().isProse() || block.kind() == Block.Kind.TABLE) {
                    words += wordCount(block.plain());
                }
            }
            return words;
        }
    }
}
