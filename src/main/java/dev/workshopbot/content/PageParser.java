package dev.workshopbot.content;

import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlCommentBlock;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.ListBlock;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ast.ThematicBreak;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.ext.yaml.front.matter.YamlFrontMatterBlock;
import com.vladsch.flexmark.ext.yaml.front.matter.YamlFrontMatterExtension;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one Markdown page into sections, links, quotes and reading lists: the dispatch over its top-level blocks,
 * with links ({@link LinkResolver}), lists ({@link ListRenderer}, {@link ReadingListReader}), tables
 * ({@link TableReader}), quotes ({@link QuoteReader}), hints ({@link Hints}) and sections ({@link SectionAssembler})
 * each read by their own part. One instance per page.
 */
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

    /** What one page yields; the loader assigns workshop-wide keys afterwards. */
    record Parsed(Page page, List<Link> links, List<Quote> quotes, List<ReadingList> readingLists) {}

    private final String path;
    private final Site site;
    private final AnchorIds listIds;
    private final List<Problem> problems;

    private final List<Link> links = new ArrayList<>();
    private final List<Quote> quotes = new ArrayList<>();
    private final List<ReadingList> readingLists = new ArrayList<>();
    private final List<String> pendingAttributes = new ArrayList<>();
    private final Set<String> htmlReported = new HashSet<>();

    private Document document;
    private String pageTitle;
    private LinkResolver resolver;
    private SectionAssembler sections;
    private Inlines inlines;
    private ListRenderer lists;
    private TableReader tables;
    private QuoteReader quoteReader;
    private Node previous;
    private OpenHint hint;
    private OpenList openList;
    /** Headings read so far: a byline stands under the page's title, before its second heading. */
    private int headings;

    private PageParser(String path, Site site, AnchorIds listIds, List<Problem> problems) {
        this.path = path;
        this.site = site;
        this.listIds = listIds;
        this.problems = problems;
    }

    /** Parses {@code source}; returns null when the page cannot be served (problems say why). */
    static Parsed parse(String path, String source, String siteBaseUrl, AnchorIds listIds, List<Problem> problems) {
        return parse(path, source, markdown(source), siteBaseUrl, Site.NONE, listIds, problems);
    }

    /** Reads a page flexmark has already parsed ({@link #markdown}), which the loader does under a time budget. */
    static Parsed parse(
            String path,
            String source,
            Document markdown,
            String siteBaseUrl,
            Site site,
            AnchorIds listIds,
            List<Problem> problems) {
        return new PageParser(path, site, listIds, problems).run(source, markdown, siteBaseUrl);
    }

    /** Flexmark's tree of a page: the part of parsing that can take long on hostile input. */
    static Document markdown(String source) {
        return PARSER.parse(source);
    }

    private Parsed run(String source, Document markdown, String siteBaseUrl) {
        document = markdown;
        NestingLimit.TooDeep tooDeep = NestingLimit.check(document);
        if (tooDeep != null) {
            problems.add(Problem.error(
                    path,
                    Inlines.line(tooDeep.first()),
                    "block quotes, lists or emphasis nested " + tooDeep.deepest() + " levels deep; the bot reads at"
                            + " most " + NestingLimit.MAX_NESTING + " levels"));
            return null;
        }
        FrontMatter front = frontMatter(source);
        if (front == null) {
            return null;
        }
        String pageUrl = LinkResolver.pageUrl(siteBaseUrl, path, front.permalink());
        String refusal = LinkResolver.discordRefusal(pageUrl, LinkResolver.MAX_LINK_URL);
        if (refusal != null) {
            boolean authored = front.permalink() != null && !front.permalink().isBlank();
            problems.add(Problem.error(
                    path,
                    authored ? FrontMatter.keyLine(source, 1, "permalink") : 1,
                    "page URL '"
                            + LinkResolver.abbreviate(pageUrl) + "' "
                            + (authored ? "(from permalink) " : "(from the file name) ") + refusal
                            + "; use letters, digits, '-', '_', '.' and '/'"));
            return null;
        }
        pageTitle = front.title() != null ? front.title().strip() : firstHeadingTitle();
        resolver = new LinkResolver(path, pageUrl, problems);
        sections = new SectionAssembler(path, pageUrl, problems);
        inlines = new Inlines(document, new Recording());
        lists = new ListRenderer(inlines);
        tables = new TableReader(inlines);
        quoteReader = new QuoteReader(inlines, new Inlines(document, new Quiet()), lists, () -> List.copyOf(links));
        for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
            block(node);
        }
        if (hint != null) {
            problems.add(Problem.warning(
                    path,
                    hint.line,
                    "<details> is never closed: the rest of the page is treated as part of the hint '" + hint.summary
                            + "'; add </details> where it ends"));
            closeHint();
        }
        if (sections.isEmpty()) {
            problems.add(Problem.warning(
                    path,
                    1,
                    source.isBlank()
                            ? "empty file: nothing to index"
                            : "page has no text outside its front matter: nothing to index"));
            return null;
        }
        int withoutHeadings = sections.lineWithoutHeadings();
        if (withoutHeadings > 0) {
            problems.add(Problem.warning(
                    path,
                    withoutHeadings,
                    "page has no headings: it is served as one section titled '" + pageTitle + "'"));
        }
        Page page = new Page(
                path, pageTitle, front.navOrder(), front.parent(), pageUrl, sections.finish(front.summaries()));
        return new Parsed(page, links, quotes, readingLists);
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
                return SectionAssembler.withoutExplicitId(Inlines.plainText(document, heading));
            }
        }
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.endsWith(".md") ? name.substring(0, name.length() - 3) : name;
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
        SectionAssembler.Draft draft = section(hint.node);
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

    /**
     * A raw HTML block: the start, text or end of a {@code <details>} hint, or other HTML, shown as its text; what
     * Discord cannot show at all (a video, a frame) is reported.
     */
    private void html(HtmlBlock node) {
        String source = node.getChars().toString();
        Hints.Html html = Hints.read(source);
        int line = Inlines.line(node);
        if (html.opens()) {
            if (hint != null) {
                closeHint();
            }
            hint = new OpenHint(node, html.summary().isEmpty() ? "Hint" : html.summary(), line);
        }
        html.unshown().forEach(tag -> reportHtml(tag, line));
        if (!html.body().isEmpty()) {
            Block text = new Block(
                    Block.Kind.PARAGRAPH, html.body(), List.of(Span.plain(html.body())), line, takeAttributes());
            if (hint != null) {
                hint.content.add(text);
            } else {
                section(node).add(text);
            }
        }
        if (hint != null && html.closes()) {
            closeHint();
        }
        previous = node;
    }

    private void reportHtml(String tag, int line) {
        if (htmlReported.add(tag)) {
            problems.add(Problem.warning(
                    path,
                    line,
                    "HTML <" + tag + "> cannot be shown in Discord: the bot shows only its text, if any"
                            + " (reported once per page)"));
        }
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
            String title = SectionAssembler.withoutExplicitId(Inlines.plainText(document, heading));
            sections.heading(heading.getText().toString(), title, heading.getLevel(), Inlines.line(heading));
            // An attribute list above a heading ({: .no_toc }) styles the heading, which the bot does not show.
            takeAttributes();
        } else if (node instanceof Paragraph paragraph) {
            paragraph(paragraph);
        } else if (node instanceof ListBlock list) {
            list(list);
        } else if (node instanceof BlockQuote quote) {
            quote(quote);
        } else if (ListRenderer.isCode(node)) {
            code(node);
        } else if (node instanceof TableBlock table) {
            section(node).add(withCallout(tables.read(table, Inlines.line(table), takeAttributes())));
        } else if (node instanceof ThematicBreak) {
            section(node).add(new Block(Block.Kind.RULE, "", List.of(), Inlines.line(node), takeAttributes()));
        } else {
            Inlines.Rendered text = inlines.render(node);
            if (!text.isBlank()) {
                section(node).add(block(Block.Kind.PARAGRAPH, text, node));
            }
        }
        headings += node instanceof Heading ? 1 : 0;
        previous = node;
    }

    private void paragraph(Paragraph paragraph) {
        List<String> attributes = takeAttributes();
        for (BasedSequence line : paragraph.getContentLines()) {
            if (ATTRIBUTE_LINE.matcher(line.toString().strip()).matches()) {
                attributesOf(line.toString(), attributes);
            }
        }
        int firstLink = links.size();
        Inlines.Rendered text = inlines.render(paragraph);
        if (headings <= 1 && Byline.is(text.spans())) {
            // Who wrote the page is not reading: its profile links leave the page's links.
            links.subList(firstLink, links.size()).clear();
            attributes = new ArrayList<>(attributes);
            attributes.add(Byline.ATTRIBUTE);
        }
        Block.Kind kind = isOnlyImages(paragraph) ? Block.Kind.IMAGE : Block.Kind.PARAGRAPH;
        if (kind == Block.Kind.IMAGE || !text.isBlank()) {
            section(paragraph)
                    .add(withCallout(new Block(kind, text.plain(), text.spans(), Inlines.line(paragraph), attributes)));
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
        SectionAssembler.Draft section = section(list);
        boolean reading = ReadingListReader.isReadingList(list);
        String title = reading ? ReadingListReader.title(previous, document, section.title()) : null;
        int firstLink = links.size();
        if (reading) {
            openList = new OpenList(listIds.next(title));
        }
        ListRenderer.RenderedList rendered = lists.render(list);
        section.add(block(Block.Kind.LIST, rendered.whole(), list));
        if (reading) {
            describe(firstLink, rendered.items());
            readingLists.add(new ReadingList(
                    openList.id, title, path, section.id(), Inlines.line(list), List.copyOf(openList.urls)));
            openList = null;
        }
    }

    /** Gives each link of a reading list the description its item gives it. */
    private void describe(int firstLink, List<Inlines.Rendered> items) {
        for (Inlines.Rendered item : items) {
            String description = ReadingListReader.description(item);
            String url = item.spans().stream()
                    .filter(span -> span.url() != null)
                    .map(Span::url)
                    .findFirst()
                    .orElse(null);
            if (description == null || url == null) {
                continue;
            }
            for (int i = firstLink; i < links.size(); i++) {
                if (links.get(i).url().equals(url) && links.get(i).description() == null) {
                    links.set(i, links.get(i).withDescription(description));
                    break;
                }
            }
        }
    }

    private void quote(BlockQuote blockQuote) {
        SectionAssembler.Draft section = section(blockQuote);
        Paragraph intro =
                previous instanceof Paragraph paragraph && section.lastParagraph == previous ? paragraph : null;
        List<String> attributes = takeAttributes();
        QuoteReader.Read read =
                quoteReader.read(blockQuote, path, section.id(), intro, attributes, callout(attributes));
        if (read == null) {
            problems.add(Problem.warning(path, Inlines.line(blockQuote), "block quote has no text; it is not a quote"));
            return;
        }
        quotes.add(read.quote());
        section.add(read.block());
    }

    private void code(Node node) {
        String code = ListRenderer.codeText(node);
        List<String> attributes = takeAttributes();
        String language = ListRenderer.language(node);
        if (!language.isEmpty()) {
            attributes.add(".language-" + language);
        }
        section(node)
                .add(withCallout(
                        new Block(Block.Kind.CODE, code, List.of(Span.plain(code)), Inlines.line(node), attributes)));
    }

    private Block block(Block.Kind kind, Inlines.Rendered text, Node node) {
        return withCallout(new Block(kind, text.plain(), text.spans(), Inlines.line(node), takeAttributes()));
    }

    private Block withCallout(Block block) {
        String title = callout(block.attributes());
        return title == null ? block : block.withCallout(title);
    }

    /** The title of the callout a block's attribute list makes it ({@code {: .note }}), or null. */
    private String callout(List<String> attributes) {
        for (String attribute : attributes) {
            String name = attribute.strip();
            if (name.startsWith(".") && name.indexOf(' ') < 0) {
                String title = site.callout(name.substring(1)).orElse(null);
                if (title != null) {
                    return title;
                }
            }
        }
        return null;
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
    private SectionAssembler.Draft section(Node node) {
        SectionAssembler.Draft draft = sections.current(Inlines.line(node), pageTitle);
        if (node instanceof Paragraph) {
            draft.lastParagraph = node;
        }
        return draft;
    }

    /** Records every link kept, in the section and reading list open at the time. */
    private final class Recording implements Inlines.Sink {
        @Override
        public String link(String destination, String text, int line) {
            String url = resolver.resolve(destination, line);
            if (url == null) {
                return null;
            }
            links.add(
                    new Link(text, url, path, sections.currentId(), openList == null ? null : openList.id, line, null));
            if (openList != null) {
                openList.urls.add(url);
            }
            return url;
        }

        @Override
        public String image(String destination, String alt, int line) {
            if (alt.isBlank()) {
                problems.add(Problem.warning(
                        path,
                        line,
                        "image '" + LinkResolver.abbreviate(destination.strip())
                                + "' has no alt text: Discord shows it as '🖼 image'; describe it in ![…]"));
            }
            return resolver.image(destination);
        }

        @Override
        public void unsupportedHtml(String tag, int line) {
            if (Hints.UNSHOWN.contains(tag)) {
                reportHtml(tag, line);
            }
        }
    }

    /** Resolves links already recorded, without recording or reporting them again. */
    private final class Quiet implements Inlines.Sink {
        @Override
        public String link(String destination, String text, int line) {
            return resolver.quietly(destination);
        }

        @Override
        public String image(String destination, String alt, int line) {
            return resolver.image(destination);
        }
    }

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

    /** A reading list being read: its id and the URLs met so far. */
    private static final class OpenList {
        final String id;
        final Set<String> urls = new LinkedHashSet<>();

        OpenList(String id) {
            this.id = id;
        }
    }
}
