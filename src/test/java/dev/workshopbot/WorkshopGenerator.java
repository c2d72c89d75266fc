package dev.workshopbot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Writes a synthetic workshop shaped like the shipped pages: front matter, an H1, about ten H2 sections of
 * linked prose, attributed quotes, reading lists under a bold line, now and then a code block or a table.
 * The same {@code pages} and {@code seed} give the same bytes on every run and every JVM.
 */
public final class WorkshopGenerator {

    /** The seed the benchmarks and tests use unless they say otherwise. */
    public static final long SEED = 20240917L;

    private static final List<String> TOPICS = List.of(
            "AI Interviews",
            "Vibe Coding",
            "Vibe Engineering",
            "Code Review",
            "System Design",
            "Debugging",
            "Technical Interviews",
            "Junior Developers",
            "Test Strategy",
            "Pair Programming",
            "Prompting",
            "Coding Agents",
            "LeetCode",
            "Take-Home Projects",
            "Behavioral Questions",
            "Observability",
            "Incident Response",
            "Refactoring",
            "API Design",
            "Data Modeling",
            "Release Engineering",
            "Security Reviews",
            "Career Growth",
            "Mentoring",
            "Estimation",
            "Requirements",
            "Documentation",
            "Performance Work",
            "Legacy Code",
            "Open Source",
            "Hiring Loops",
            "Mock Interviews",
            "Whiteboarding",
            "Complexity Analysis",
            "Tradeoffs",
            "Feedback",
            "Onboarding",
            "Technical Debt",
            "Reliability",
            "Context Windows");

    private static final List<String> PAGE_TITLES = List.of(
            "Why %s?",
            "%s in Practice",
            "Notes on %s",
            "Getting Started with %s",
            "%s for Beginners",
            "Rethinking %s",
            "The Case for %s",
            "%s Without the Hype",
            "A Field Guide to %s",
            "%s Done Well",
            "Common Mistakes in %s",
            "%s and the Interview",
            "What %s Teaches Us",
            "%s Under Pressure",
            "Beyond %s",
            "Learning %s with AI",
            "%s, Step by Step",
            "The Hard Parts of %s",
            "%s in the Age of AI",
            "Questions About %s",
            "%s from First Principles",
            "Measuring %s",
            "%s at Work",
            "Teaching %s",
            "%s Revisited",
            "Living with %s");

    private static final List<String> SECTION_TITLES = List.of(
            "The Game Has Changed",
            "Why %s Still Matters",
            "%s vs. %s",
            "The Illusion of %s",
            "A Historical Perspective on %s",
            "The %s Question",
            "Should I Still Practice %s?",
            "What %s Looks Like Today",
            "Where %s Goes Wrong",
            "How to Get Better at %s",
            "%s in Conclusion",
            "Your Value Lies Beyond %s",
            "Some Teams Are Rethinking %s",
            "Why LLMs Can't Replace %s (Yet)",
            "A Short Checklist for %s",
            "Reading List: %s",
            "%s and Its Critics",
            "Lessons from %s",
            "When %s Breaks Down",
            "Making %s Visible");

    /** Most section titles qualify their topic, so headings mostly differ across pages, as in real workshops. */
    private static final List<String> QUALIFIERS = List.of(
            "Honest",
            "Everyday",
            "Remote",
            "Modern",
            "Pragmatic",
            "Deliberate",
            "Careful",
            "Fast",
            "Slow",
            "Shared",
            "Solo",
            "Team",
            "Early",
            "Late",
            "Real-World",
            "Small",
            "Large",
            "Messy",
            "Clean",
            "Automated",
            "Manual",
            "Open",
            "Quiet",
            "Visible",
            "Risky",
            "Safe",
            "Daily",
            "Weekly",
            "Hands-On",
            "Async",
            "Live",
            "Written",
            "Spoken",
            "Structured",
            "Informal",
            "Critical",
            "Practical",
            "Applied",
            "Incremental",
            "Reviewed");

    private static final List<String> SUBJECTS = List.of(
            "An AI assistant",
            "A good interviewer",
            "Every junior developer",
            "The hiring manager",
            "A coding agent",
            "Your code review habit",
            "Test-driven design",
            "The candidate",
            "A typical team",
            "A senior engineer",
            "The interview loop",
            "Vibe coding",
            "Vibe engineering",
            "A well-written prompt",
            "The on-call rotation",
            "Your mental model of the system",
            "A flaky test suite",
            "The design document",
            "Every production outage",
            "A language model",
            "Pair programming",
            "The take-home project",
            "The whiteboard round",
            "Careful debugging");

    private static final List<String> VERBS = List.of(
            "changes",
            "rewards",
            "exposes",
            "hides",
            "depends on",
            "amplifies",
            "undermines",
            "clarifies",
            "speeds up",
            "slows down",
            "replaces",
            "complements",
            "reveals",
            "tests",
            "hardly touches",
            "quietly shapes");

    private static final List<String> OBJECTS = List.of(
            "the way we debug production systems",
            "careful reasoning about edge cases",
            "the gap between prompting and engineering",
            "how quickly you ship a correct change",
            "the judgment that interviews try to measure",
            "an honest estimate of the work",
            "the habit of writing tests first",
            "the cost of a wrong abstraction",
            "what the customer actually asked for",
            "the quality of a code review",
            "your ability to explain tradeoffs out loud",
            "the time and space complexity of a solution",
            "the boring parts of software development",
            "a clear plan before the first line of code",
            "the skills that make an engineer valuable",
            "the difference between working code and proven code",
            "the feedback loop of a healthy team",
            "the mental models that complex systems need",
            "every interview question about algorithms",
            "the trust a team places in its tools");

    private static final List<String> TAILS = List.of(
            "",
            "",
            "",
            " in ways most people underestimate",
            " when the deadline is close",
            ", and that is the point",
            " more than any benchmark shows",
            " for better and for worse",
            " long before anyone notices",
            " in every interview I have run",
            " whether we like it or not",
            " once the novelty wears off");

    private static final List<String> SHORT_SENTENCES = List.of(
            "That is the job.",
            "It still matters.",
            "Nobody agrees on this yet.",
            "The complexity just moves.",
            "Build the foundation first.",
            "This pattern is older than AI.",
            "Read that again.",
            "The proof is where the skill lives.",
            "You still own the result.",
            "Things always break.",
            "Interviews are catching up slowly.",
            "Good engineering is mostly judgment.");

    private static final List<String> QUESTIONS = List.of(
            "What happens to %s when the code writes itself?",
            "Who is accountable for %s?",
            "Why do interviews still ignore %s?",
            "Can you explain %s to a colleague?",
            "How much of %s can a model really handle?");

    private static final List<String> HOSTS = List.of(
            "simonwillison.net",
            "martinfowler.com",
            "en.wikipedia.org/wiki",
            "github.blog",
            "www.techinterviewhandbook.org",
            "newsletter.pragmaticengineer.com/p",
            "humanwhocodes.com/blog",
            "stackoverflow.blog",
            "www.latent.space/p",
            "zed.dev/blog",
            "tidyfirst.substack.com/p",
            "www.reddit.com/r/programming/comments",
            "addyosmani.com/blog",
            "www.anthropic.com/research",
            "openai.com/index",
            "shiftmag.dev",
            "nmn.gl/blog",
            "www.canva.dev/blog",
            "www.wired.com/story",
            "caimito.net/blog");

    private static final List<String> FIRST_NAMES = List.of(
            "Ada", "Boris", "Chidi", "Dana", "Elif", "Farah", "Gustavo", "Hana", "Ivan", "Jun", "Kemi", "Lars", "Mira",
            "Nikhil", "Olu", "Priya", "Quinn", "Rosa", "Sven", "Tomasz", "Uma", "Viktor", "Wen", "Yara");

    private static final List<String> LAST_NAMES = List.of(
            "Okafor",
            "Lindqvist",
            "Moreau",
            "Tanaka",
            "Alvarez",
            "Petrov",
            "Nakamura",
            "Haddad",
            "Kowalski",
            "Mensah",
            "Oyelaran",
            "Fischer",
            "Santos",
            "Ibrahim",
            "Larsen",
            "Chen",
            "Dubois",
            "Rahman",
            "Costa",
            "Novak");

    private static final List<String> SPEECH_VERBS = List.of("puts it", "writes", "argues", "notes", "says");

    private static final List<String> LIST_INTROS = List.of(
            "The case that %s is worth the effort:",
            "The case that %s is overrated:", "Further reading on %s:", "Where to start with %s:", "Resources for %s:");

    private static final List<String> CODE_SAMPLES = List.of(
            "```python\ndef two_sum(nums, target):\n    seen = {}\n    for i, n in enumerate(nums):\n"
                    + "        if target - n in seen:\n            return seen[target - n], i\n        seen[n] = i\n```",
            "```java\nint binarySearch(int[] sorted, int key) {\n    int lo = 0, hi = sorted.length - 1;\n"
                    + "    while (lo <= hi) {\n        int mid = (lo + hi) >>> 1;\n"
                    + "        if (sorted[mid] < key) lo = mid + 1; else if (sorted[mid] > key) hi = mid - 1;"
                    + " else return mid;\n    }\n    return -1;\n}\n```",
            "```bash\ngit switch -c practice/interview\nnpm test -- --watch\n```",
            "```yaml\ninterview:\n  rounds: 3\n  ai_assistance: allowed\n  focus: [design, debugging, review]\n```");

    private WorkshopGenerator() {}

    /** {@code WorkshopGenerator <empty dir> [pages] [seed]}: writes a workshop there, 1,000 pages by default. */
    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 3) {
            System.err.println(
                    "usage: WorkshopGenerator <empty directory> [pages, default 1000] [seed, default " + SEED + "]");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        int pages = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : SEED;
        write(dir, pages, seed);
        System.out.println("wrote " + pages + " pages to " + dir.toAbsolutePath());
    }

    /**
     * Writes {@code pages} Markdown pages into {@code dir}, creating it if needed. The directory must hold no
     * files yet, so a stale page from an earlier, larger run can never skew a measurement.
     */
    public static void write(Path dir, int pages, long seed) throws IOException {
        if (pages < 1) {
            throw new IllegalArgumentException("pages must be at least 1, was " + pages);
        }
        Files.createDirectories(dir);
        try (Stream<Path> existing = Files.list(dir)) {
            if (existing.findAny().isPresent()) {
                throw new IllegalArgumentException(
                        "refusing to write into " + dir + ": it is not empty; give an empty or new directory");
            }
        }
        for (int number = 1; number <= pages; number++) {
            String title = pageTitle(number);
            String name = String.format(Locale.ROOT, "%04d-%s.md", number, slug(title));
            // One generator per page, so a page's text does not depend on how many pages come before it.
            Random random = new Random(seed * 1_000_003L + number);
            Files.writeString(dir.resolve(name), new Page(random).render(title, number), StandardCharsets.UTF_8);
        }
    }

    /** Unique for the first {@code TOPICS × PAGE_TITLES} pages (1,040); later cycles carry a part number. */
    static String pageTitle(int number) {
        int index = number - 1;
        String topic = TOPICS.get(index % TOPICS.size());
        int cycle = index / TOPICS.size();
        String title = PAGE_TITLES.get(cycle % PAGE_TITLES.size()).formatted(topic);
        int part = cycle / PAGE_TITLES.size();
        return part == 0 ? title : title + " (Part " + (part + 1) + ")";
    }

    private static String slug(String title) {
        return title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    /** The text of one page, drawn from one random stream. */
    private static final class Page {

        private final Random random;
        private final StringBuilder out = new StringBuilder(16 * 1024);

        Page(Random random) {
            this.random = random;
        }

        String render(String title, int navOrder) {
            out.append("---\ntitle: ")
                    .append(title)
                    .append("\nnav_order: ")
                    .append(navOrder)
                    .append("\n---\n\n");
            out.append("# ").append(title).append("\n\n");
            paragraph(2 + random.nextInt(3));
            if (random.nextInt(3) == 0) {
                String author = person();
                out.append("{: .blank-note }\n**Written by ")
                        .append(author)
                        .append(":** ")
                        .append(link("LinkedIn"))
                        .append(" • ")
                        .append(link("GitHub"))
                        .append(" • ")
                        .append(link("Website"))
                        .append("\n\n");
            }
            int sections = 8 + random.nextInt(5);
            for (int i = 0; i < sections; i++) {
                section();
            }
            return out.toString();
        }

        private void section() {
            out.append("## ").append(sectionTitle()).append("\n\n");
            int paragraphs = 2 + random.nextInt(3);
            for (int i = 0; i < paragraphs; i++) {
                paragraph(3 + random.nextInt(5));
            }
            int roll = random.nextInt(100);
            if (roll < 25) {
                closingAttributionQuote();
            } else if (roll < 45) {
                introducedQuote();
            }
            if (random.nextInt(100) < 30) {
                readingList();
            } else if (random.nextInt(100) < 15) {
                plainList();
            }
            if (random.nextInt(100) < 10) {
                out.append(pick(CODE_SAMPLES)).append("\n\n");
            }
            if (random.nextInt(100) < 8) {
                table();
            }
            if (random.nextInt(100) < 40) {
                paragraph(1 + random.nextInt(3));
            }
        }

        private String sectionTitle() {
            String template = pick(SECTION_TITLES);
            int slots = template.split("%s", -1).length - 1;
            Object[] topics = new Object[slots];
            for (int i = 0; i < slots; i++) {
                topics[i] = random.nextInt(100) < 85 ? pick(QUALIFIERS) + " " + pick(TOPICS) : pick(TOPICS);
            }
            return template.formatted(topics);
        }

        private void paragraph(int sentences) {
            for (int i = 0; i < sentences; i++) {
                if (i > 0) {
                    out.append(' ');
                }
                out.append(sentence());
            }
            out.append("\n\n");
        }

        private String sentence() {
            int roll = random.nextInt(100);
            if (roll < 10) {
                return pick(SHORT_SENTENCES);
            }
            if (roll < 18) {
                return pick(QUESTIONS).formatted(pick(OBJECTS));
            }
            String object = pick(OBJECTS);
            if (roll < 40) {
                object = link(object);
            } else if (roll < 46) {
                object = "_" + object + "_";
            } else if (roll < 50) {
                object = "**" + object + "**";
            }
            String sentence = pick(SUBJECTS) + " " + pick(VERBS) + " " + object + pick(TAILS) + ".";
            if (random.nextInt(100) < 12) {
                sentence += " As " + link(person()) + " showed, "
                        + pick(SUBJECTS).toLowerCase(Locale.ROOT) + " " + pick(VERBS) + " " + pick(OBJECTS) + ".";
            }
            return sentence;
        }

        private void closingAttributionQuote() {
            quoteBody();
            out.append(">\n> — ").append(link(person())).append("\n\n");
        }

        private void introducedQuote() {
            out.append("As ").append(link(person() + " " + pick(SPEECH_VERBS))).append(":\n\n");
            quoteBody();
            out.append('\n');
        }

        private void quoteBody() {
            StringBuilder body = new StringBuilder();
            int sentences = 2 + random.nextInt(3);
            for (int i = 0; i < sentences; i++) {
                body.append(i == 0 ? "" : " ")
                        .append(pick(SUBJECTS))
                        .append(' ')
                        .append(pick(VERBS))
                        .append(' ')
                        .append(pick(OBJECTS))
                        .append(pick(TAILS))
                        .append('.');
            }
            out.append("> ").append(body).append('\n');
        }

        private void readingList() {
            out.append("**")
                    .append(pick(LIST_INTROS).formatted(pick(TOPICS).toLowerCase(Locale.ROOT)))
                    .append("**\n\n");
            int items = 3 + random.nextInt(6);
            for (int i = 0; i < items; i++) {
                String text = person() + " - " + capitalise(pick(OBJECTS));
                out.append("* ").append(link(text));
                if (random.nextInt(3) == 0) {
                    out.append(' ').append(pick(SHORT_SENTENCES));
                }
                out.append('\n');
            }
            out.append('\n');
        }

        private void plainList() {
            int items = 4 + random.nextInt(8);
            for (int i = 0; i < items; i++) {
                out.append("* ")
                        .append(capitalise(pick(OBJECTS)))
                        .append(pick(TAILS))
                        .append('\n');
            }
            out.append('\n');
        }

        private void table() {
            out.append("| Round | What it tests | AI allowed |\n|---|---|---|\n");
            int rows = 3 + random.nextInt(3);
            for (int i = 0; i < rows; i++) {
                out.append("| ")
                        .append(pick(TOPICS))
                        .append(" | ")
                        .append(capitalise(pick(OBJECTS)))
                        .append(" | ")
                        .append(random.nextBoolean() ? "Yes" : "No")
                        .append(" |\n");
            }
            out.append('\n');
        }

        private String link(String text) {
            return "[" + text + "](" + url() + ")";
        }

        private String url() {
            StringBuilder path =
                    new StringBuilder("https://").append(pick(HOSTS)).append('/');
            if (random.nextBoolean()) {
                path.append(2018 + random.nextInt(8))
                        .append('/')
                        .append(1 + random.nextInt(12))
                        .append('/');
            }
            int words = 2 + random.nextInt(4);
            for (int i = 0; i < words; i++) {
                path.append(i == 0 ? "" : "-").append(slug(pick(TOPICS)));
            }
            return path.append('-').append(random.nextInt(10_000)).toString();
        }

        private String person() {
            return pick(FIRST_NAMES) + " " + pick(LAST_NAMES);
        }

        private String pick(List<String> options) {
            return options.get(random.nextInt(options.size()));
        }

        private static String capitalise(String text) {
            return Character.toUpperCase(text.charAt(0)) + text.substring(1);
        }
    }
}
