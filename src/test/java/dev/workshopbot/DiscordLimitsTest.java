package dev.workshopbot;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.workshopbot.commands.CommandRegistry;
import dev.workshopbot.commands.DailyPosts;
import dev.workshopbot.commands.PlanCommand;
import dev.workshopbot.commands.ProgressCommand;
import dev.workshopbot.commands.Reply;
import dev.workshopbot.commands.SlashCommand;
import dev.workshopbot.content.Block;
import dev.workshopbot.content.ContentLoader;
import dev.workshopbot.content.Library;
import dev.workshopbot.content.Link;
import dev.workshopbot.content.Page;
import dev.workshopbot.content.Quote;
import dev.workshopbot.content.ReadingList;
import dev.workshopbot.content.Section;
import dev.workshopbot.daily.DailyPost;
import dev.workshopbot.daily.DailyRoutine;
import dev.workshopbot.daily.DailySystem;
import dev.workshopbot.progress.ProgressSystem;
import dev.workshopbot.search.EmbeddingCache;
import dev.workshopbot.search.MiniLmEmbedder;
import dev.workshopbot.search.SemanticBuilder;
import dev.workshopbot.search.Snapshot;
import dev.workshopbot.search.Suggester;
import dev.workshopbot.store.DailyStore;
import dev.workshopbot.store.Database;
import dev.workshopbot.store.ProgressStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The guarantee that every reply fits Discord and never pings, on the shipped workshop, on the Jekyll site of
 * {@code src/test/resources/sites/study-workshop} (hints, cross-references, Liquid) and on {@link StressWorkshop}: every command, every autocomplete answer, every section, list, page and author, and
 * every button reachable from those replies. It lives in the root package to use {@link App#commands}, the
 * registry the bot itself serves.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DiscordLimitsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-01T09:00:00Z"), ZoneOffset.UTC);
    private static final int PRESS_CAP = 8_000;
    private static final String SHIPPED_SITE = "https://segunakinyemi.com/ai-interview-workshop";
    private static final String JEKYLL_SITE = "https://workshop.example.test/prep-workshop";
    private static final int SHOWN_PROBLEMS = 40;
    /** The server {@link ReplyCrawler} asks from. */
    private static final long CRAWLER_GUILD = 222L;

    /** What members type: nothing, too little, typos, pings, Markdown, garbage and the 100-character maximum. */
    private static final List<String> TYPED = List.of(
            "",
            "   ",
            "a",
            "the",
            "Part 1",
            "intervew",
            "stress heading",
            "@everyone",
            "@here <@123>",
            "<@&123456789012345678>",
            "*_~|>#[]()",
            "🎉",
            "…",
            "\u0000\u200b%$!?;{}\\`",
            "x".repeat(100),
            "*_~|>#[]()".repeat(10),
            "interview engineer prompt review design system agent context test deploy debug verify candidate ques");

    /** Searches for what the workshops hold: words, a typo, Markdown, a long word, a query of the full 200. */
    private static final List<String> QUERIES = List.of(
            "interview",
            "engineers",
            "LeetCode",
            "utm_campaign",
            "Stress heading " + StressWorkshop.MARKDOWN,
            "pneumonoultramicroscopicsilicovolcanoconiosis",
            "Stress heading " + "qwerty ".repeat(40));
    /** Searching for every title would take a minute on the stress workshop; every fifth keeps the variety. */
    private static final int SEARCHED_TITLE_EVERY = 5;

    private static final Pattern TOC_LINE = Pattern.compile("^\\s*(\\d+)\\. \\[(.*)\\]\\((\\S+)\\)$");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    /**
     * One workshop to crawl: its files, the library loaded from them, the snapshot the bot serves, and its state:
     * the daily settings /plan reads (the crawling member's server posted day 1 today) and the progress /progress
     * keeps (its Mark as read buttons are on every card).
     */
    record Workshop(
            String name, Path directory, Library library, Snapshot snapshot, Database database, DailySystem daily) {
        CommandRegistry registry() {
            ProgressStore store = new ProgressStore(database);
            DailyStore posts = new DailyStore(database);
            return App.commands(
                    () -> snapshot,
                    CLOCK,
                    Optional::empty,
                    List.of(
                            new ProgressCommand(
                                    () -> library,
                                    new ProgressSystem(store, posts, () -> library, CLOCK, ZoneOffset.UTC)),
                            new PlanCommand(snapshot::library, daily)));
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private List<Workshop> workshops;

    @BeforeAll
    void loadWorkshops(@TempDir Path temp) throws IOException {
        Path stress = StressWorkshop.write(temp.resolve("stress"));
        workshops = List.of(
                load("shipped", Path.of("content"), SHIPPED_SITE, temp),
                load("stress", stress, StressWorkshop.SITE, temp),
                load("jekyll site", Path.of("src/test/resources/sites/study-workshop"), JEKYLL_SITE, temp));
    }

    /** One model for every workshop: the crawl answers /ask and /search with hybrid retrieval, as the bot does. */
    private static final SemanticBuilder EMBEDDINGS =
            new SemanticBuilder(new MiniLmEmbedder(), EmbeddingCache.inMemory());

    private static Workshop load(String name, Path directory, String site, Path temp) {
        Library library = new ContentLoader(site).load(directory);
        Snapshot snapshot = Snapshot.of(library);
        Database database = Database.open("jdbc:sqlite:" + temp.resolve(name.replace(' ', '-') + ".db"));
        DailyStore store = new DailyStore(database);
        store.schedule(
                CRAWLER_GUILD,
                10,
                LocalTime.of(8, 0),
                ZoneOffset.UTC,
                CLOCK.instant().minus(Duration.ofDays(1)));
        LocalDate today = LocalDate.ofInstant(CLOCK.instant(), ZoneOffset.UTC);
        store.claim(CRAWLER_GUILD, today, 0, 10, "crawl", "test", CLOCK.instant());
        store.complete(CRAWLER_GUILD, today, 1, null, CLOCK.instant());
        DailySystem daily = new DailySystem(
                store,
                () -> library,
                CLOCK,
                LocalTime.of(8, 0),
                ZoneOffset.UTC,
                new DailyRoutine.Settings(Duration.ofHours(6), true, false, Duration.ofMinutes(2)));
        return new Workshop(
                name, directory, library, snapshot.withSemantic(EMBEDDINGS.build(library)), database, daily);
    }

    Stream<Workshop> workshops() {
        return workshops.stream();
    }

    private Workshop stress() {
        return workshops.get(1);
    }

    @Test
    void stressWorkshop_goesPastEveryLimitTheRepliesMustKeep() {
        // GIVEN the generated stress workshop
        Library library = stress().library();
        List<Block> blocks = library.sections().stream()
                .flatMap(section -> section.blocks().stream())
                .toList();

        // WHEN we measure what it holds
        int longestSection = library.sections().stream()
                .mapToInt(section -> section.blocks().stream()
                        .mapToInt(block -> block.plain().length())
                        .sum())
                .max()
                .orElse(0);
        int longestWord = blocks.stream()
                .flatMap(block -> WORD.matcher(block.plain()).results())
                .mapToInt(word -> word.group().length())
                .max()
                .orElse(0);
        int longestCode = longest(blocks, Block.Kind.CODE);
        int longestTable = longest(blocks, Block.Kind.TABLE);
        long mostLinksInAList = library.readingLists().stream()
                .mapToLong(list -> linksIn(library, list))
                .max()
                .orElse(0);
        boolean listRepeatsUrls = library.readingLists().stream()
                .anyMatch(list -> linksIn(library, list) > library.linksOf(list).size());
        int longestLinkText = library.links().stream()
                .mapToInt(link -> link.text().length())
                .max()
                .orElse(0);
        int longestQuote = library.quotes().stream()
                .mapToInt(quote -> quote.text().length())
                .max()
                .orElse(0);
        int longestTitle = library.sections().stream()
                .mapToInt(section -> section.title().length())
                .max()
                .orElse(0);
        boolean titleWithoutWords = library.sections().stream()
                .anyMatch(section -> !WORD.matcher(section.title()).find());
        int tableOfContents = library.sections().stream()
                .mapToInt(section -> section.title().length() + section.url().length())
                .sum();

        // THEN every limit the replies must keep is exceeded somewhere, and the workshop still loads cleanly
        assertAll(
                () -> assertEquals(0, library.errorCount(), () -> "errors: " + library.problems()),
                () -> assertEquals(StressWorkshop.PAGES, library.pages().size(), "pages"),
                () -> assertTrue(
                        longestSection > 5 * DiscordLimits.EMBED_TOTAL,
                        "a section of tens of thousands" + " of characters; longest is " + longestSection),
                () -> assertEquals(StressWorkshop.LONG_WORD_CHARS, longestWord, "the longest word"),
                () -> assertTrue(longestCode > DiscordLimits.EMBED_DESCRIPTION, "a code block longer than a page"),
                () -> assertTrue(longestTable > DiscordLimits.EMBED_DESCRIPTION, "a table longer than a page"),
                () -> assertTrue(mostLinksInAList >= StressWorkshop.GIANT_LIST_ITEMS, "a list of hundreds of links"),
                () -> assertTrue(listRepeatsUrls, "a reading list that repeats URLs"),
                () -> assertTrue(longestLinkText > DiscordLimits.EMBED_TITLE, "link texts over 256 characters"),
                () -> assertTrue(longestQuote > DiscordLimits.EMBED_DESCRIPTION, "a quote longer than a page"),
                () -> assertTrue(longestTitle > DiscordLimits.EMBED_TITLE, "headings over 256 characters"),
                () -> assertTrue(titleWithoutWords, "a heading of emoji or punctuation only"),
                () -> assertTrue(
                        tableOfContents > 3 * DiscordLimits.EMBED_DESCRIPTION,
                        "a table of contents of" + " several pages"),
                () -> assertEquals(
                        List.of(),
                        mentionsIn(library).entrySet().stream()
                                .filter(found -> !found.getValue())
                                .map(Map.Entry::getKey)
                                .toList(),
                        "text without mentions"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("workshops")
    void autocomplete_answersAtMost25Choices_namedAndValued1To100Characters(Workshop workshop) {
        // GIVEN the bot over the workshop, and members typing anything at all into every autocomplete option
        CommandRegistry registry = workshop.registry();
        ReplyCrawler crawler = new ReplyCrawler(registry, limits(workshop));
        int asked = 0;

        // WHEN every autocomplete option answers every typed input
        for (SlashCommand command : registry.all()) {
            for (OptionData option : autocompleted(command)) {
                for (String typed : TYPED) {
                    crawler.complete(command.name(), option.getName(), typed);
                    asked++;
                }
            }
        }

        // THEN every answer keeps Discord's rules for choices
        assertTrue(asked > 0, "no command has an autocomplete option");
        assertNoProblems(crawler.problems(), "autocomplete answers");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("workshops")
    void everyReplyAndEveryButtonsReply_fitsDiscord_andCanPingNobody(Workshop workshop) {
        // GIVEN the bot over the workshop
        CommandRegistry registry = workshop.registry();
        ReplyCrawler crawler = new ReplyCrawler(registry, limits(workshop));

        // WHEN a member runs every command every way, then presses every button and chooses every option of every
        // menu of every reply, breadth-first
        for (Map.Entry<String, Map<String, String>> invocation : invocations(workshop, registry, crawler)) {
            crawler.ask(invocation.getKey(), invocation.getValue());
        }
        int asked = crawler.replies();
        crawler.pressAll(PRESS_CAP);

        // THEN every reply was a callback Discord accepts, none can ping, and the crawl reached past the commands
        assertTrue(asked > workshop.library().sections().size(), "every section was asked for; replies: " + asked);
        assertTrue(
                crawler.presses() > workshop.library().sections().size(),
                "buttons were pressed; presses: " + crawler.presses());
        assertTrue(
                crawler.chosen() >= Math.min(25, workshop.library().plan().size()),
                "menu options chosen: " + crawler.chosen());
        assertNoProblems(
                crawler.problems(),
                crawler.replies() + " replies (" + crawler.presses() + " presses"
                        + (crawler.exhausted() ? ", every button" : ", stopped at the cap") + ")");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("workshops")
    void dailyPost_ofEveryPlanDay_fitsDiscord_andCanPingNobody(Workshop workshop) throws Exception {
        // GIVEN every day of the workshop's reading plan
        DiscordLimits limits = limits(workshop);
        List<String> problems = new ArrayList<>();
        int days = workshop.library().plan().size();
        for (int day = 0; day < days; day++) {
            DailyPost post = new DailyPost(
                    1,
                    2,
                    java.time.LocalDate.of(2026, 3, 8),
                    day,
                    days,
                    workshop.library().plan().days().get(day),
                    workshop.library(),
                    true);
            // WHEN it is rendered as the bot posts it
            JsonNode body = new ObjectMapper()
                    .readTree(
                            Reply.visible(DailyPosts.render(post)).toCallback().toString());
            // THEN it keeps every limit, and its thread name fits Discord's 100 characters
            limits.checkCallback("daily post day " + post.number(), body, problems);
            String thread = DailyPosts.threadName(post);
            if (thread.isEmpty() || thread.length() > 100) {
                problems.add("thread name of day " + post.number() + " is " + thread.length() + " characters");
            }
        }
        assertTrue(days > 0);
        assertNoProblems(problems, days + " daily posts");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("workshops")
    void fullTextPages_together_holdEveryWordOfTheSection_andSplitNoWordThatFitsAPage(Workshop workshop) {
        // GIVEN the bot over the workshop
        ReplyCrawler crawler = new ReplyCrawler(workshop.registry(), limits(workshop));
        List<String> problems = new ArrayList<>();

        for (Section section : workshop.library().sections()) {
            // WHEN a member opens the section's full text and pages through to the end
            String handle = workshop.library().handle(section);
            List<String> pages = new ArrayList<>();
            Optional<ReplyCrawler.Button> fullText = crawler.ask("section", Map.of("name", handle))
                    .flatMap(card -> button(card, "/section name:" + handle, "Full text"));
            Optional<JsonNode> page = fullText.flatMap(crawler::press);
            while (page.isPresent() && pages.size() < 1_000) {
                pages.add(page.get()
                        .path("data")
                        .path("embeds")
                        .path(0)
                        .path("description")
                        .asText(""));
                page = button(page.get(), "full text of " + handle, "Next ▶").flatMap(crawler::press);
            }

            // THEN the pages hold every word of the section's blocks in order, and split only unfittable words
            if (pages.isEmpty()) {
                problems.add(handle + ": no full text page could be opened");
            } else {
                compareWords(handle, section, pages, problems);
            }
        }
        problems.addAll(crawler.problems());
        assertNoProblems(
                problems, "full text of " + workshop.library().sections().size() + " sections");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("workshops")
    void sectionsPages_together_listEverySectionInReadingOrder(Workshop workshop) {
        // GIVEN the bot over the workshop
        ReplyCrawler crawler = new ReplyCrawler(workshop.registry(), limits(workshop));

        // WHEN a member runs /sections and pages through to the end
        Map<Integer, Matcher> lines = new LinkedHashMap<>();
        int pages = 0;
        Optional<JsonNode> page = crawler.ask("sections", Map.of());
        while (page.isPresent() && pages < 1_000) {
            pages++;
            for (String line : page.get()
                    .path("data")
                    .path("embeds")
                    .path(0)
                    .path("description")
                    .asText("")
                    .split("\n")) {
                Matcher toc = TOC_LINE.matcher(line);
                if (toc.matches()) {
                    lines.putIfAbsent(Integer.parseInt(toc.group(1)), toc);
                }
            }
            page = button(page.get(), "/sections page " + pages, "Next ▶").flatMap(crawler::press);
        }

        // THEN section n of the reading order is line n, linked to its anchor, titled by its title or a cut of it
        List<String> problems = new ArrayList<>(crawler.problems());
        List<Section> sections = workshop.library().sections();
        for (int n = 1; n <= sections.size(); n++) {
            Section section = sections.get(n - 1);
            Matcher line = lines.get(n);
            if (line == null) {
                problems.add("section " + n + " (" + section.id() + ") is on none of the " + pages + " pages");
                continue;
            }
            String url = decoded(line.group(3));
            String title = unescape(line.group(2));
            if (!url.equals(decoded(section.url()))) {
                problems.add("line " + n + " links to " + url + ", not to " + section.url());
            }
            boolean cut = title.endsWith("…") && section.title().startsWith(title.substring(0, title.length() - 1));
            if (!title.equals(section.title()) && !cut) {
                problems.add("line " + n + " says '" + title + "', not the title '" + section.title() + "'");
            }
        }
        if (lines.size() > sections.size()) {
            problems.add("the pages list " + lines.size() + " sections; the workshop has " + sections.size());
        }
        assertNoProblems(problems, pages + " pages of /sections");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("workshops")
    void buttonsOfMessagesFromAnotherContentVersion_answerWithinDiscordLimits(Workshop workshop) {
        // GIVEN the buttons of every section, list, contents and quote message built from the other workshop
        Workshop other = workshops.stream()
                .filter(candidate -> candidate != workshop)
                .findFirst()
                .orElseThrow();
        ReplyCrawler old = new ReplyCrawler(other.registry(), limits(other));
        old.ask("plan", Map.of());
        old.ask("sections", Map.of());
        old.ask("reading-list", Map.of());
        old.ask("quote", Map.of());
        other.library()
                .sections()
                .forEach(section ->
                        old.ask("section", Map.of("name", other.library().handle(section))));
        other.library()
                .readingLists()
                .forEach(list ->
                        old.ask("reading-list", Map.of("list", other.library().handle(list))));
        List<ReplyCrawler.Button> stale = old.queued();
        List<ReplyCrawler.Choice> staleChoices = old.queuedChoices();

        // WHEN a member presses each of them, and picks each day of /plan's menu, after the content changed to this
        // workshop
        ReplyCrawler crawler = new ReplyCrawler(workshop.registry(), limits(workshop));
        stale.forEach(crawler::press);
        staleChoices.forEach(crawler::choose);

        // THEN each click answers, from the current content or saying it changed, within Discord's limits
        assertTrue(stale.size() > other.library().sections().size(), "buttons found: " + stale.size());
        assertTrue(!staleChoices.isEmpty(), "/plan offers a menu of days");
        assertEquals(
                stale.size() + staleChoices.size(),
                crawler.replies(),
                () -> "clicks that threw: " + crawler.problems());
        assertNoProblems(
                crawler.problems(),
                stale.size() + " clicks on buttons and " + staleChoices.size() + " choices in menus of the " + other
                        + " workshop");
    }

    // ---- what the crawl asks

    /**
     * Every command with no options, every option with every typed input and every choice it offers, and every
     * section, reading list, page and author of the workshop, and searches for some of its titles.
     */
    private static List<Map.Entry<String, Map<String, String>>> invocations(
            Workshop workshop, CommandRegistry registry, ReplyCrawler crawler) {
        Set<Map.Entry<String, Map<String, String>>> asks = new LinkedHashSet<>();
        Library library = workshop.library();
        List<String> queries = new ArrayList<>(TYPED);
        queries.addAll(QUERIES);
        for (SlashCommand command : registry.all()) {
            asks.add(Map.entry(command.name(), Map.of()));
            for (OptionData option : command.data().getOptions()) {
                if (option.getType() != OptionType.STRING) {
                    continue;
                }
                List<String> values = new ArrayList<>(option.isAutoComplete() ? TYPED : queries);
                if (option.isAutoComplete()) {
                    for (String typed : TYPED) {
                        crawler.complete(command.name(), option.getName(), typed).stream()
                                .map(Suggester.Entry::value)
                                .forEach(values::add);
                    }
                }
                for (String value : values) {
                    asks.add(Map.entry(command.name(), Map.of(option.getName(), typable(option, value))));
                }
            }
        }
        for (int n = 0; n < library.sections().size(); n += SEARCHED_TITLE_EVERY) {
            asks.add(Map.entry(
                    "search",
                    Map.of("query", typable(200, library.sections().get(n).title()))));
            asks.add(Map.entry(
                    "ask",
                    Map.of(
                            "question",
                            typable(
                                    300,
                                    "what does it say about "
                                            + library.sections().get(n).title()))));
            asks.add(Map.entry(
                    "ask",
                    Map.of("question", typable(300, library.sections().get(n).title()), "private", "true")));
        }
        for (Section section : library.sections()) {
            asks.add(Map.entry("section", Map.of("name", library.handle(section))));
            asks.add(Map.entry("section", Map.of("name", typable(100, section.key()))));
            asks.add(Map.entry("section", Map.of("name", typable(100, section.title()))));
        }
        for (ReadingList list : library.readingLists()) {
            asks.add(Map.entry("reading-list", Map.of("list", library.handle(list))));
        }
        for (Page page : library.pages()) {
            asks.add(Map.entry("sections", Map.of("page", typable(100, page.path()))));
        }
        for (Suggester.Entry author : workshop.snapshot().authors().entries()) {
            asks.add(Map.entry("quote", Map.of("author", author.value())));
        }
        workshop.snapshot().authors().entries().stream()
                .findFirst()
                .ifPresent(author ->
                        asks.add(Map.entry("quote", Map.of("author", author.value(), "search", "interview"))));
        return List.copyOf(asks);
    }

    private static List<OptionData> autocompleted(SlashCommand command) {
        return command.data().getOptions().stream()
                .filter(OptionData::isAutoComplete)
                .toList();
    }

    /** What Discord lets a member send: no more than the option's maximum length. */
    private static String typable(OptionData option, String value) {
        return typable(option.getMaxLength(), value);
    }

    private static String typable(int max, String value) {
        return value.length() <= max ? value : value.substring(0, max);
    }

    private static DiscordLimits limits(Workshop workshop) {
        List<String> typed = new ArrayList<>(TYPED);
        typed.addAll(QUERIES);
        return DiscordLimits.forWorkshop(workshop.directory(), typed);
    }

    // ---- reading replies

    private static Optional<ReplyCrawler.Button> button(JsonNode reply, String foundIn, String label) {
        return ReplyCrawler.buttons(reply, foundIn).stream()
                .filter(button -> button.enabled() && button.label().equals(label))
                .findFirst();
    }

    /**
     * The words of the section's blocks, as written (their spans), must appear in the pages in order (the pages
     * may add link targets and labels). A word may straddle two pages only when it is longer than an embed
     * description.
     */
    private static void compareWords(String handle, Section section, List<String> pages, List<String> problems) {
        List<String> pageWords = new ArrayList<>();
        List<Boolean> endsPage = new ArrayList<>();
        for (String page : pages) {
            List<String> words =
                    WORD.matcher(page).results().map(match -> match.group()).toList();
            for (int i = 0; i < words.size(); i++) {
                pageWords.add(words.get(i));
                endsPage.add(i == words.size() - 1);
            }
        }
        List<String> sectionWords = section.blocks().stream()
                .flatMap(block -> block.spans().stream())
                .flatMap(span -> WORD.matcher(span.text()).results().map(match -> match.group()))
                .toList();
        int at = 0;
        for (int w = 0; w < sectionWords.size(); w++) {
            String word = sectionWords.get(w);
            while (at < pageWords.size()
                    && !pageWords.get(at).equals(word)
                    && !straddles(word, at, pageWords, endsPage)) {
                at++;
            }
            if (at == pageWords.size()) {
                problems.add(handle + ": word " + (w + 1) + " of " + sectionWords.size() + " ('"
                        + DiscordLimits.abbreviate(word) + "', after '"
                        + String.join(" ", sectionWords.subList(Math.max(0, w - 6), w)) + "') is on none of the "
                        + pages.size()
                        + " full text pages");
                return;
            }
            if (!pageWords.get(at).equals(word)) {
                if (word.length() <= DiscordLimits.EMBED_DESCRIPTION) {
                    problems.add(handle + ": the word '" + DiscordLimits.abbreviate(word) + "' is split between two"
                            + " full text pages though it fits in one");
                }
                at++;
            }
            at++;
        }
    }

    private static boolean straddles(String word, int at, List<String> pageWords, List<Boolean> endsPage) {
        return endsPage.get(at) && at + 1 < pageWords.size() && word.equals(pageWords.get(at) + pageWords.get(at + 1));
    }

    /** A URL with the escapes that keep it inside a masked link undone. */
    private static String decoded(String url) {
        return url.replace("%20", " ").replace("%28", "(").replace("%29", ")");
    }

    private static String unescape(String markdown) {
        return markdown.replaceAll("\\\\([^\\p{L}\\p{N}])", "$1");
    }

    // ---- the stress workshop's own measures

    private static int longest(List<Block> blocks, Block.Kind kind) {
        return blocks.stream()
                .filter(block -> block.kind() == kind)
                .mapToInt(block -> block.plain().length())
                .max()
                .orElse(0);
    }

    private static long linksIn(Library library, ReadingList list) {
        return library.links().stream()
                .filter(link -> list.id().equals(link.list()))
                .count();
    }

    /** Which kinds of text hold a mention; every kind the stress workshop promises should. */
    private static Map<String, Boolean> mentionsIn(Library library) {
        Map<String, List<String>> texts = new LinkedHashMap<>();
        texts.put("page titles", library.pages().stream().map(Page::title).toList());
        texts.put(
                "section titles",
                library.sections().stream().map(Section::title).toList());
        texts.put("link texts", library.links().stream().map(Link::text).toList());
        texts.put(
                "attributions",
                library.quotes().stream()
                        .map(Quote::attribution)
                        .filter(who -> who != null)
                        .toList());
        texts.put(
                "reading list titles",
                library.readingLists().stream().map(ReadingList::title).toList());
        texts.put(
                "section text",
                library.sections().stream()
                        .flatMap(section -> section.blocks().stream())
                        .map(Block::plain)
                        .toList());
        Map<String, Boolean> found = new LinkedHashMap<>();
        texts.forEach((kind, all) -> found.put(
                kind,
                all.stream().anyMatch(text -> StressWorkshop.MENTIONS.stream().anyMatch(text::contains))));
        String everything = String.join("\n", texts.get("section text"));
        StressWorkshop.MENTIONS.forEach(mention -> found.put(mention + " in the text", everything.contains(mention)));
        return found;
    }

    private static void assertNoProblems(List<String> problems, String checked) {
        assertTrue(
                problems.isEmpty(),
                () -> problems.size() + " problems in " + checked + ":\n"
                        + problems.stream().limit(SHOWN_PROBLEMS).collect(Collectors.joining("\n"))
                        + (problems.size() > SHOWN_PROBLEMS
                                ? "\n… and " + (problems.size() - SHOWN_PROBLEMS) + " more"
                                : ""));
    }
}
