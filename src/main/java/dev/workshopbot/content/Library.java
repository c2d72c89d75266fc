package dev.workshopbot.content;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An immutable snapshot of the workshop: pages in reading order and everything indexed from them. */
public final class Library {

    private final String version;
    private final List<Page> pages;
    private final List<Section> sections;
    private final List<Link> links;
    private final List<Quote> quotes;
    private final List<ReadingList> readingLists;
    private final List<Problem> problems;
    private final ReadingPlan plan;
    private static final int MAX_HANDLE = 48;

    private final Map<String, Section> sectionsByKey = new HashMap<>();
    private final Map<String, Section> sectionsByHandle = new HashMap<>();
    private final Map<String, Section> sectionsByPageAndId = new HashMap<>();
    private final Map<Section, Integer> position = new IdentityHashMap<>();
    private final Map<String, List<Quote>> quotesBySection = new HashMap<>();
    private final Map<String, List<Link>> linksBySection = new HashMap<>();
    private final Map<String, Link> firstLinkByUrl = new HashMap<>();
    private final Map<String, Page> pagesByPath = new LinkedHashMap<>();
    private final Map<String, ReadingList> listsById = new LinkedHashMap<>();
    private final Map<String, ReadingList> listsByHandle = new HashMap<>();
    private final Map<String, List<Link>> linksByList = new HashMap<>();

    private final String baseUrl;
    private final Map<String, Integer> pagesWithTitle = new HashMap<>();

    Library(
            String version,
            List<Page> pages,
            List<Link> links,
            List<Quote> quotes,
            List<ReadingList> readingLists,
            ReadingPlan plan,
            List<Problem> problems,
            String baseUrl) {
        this.version = version;
        this.baseUrl = baseUrl;
        this.plan = plan;
        this.pages = List.copyOf(pages);
        this.links = List.copyOf(links);
        this.quotes = List.copyOf(quotes);
        this.readingLists = List.copyOf(readingLists);
        this.problems = List.copyOf(problems);
        List<Section> ordered = new ArrayList<>();
        for (Page page : this.pages) {
            pagesByPath.put(page.path(), page);
            for (Section section : page.sections()) {
                position.put(section, ordered.size());
                ordered.add(section);
                sectionsByKey.put(section.key(), section);
                // page/anchor reaches a section whatever its key, so a link or a member can always name one so
                sectionsByKey.putIfAbsent(pageKey(section.pagePath()) + "/" + section.id(), section);
                sectionsByHandle.put(handleOf(section.key()), section);
                sectionsByPageAndId.put(page.path() + "#" + section.id(), section);
            }
        }
        this.sections = Collections.unmodifiableList(ordered);
        for (Page page : this.pages) {
            page.sections().stream()
                    .map(section -> titleKey(section.title()))
                    .distinct()
                    .forEach(title -> pagesWithTitle.merge(title, 1, Integer::sum));
        }
        for (ReadingList list : this.readingLists) {
            listsById.put(list.id(), list);
            listsByHandle.put(handleOf(list.id()), list);
        }
        Map<String, Map<String, Link>> firstPerUrl = new HashMap<>();
        for (Link link : this.links) {
            if (link.list() != null) {
                firstPerUrl
                        .computeIfAbsent(link.list(), id -> new LinkedHashMap<>())
                        .putIfAbsent(link.url(), link);
            }
        }
        firstPerUrl.forEach((id, byUrl) -> linksByList.put(id, List.copyOf(byUrl.values())));
        for (Quote quote : this.quotes) {
            quotesBySection
                    .computeIfAbsent(quote.page() + "#" + quote.section(), key -> new ArrayList<>())
                    .add(quote);
        }
        Map<String, Map<String, Link>> sectionLinks = new HashMap<>();
        for (Link link : this.links) {
            // A URL linked twice in a section is listed once, where it first appears.
            sectionLinks
                    .computeIfAbsent(link.page() + "#" + link.section(), key -> new LinkedHashMap<>())
                    .putIfAbsent(link.url(), link);
            firstLinkByUrl.putIfAbsent(link.url(), link);
        }
        sectionLinks.forEach((key, byUrl) -> linksBySection.put(key, List.copyOf(byUrl.values())));
    }

    /**
     * A section's title as shown anywhere a reader cannot see its page: qualified by the page's title when another
     * page has a section of the same title ("Hints · Exercise 1: Two Sum").
     */
    public String displayTitle(Section section) {
        if (pagesWithTitle.getOrDefault(titleKey(section.title()), 1) < 2) {
            return section.title();
        }
        return section.title() + " · "
                + page(section.pagePath()).map(Page::title).orElse(section.pagePath());
    }

    /** Titles compared as a reader would: case and surrounding blanks aside. */
    static String titleKey(String title) {
        return title.strip().toLowerCase(java.util.Locale.ROOT);
    }

    /** What page URLs start with: the configured site, the one {@code _config.yml} names, or a placeholder. */
    public String baseUrl() {
        return baseUrl;
    }

    /** Whether the pages link to a real published site (configured, or from {@code _config.yml}). */
    public boolean knowsItsSite() {
        return !baseUrl.equals(ContentLoader.NO_SITE);
    }

    /** SHA-256 of the content files, hex. */
    public String version() {
        return version;
    }

    /** The first 12 characters of the version: enough to tell snapshots apart in messages and button ids. */
    public String shortVersion() {
        return shortVersion(version);
    }

    /** The first 12 characters of any content version, as {@link #shortVersion()} shows this one's. */
    public static String shortVersion(String version) {
        return version.substring(0, Math.min(12, version.length()));
    }

    public List<Page> pages() {
        return pages;
    }

    /** Every section of every page, in reading order. */
    public List<Section> sections() {
        return sections;
    }

    public List<Link> links() {
        return links;
    }

    public List<Quote> quotes() {
        return quotes;
    }

    public List<ReadingList> readingLists() {
        return readingLists;
    }

    /** The daily reading plan: authored in reading-plan.yml, or one section a day. */
    public ReadingPlan plan() {
        return plan;
    }

    public List<Problem> problems() {
        return problems;
    }

    public long errorCount() {
        return problems.stream().filter(Problem::isError).count();
    }

    public long warningCount() {
        return problems.size() - errorCount();
    }

    /** A section by its workshop-wide key or its {@link #handle}. */
    public Optional<Section> section(String key) {
        Section section = sectionsByKey.get(key);
        return Optional.ofNullable(section != null ? section : sectionsByHandle.get(key));
    }

    /**
     * A short stable name for a section that fits Discord's 100-character option values and button ids:
     * the key itself when it is short, else its start and a hash of the whole.
     */
    public String handle(Section section) {
        return handleOf(section.key());
    }

    /** A page's part of a section key: its path without {@code .md} ({@code exercises/exercise-1}). */
    public static String pageKey(String path) {
        return path.endsWith(".md") ? path.substring(0, path.length() - 3) : path;
    }

    /** Shortens an id to fit option values and button ids, stable and unique in practice. */
    public static String handleOf(String key) {
        if (key.length() <= MAX_HANDLE) {
            return key;
        }
        return key.substring(0, MAX_HANDLE - 10) + "~" + String.format("%08x", key.hashCode()) + "~";
    }

    /** The section a link, quote or list names by page and id. */
    public Optional<Section> section(String page, String id) {
        return Optional.ofNullable(sectionsByPageAndId.get(page + "#" + id));
    }

    public Optional<Section> next(Section section) {
        Integer at = position.get(section);
        return at == null || at + 1 >= sections.size() ? Optional.empty() : Optional.of(sections.get(at + 1));
    }

    public Optional<Page> page(String path) {
        return Optional.ofNullable(pagesByPath.get(path));
    }

    /** A reading list by its id or its {@link #handle}. */
    public Optional<ReadingList> readingList(String id) {
        ReadingList list = listsById.get(id);
        return Optional.ofNullable(list != null ? list : listsByHandle.get(id));
    }

    /** A short stable name for a reading list, like {@link #handle(Section)}. */
    public String handle(ReadingList list) {
        return handleOf(list.id());
    }

    /** The links of a reading list, one per URL, in list order. */
    public List<Link> linksOf(ReadingList list) {
        return linksByList.getOrDefault(list.id(), List.of());
    }

    /** Quotes of a section, in document order. */
    public List<Quote> quotesOf(Section section) {
        return Collections.unmodifiableList(
                quotesBySection.getOrDefault(section.pagePath() + "#" + section.id(), List.of()));
    }

    /** The first link in reading order that points at {@code url}, for naming a bare URL. */
    public Optional<Link> firstLinkTo(String url) {
        return Optional.ofNullable(firstLinkByUrl.get(url));
    }

    /** Links of a section (not its subsections), in document order, one per URL. */
    public List<Link> linksOf(Section section) {
        return Collections.unmodifiableList(
                linksBySection.getOrDefault(section.pagePath() + "#" + section.id(), List.of()));
    }
}
