package dev.workshopbot.content;

import com.vladsch.flexmark.util.ast.Document;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/** Reads a content directory into a {@link Library}; every problem becomes a {@link Problem}, nothing throws. */
public final class ContentLoader {

    /** Files above this size are refused: a workshop page is never this big, a mistake often is. */
    public static final long MAX_FILE_BYTES = 5L * 1024 * 1024;

    /** What one file may spend in flexmark, which has inputs that take minutes (a line of {@code [a](} repeated). */
    static final Duration PARSE_BUDGET = Duration.ofSeconds(3);

    /** A parse worker's own stack: flexmark recurses on some long lines, so its depth is not left to {@code -Xss}. */
    private static final long PARSE_STACK_BYTES = 32L * 1024 * 1024;

    /**
     * What page URLs start with when neither the configuration nor the site's {@code _config.yml} says where the
     * workshop is published: a reserved name that can never be a real site, and that says which key is missing.
     */
    public static final String NO_SITE = "https://content.siteBaseUrl.is-not-set.invalid";

    private final Optional<String> siteBaseUrl;
    private final Duration parseBudget;

    /**
     * Flexmark cannot be interrupted, so a parse over budget is abandoned, not stopped: its daemon thread runs on
     * until flexmark returns. A cached pool gives the next file a fresh thread, so an abandoned parse never blocks a
     * later load; the cost is the CPU it keeps using, bounded by {@link #abandoned}, which stops the same content
     * from being parsed again while its earlier parse is still running.
     */
    private final ExecutorService parsers = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(null, task, "content-parse", PARSE_STACK_BYTES);
        thread.setDaemon(true);
        return thread;
    });

    private final Map<String, Future<Document>> abandoned = new ConcurrentHashMap<>();

    /** Pages are linked under {@code siteBaseUrl}, whatever the site's own {@code _config.yml} says. */
    public ContentLoader(String siteBaseUrl) {
        this(Optional.of(siteBaseUrl), PARSE_BUDGET);
    }

    /**
     * Pages are linked under {@code configured} when present, else under the {@code url} and {@code baseurl} of the
     * site's {@code _config.yml}, else under {@link #NO_SITE}.
     */
    public static ContentLoader forSite(Optional<String> configured) {
        return new ContentLoader(configured, PARSE_BUDGET);
    }

    ContentLoader(String siteBaseUrl, Duration parseBudget) {
        this(Optional.of(siteBaseUrl), parseBudget);
    }

    private ContentLoader(Optional<String> siteBaseUrl, Duration parseBudget) {
        this.siteBaseUrl = siteBaseUrl;
        this.parseBudget = parseBudget;
    }

    public Library load(Path directory) {
        List<Problem> problems = new ArrayList<>();
        Map<String, byte[]> files = read(directory, problems);
        Site site = Site.read(files, problems);
        String baseUrl = siteBaseUrl.or(site::url).orElse(NO_SITE);
        AnchorIds listIds = new AnchorIds();
        List<Page> pages = new ArrayList<>();
        List<Link> links = new ArrayList<>();
        List<Quote> quotes = new ArrayList<>();
        List<ReadingList> lists = new ArrayList<>();
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            if (!file.getKey().endsWith(".md") || site.skips(file.getKey())) {
                continue;
            }
            String source = decode(file.getKey(), file.getValue(), problems);
            if (source == null) {
                continue;
            }
            source = Liquid.render(file.getKey(), source, site, problems);
            Document markdown = markdown(file.getKey(), source, problems);
            if (markdown == null) {
                continue;
            }
            PageParser.Parsed parsed =
                    PageParser.parse(file.getKey(), source, markdown, baseUrl, site, listIds, problems);
            if (parsed != null) {
                pages.add(parsed.page());
                links.addAll(parsed.links());
                quotes.addAll(parsed.quotes());
                lists.addAll(parsed.readingLists());
            }
        }
        CrossReferences references =
                new CrossReferences(List.of(baseUrl, site.url().orElse(baseUrl)), pages);
        links = reading(links, references, pages, problems);
        pages = pages.stream()
                .map(page -> withCrossReferences(page, references))
                .toList();
        List<Page> ordered = withWorkshopKeys(NavOrder.order(pages, problems));
        lists = uniquelyTitled(withLinks(lists, links), ordered);
        ReadingPlan plan = plan(files, ordered, problems);
        return new Library(
                version(files),
                ordered,
                inOrder(links, ordered, Link::page),
                inOrder(quotes, ordered, Quote::page),
                inOrder(lists, ordered, ReadingList::page),
                plan,
                problems,
                baseUrl);
    }

    /**
     * The links that are reading: links to the workshop's own pages are navigation and left out, and a link under
     * the site that reaches no page is a warning on its line naming the page it most likely meant.
     */
    private static List<Link> reading(
            List<Link> links, CrossReferences site, List<Page> pages, List<Problem> problems) {
        Map<String, Page> byPath = new HashMap<>();
        pages.forEach(page -> byPath.put(page.path(), page));
        List<Link> reading = new ArrayList<>();
        for (Link link : links) {
            Page from = byPath.get(link.page());
            CrossReferences.Target target =
                    from == null ? new CrossReferences.Target.Elsewhere() : site.of(link.url(), from);
            if (target instanceof CrossReferences.Target.Broken broken) {
                problems.add(Problem.warning(
                        link.page(),
                        link.line(),
                        "link '" + link.text() + "' goes to "
                                + broken.path() + " on the site, where there is no page"
                                + broken.likely()
                                        .map(page -> "; did you mean " + page.path() + " (" + page.title() + ")?")
                                        .orElse("")));
            } else if (target instanceof CrossReferences.Target.Elsewhere) {
                reading.add(link);
            }
        }
        return reading;
    }

    /**
     * The page with every link to a page of the workshop marked as a cross-reference and pointed at that page's URL
     * on the site (a link written {@code setup.md#install} goes to {@code …/setup/#install}).
     */
    private static Page withCrossReferences(Page page, CrossReferences references) {
        List<Section> sections = new ArrayList<>();
        for (Section section : page.sections()) {
            List<Block> blocks = section.blocks().stream()
                    .map(block -> withCrossReferences(block, page, references))
                    .toList();
            sections.add(section.withBlocks(blocks));
        }
        return new Page(page.path(), page.title(), page.navOrder(), page.parent(), page.url(), sections);
    }

    private static Block withCrossReferences(Block block, Page page, CrossReferences references) {
        List<Span> spans = new ArrayList<>();
        for (Span span : block.spans()) {
            if (span.url() != null
                    && !span.has(Span.Mark.IMAGE)
                    && references.of(span.url(), page) instanceof CrossReferences.Target.ToPage to) {
                int hash = span.url().indexOf('#');
                String anchor = hash < 0 ? "" : span.url().substring(hash);
                spans.add(span.withUrl(to.page().url() + anchor, Span.Mark.CROSS_REFERENCE));
            } else {
                spans.add(span);
            }
        }
        List<Block> children = block.children().stream()
                .map(child -> withCrossReferences(child, page, references))
                .toList();
        return block.withSpans(spans, children);
    }

    /** Reading lists with only the links that are still reading; a list left with none is no reading list. */
    private static List<ReadingList> withLinks(List<ReadingList> lists, List<Link> reading) {
        java.util.Set<String> urls = new java.util.HashSet<>();
        reading.forEach(link -> urls.add(link.url()));
        List<ReadingList> kept = new ArrayList<>();
        for (ReadingList list : lists) {
            List<String> still = list.links().stream().filter(urls::contains).toList();
            if (!still.isEmpty()) {
                kept.add(new ReadingList(list.id(), list.title(), list.page(), list.section(), list.line(), still));
            }
        }
        return kept;
    }

    /**
     * Reading lists whose titles tell them apart: a title two pages share carries its page ("Further Reading ·
     * Resources"), and one repeated on the same page its number ("Further Reading (2)").
     */
    private static List<ReadingList> uniquelyTitled(List<ReadingList> lists, List<Page> pages) {
        Map<String, String> pageTitles = new HashMap<>();
        pages.forEach(page -> pageTitles.put(page.path(), page.title()));
        Map<String, Long> uses = new HashMap<>();
        lists.forEach(list -> uses.merge(Library.titleKey(list.title()), 1L, Long::sum));
        Map<String, Integer> seen = new HashMap<>();
        List<ReadingList> titled = new ArrayList<>();
        for (ReadingList list : lists) {
            String title = list.title();
            if (uses.get(Library.titleKey(title)) > 1) {
                title = title + " · " + pageTitles.getOrDefault(list.page(), list.page());
            }
            int n = seen.merge(Library.titleKey(title), 1, Integer::sum);
            if (n > 1) {
                title = title + " (" + n + ")";
            }
            titled.add(new ReadingList(list.id(), title, list.page(), list.section(), list.line(), list.links()));
        }
        return titled;
    }

    /** Flexmark's tree of one file on a worker, within the budget; null after adding an error when it cannot be had. */
    private Document markdown(String path, String source, List<Problem> problems) {
        abandoned.values().removeIf(Future::isDone);
        String key = path + "\0" + source.hashCode() + "\0" + source.length();
        Future<Document> parse = abandoned.get(key);
        if (parse == null) {
            parse = parsers.submit(() -> PageParser.markdown(source));
        }
        try {
            return parse.get(parseBudget.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            parse.cancel(true);
            abandoned.putIfAbsent(key, parse);
            problems.add(Problem.error(
                    path,
                    1,
                    "took longer than " + parseBudget.toSeconds() + "s to parse; look for"
                            + " a very long line of repeated brackets, backticks or blanks and break it up"));
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof StackOverflowError)) {
                throw new IllegalStateException("flexmark failed on " + path, e.getCause());
            }
            problems.add(Problem.error(
                    path,
                    1,
                    "too deeply nested for the Markdown parser; look for a very long line"
                            + " of list markers or quote marks and break it up"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problems.add(Problem.error(path, 1, "not parsed: loading was interrupted"));
        }
        return null;
    }

    /** The authored plan when {@code reading-plan.yml} exists and is valid, else a page a day. */
    private static ReadingPlan plan(Map<String, byte[]> files, List<Page> pages, List<Problem> problems) {
        List<Section> sections =
                pages.stream().flatMap(page -> page.sections().stream()).toList();
        byte[] file = files.get(PlanParser.FILE);
        if (file == null) {
            return ReadingPlan.pageADay(pages);
        }
        String yaml = decode(PlanParser.FILE, file, problems);
        Map<String, Section> byName = new HashMap<>();
        for (Section section : sections) {
            byName.putIfAbsent(section.title().toLowerCase(java.util.Locale.ROOT), section);
            byName.putIfAbsent(section.id(), section);
            byName.put(section.key(), section);
            byName.put(Library.pageKey(section.pagePath()) + "/" + section.id(), section);
        }
        ReadingPlan plan = yaml == null
                ? null
                : PlanParser.parse(
                        yaml,
                        name -> byName.getOrDefault(name, byName.get(name.toLowerCase(java.util.Locale.ROOT))),
                        problems);
        return plan != null ? plan : ReadingPlan.pageADay(pages);
    }

    /** Every {@code .md} and {@code .yml} file under the directory by relative path, refusing what must not be read. */
    private static Map<String, byte[]> read(Path directory, List<Problem> problems) {
        Map<String, byte[]> files = new TreeMap<>();
        Path root;
        try {
            root = directory.toRealPath();
        } catch (IOException e) {
            problems.add(Problem.error(directory.toString(), 1, "content directory does not exist or cannot be read"));
            return files;
        }
        if (!Files.isDirectory(root)) {
            problems.add(Problem.error(directory.toString(), 1, "content path is not a directory"));
            return files;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    String relative = root.relativize(file).toString().replace('\\', '/');
                    if (!relative.endsWith(".md")
                            && !relative.endsWith(".yml")
                            && !(relative.startsWith("_data/")
                                    && (relative.endsWith(".json") || relative.endsWith(".yaml")))) {
                        return FileVisitResult.CONTINUE;
                    }
                    readOne(root, file, relative, attributes, problems, files);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    problems.add(
                            Problem.error(root.relativize(file).toString(), 1, "cannot be read: " + e.getMessage()));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            problems.add(
                    Problem.error(directory.toString(), 1, "cannot list the content directory: " + e.getMessage()));
        }
        return files;
    }

    private static void readOne(
            Path root,
            Path file,
            String relative,
            BasicFileAttributes attributes,
            List<Problem> problems,
            Map<String, byte[]> files) {
        try {
            Path real = file;
            if (attributes.isSymbolicLink()) {
                real = file.toRealPath();
                if (!real.startsWith(root)) {
                    problems.add(Problem.error(
                            relative, 1, "refused: symlink points outside the content directory (" + real + ")"));
                    return;
                }
            }
            if (!Files.isRegularFile(real)) {
                return;
            }
            long size = Files.size(real);
            if (size > MAX_FILE_BYTES) {
                problems.add(Problem.error(
                        relative,
                        1,
                        "file is " + size / 1024 + " KiB; the limit is " + MAX_FILE_BYTES / 1024 + " KiB (5 MiB)"));
                return;
            }
            files.put(relative, Files.readAllBytes(real));
        } catch (IOException e) {
            problems.add(Problem.error(relative, 1, "cannot be read: " + e.getMessage()));
        }
    }

    /** Strict UTF-8; the first bad byte is reported with its line. A byte order mark is dropped. */
    static String decode(String path, byte[] bytes, List<Problem> problems) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int line = 1;
            for (int i = 0; i < in.position(); i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            problems.add(Problem.error(
                    path,
                    line,
                    String.format(
                            "not UTF-8: byte 0x%02X at offset %d; save the file as UTF-8",
                            bytes[in.position()] & 0xff, in.position())));
            return null;
        }
        String text = out.flip().toString();
        String binary = binaryReason(text);
        if (binary != null) {
            problems.add(Problem.error(path, 1, "not a text file: " + binary + "; save it as plain UTF-8 Markdown"));
            return null;
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return text.replace("\r\n", "\n");
    }

    /** Why decoded text is binary rather than text (a NUL, or mostly control characters), or null when it is text. */
    private static String binaryReason(String text) {
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            return "NUL byte at offset " + nul;
        }
        int controls = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\t' && c != '\r' && c != '\n') {
                controls++;
            }
        }
        return controls * 2 > text.length()
                ? controls + " of " + text.length() + " characters are control characters"
                : null;
    }

    private static String version(Map<String, byte[]> files) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                digest.update(file.getKey().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(file.getValue());
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }

    /**
     * Gives every section its workshop-wide key: its anchor when no other page has that anchor, else
     * {@code page/anchor} (the page's path without {@code .md}) on every page that has it, the first one included,
     * as the site's own URLs tell them apart. Exercise pages that share "Hints" or "Examples" are normal, not a
     * problem.
     */
    private static List<Page> withWorkshopKeys(List<Page> pages) {
        Map<String, Integer> pagesWithId = new HashMap<>();
        for (Page page : pages) {
            page.sections().stream().map(Section::id).distinct().forEach(id -> pagesWithId.merge(id, 1, Integer::sum));
        }
        List<Page> keyed = new ArrayList<>();
        for (Page page : pages) {
            List<Section> sections = new ArrayList<>();
            for (Section section : page.sections()) {
                if (pagesWithId.get(section.id()) > 1) {
                    section = section.withKey(Library.pageKey(page.path()) + "/" + section.id());
                }
                sections.add(section);
            }
            keyed.add(new Page(page.path(), page.title(), page.navOrder(), page.parent(), page.url(), sections));
        }
        return keyed;
    }

    /** Sorts page-scoped items into the pages' reading order, keeping document order within a page. */
    private static <T> List<T> inOrder(List<T> items, List<Page> pages, Function<T, String> pageOf) {
        Map<String, Integer> rank = new HashMap<>();
        for (int i = 0; i < pages.size(); i++) {
            rank.put(pages.get(i).path(), i);
        }
        List<T> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparingInt(item -> rank.getOrDefault(pageOf.apply(item), Integer.MAX_VALUE)));
        return sorted;
    }
}
