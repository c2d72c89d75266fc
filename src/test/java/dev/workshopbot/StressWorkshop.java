package dev.workshopbot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a workshop made to break Discord's limits: sections of tens of thousands of characters, a 6,000-character
 * word, reading lists of hundreds of links, quotes of thousands of characters, headings of emoji or punctuation only,
 * 300-character headings, mentions and Markdown characters everywhere, code and tables longer than a page, and
 * {@value #PAGES} pages. Deterministic: every run writes the same bytes.
 */
final class StressWorkshop {

    static final String SITE = "https://stress.example.org/workshop";
    static final int PAGES = 60;
    static final int GIANT_LIST_ITEMS = 320;
    static final int GIANT_LIST_URLS = 260;
    static final int LONG_WORD_CHARS = 6_000;

    /** Everything that would ping if Discord parsed it. */
    static final List<String> MENTIONS = List.of("@everyone", "@here", "<@&123456789012345678>", "<@123>");
    /** Characters that change Discord's rendering. */
    static final String MARKDOWN = "*_~|>#[]()";
    /** The same characters backslash-escaped, so they reach a Markdown page's text literally. */
    static final String ESCAPED_MARKDOWN = "\\*\\_\\~\\|\\>\\#\\[\\]\\(\\)";

    private static final List<String> VOCABULARY = List.of(
            "interview",
            "engineer",
            "prompt",
            "review",
            "design",
            "system",
            "agent",
            "context",
            "test",
            "deploy",
            "debug",
            "verify",
            "candidate",
            "question",
            "answer",
            "model",
            "latency",
            "cache",
            "budget",
            "trade-off",
            "rubric",
            "pairing",
            "whiteboard",
            "incident",
            "rollback",
            "schema",
            "queue",
            "index",
            "shard",
            "replica",
            "monitor",
            "alert",
            "owner",
            "ticket");

    private StressWorkshop() {}

    /** Writes the workshop's pages into {@code directory} and returns it. */
    static Path write(Path directory) throws IOException {
        Files.createDirectories(directory);
        page(
                directory,
                "long-prose.md",
                frontMatter(
                        "Long prose @everyone *and* _friends_",
                        1,
                        "summaries:\n  no-sentence-ends-here: '" + paragraph(650, 30) + "'"),
                longProse());
        page(
                directory,
                "reading-lists.md",
                frontMatter("Reading lists <@&123456789012345678> | [all] (of them)", 2, null),
                readingLists());
        page(directory, "quotes.md", frontMatter("Quotes ~~and~~ attributions @here", 3, null), quotes());
        // Anchors of 300-character headings under this route come just under the 512 a link button takes.
        page(
                directory,
                "headings.md",
                frontMatter("Headings # > ` of every kind <@123>", 4, "permalink: /" + "headings-route/".repeat(11)),
                headings());
        // Every URL of this page is past 512: its sections can have no link button.
        page(
                directory,
                "permalink.md",
                frontMatter(
                        "A page with a very long permalink",
                        5,
                        "permalink: /" + "deeply-nested-route/".repeat(28) + "end/"),
                ordinaryBody(5));
        page(
                directory,
                "a-file-name-so-long-that-no-autocomplete-value-can-hold-its-path-"
                        + "and-every-key-from-it-needs-a-hash.md",
                frontMatter(words(40, 77) + " " + MENTIONS.get(0), 6, null),
                ordinaryBody(6));
        for (int n = 7; n <= PAGES; n++) {
            String title = n % 9 == 0
                    ? "Page " + n + " " + MENTIONS.get(n % 4) + " " + MARKDOWN
                    : "Page " + n + ": " + capitalised(words(3, n));
            page(directory, String.format("page-%02d.md", n), frontMatter(title, n, null), ordinaryBody(n));
        }
        return directory;
    }

    private static void page(Path directory, String name, String frontMatter, String body) throws IOException {
        Files.writeString(directory.resolve(name), frontMatter + body, StandardCharsets.UTF_8);
    }

    private static String frontMatter(String title, int navOrder, String moreYaml) {
        return "---\ntitle: '" + title.replace("'", "''") + "'\nnav_order: " + navOrder + "\n"
                + (moreYaml == null ? "" : moreYaml + "\n") + "---\n\n";
    }

    // ---- the pages

    private static String longProse() {
        StringBuilder out =
                new StringBuilder("# Long prose\n\n").append(paragraph(1, 4)).append("\n\n");
        out.append("## The endless section ").append(MENTIONS.get(3)).append("\n\n");
        for (int p = 0; p < 40; p++) {
            out.append(paragraph(100 + p, 12)).append("\n\n");
            if (p % 10 == 3) {
                out.append(noSentenceBoundaries(200 + p, 700)).append("\n\n");
            }
            if (p % 10 == 7) {
                out.append("{: .note }\n").append(paragraph(300 + p, 3)).append("\n\n");
            }
            if (p == 20) {
                out.append(longWord()).append("\n\n");
            }
        }
        out.append(list(400, 30)).append("\n\n");
        out.append("## Code longer than a page\n\nThe block below is longer than any embed.\n\n~~~java\n");
        for (int line = 0; line < 260; line++) {
            out.append(line % 50 == 25 ? "```" : "    call(\"" + words(4, line) + "\"); // " + MENTIONS.get(line % 4))
                    .append('\n');
        }
        out.append("~~~\n\n").append(paragraph(500, 2)).append("\n\n");
        out.append("## A table taller than a page\n\n| Term | Meaning | Who |\n|---|---|---|\n");
        for (int row = 0; row < 140; row++) {
            out.append("| ")
                    .append(words(2, row))
                    .append(" | ")
                    .append(words(6, row + 3))
                    .append(" \\| ")
                    .append(ESCAPED_MARKDOWN)
                    .append(" | ")
                    .append(MENTIONS.get(row % 4))
                    .append(" |\n");
        }
        out.append("\n## One word\n\n")
                .append(longWord())
                .append("\n\n")
                .append(paragraph(600, 2))
                .append("\n\n");
        out.append("## No sentence ends here\n\n")
                .append(noSentenceBoundaries(700, 900))
                .append("\n");
        return out.toString();
    }

    private static String readingLists() {
        StringBuilder out = new StringBuilder("## Everything to read\n\n");
        out.append("**")
                .append(MENTIONS.get(0))
                .append(" The giant reading list ")
                .append(ESCAPED_MARKDOWN)
                .append(":**\n\n");
        for (int i = 0; i < GIANT_LIST_ITEMS; i++) {
            String text = i % 7 == 0 ? linkText300(i) : capitalised(words(3, i)) + " " + MENTIONS.get(i % 4);
            out.append("* [")
                    .append(text)
                    .append("](")
                    .append(url(i % GIANT_LIST_URLS))
                    .append(")\n");
        }
        out.append("\n## A list with a title longer than anything\n\n**")
                .append(words(55, 900))
                .append(" ")
                .append(MENTIONS.get(1))
                .append("**\n\n");
        for (int i = 0; i < 40; i++) {
            out.append("* [")
                    .append(linkText300(i + 1000))
                    .append("](")
                    .append(url(1000 + i))
                    .append(")\n");
        }
        for (int n = 0; n < 30; n++) {
            out.append("\n## Small list ")
                    .append(n)
                    .append(' ')
                    .append(MENTIONS.get(n % 4))
                    .append("\n\n")
                    .append("These links go further into ")
                    .append(words(3, n))
                    .append(" ")
                    .append(MENTIONS.get((n + 1) % 4))
                    .append(":\n\n");
            for (int i = 0; i < 4; i++) {
                out.append("* [")
                        .append(capitalised(words(4, n * 10 + i)))
                        .append(" ")
                        .append(ESCAPED_MARKDOWN)
                        .append("](")
                        .append(url(2000 + n * 10 + i))
                        .append(")\n");
            }
        }
        return out.toString();
    }

    private static String quotes() {
        StringBuilder out = new StringBuilder("## Long quotes\n\n")
                .append(paragraph(800, 2))
                .append("\n\n");
        for (int q = 0; q < 20; q++) {
            out.append("## Quote ")
                    .append(q)
                    .append(' ')
                    .append(MENTIONS.get(q % 4))
                    .append("\n\n");
            String who = switch (q % 4) {
                case 0 ->
                    "— [" + words(45, q) + " " + MENTIONS.get(0) + " " + ESCAPED_MARKDOWN + " " + q + "]("
                            + url(3000 + q) + ")";
                // A tracking link longer than a whole embed field.
                case 1 ->
                    "— [Speaker " + q + " " + MENTIONS.get(2) + "](" + url(3000 + q) + "?"
                            + "utm_campaign=stress&ref=".repeat(45) + ")";
                case 2 -> "— Speaker " + q + " *unlinked* " + MENTIONS.get(3);
                default -> null;
            };
            int sentences = 15 + 10 * (q % 5);
            for (String line : paragraph(900 + q, sentences).split("(?<=\\. )")) {
                out.append("> ").append(line.strip()).append("\n");
            }
            if (q % 5 == 4) {
                out.append(">\n> * ")
                        .append(words(10, q))
                        .append("\n> * ")
                        .append(MENTIONS.get(1))
                        .append('\n');
            }
            if (who != null) {
                out.append(">\n> ").append(who).append('\n');
            }
            out.append('\n').append(paragraph(950 + q, 1)).append("\n\n");
        }
        return out.toString();
    }

    private static String headings() {
        StringBuilder out = new StringBuilder();
        List<String> headings = List.of(
                "🎉🔥✨🚀",
                "!!! ??? ... —",
                "…",
                ESCAPED_MARKDOWN,
                "💬",
                "@everyone",
                "<@&123456789012345678> and <@123> @here",
                "Repeat",
                "Repeat",
                "Repeat");
        int n = 0;
        for (String heading : headings) {
            out.append("## ")
                    .append(heading)
                    .append("\n\n")
                    .append(paragraph(1100 + n++, 3))
                    .append("\n\n");
        }
        // Five of these found by one long query: long names, snippets of escaped stars and long "Open" links, which
        // together pass an embed's 6000 characters unless each hit is held to its share.
        for (int i = 0; i < 6; i++) {
            out.append("## Stress heading ")
                    .append(words(34, 1200 + i))
                    .append(' ')
                    .append(MENTIONS.get(i % 4))
                    .append(' ')
                    .append(ESCAPED_MARKDOWN)
                    .append("\n\n")
                    .append(paragraph(1300 + i, 4))
                    .append(" Stress heading ")
                    .append("\\*".repeat(205))
                    .append(' ')
                    .append(words(12, i))
                    .append("\n\n");
            out.append("### ")
                    .append(words(40, 1400 + i))
                    .append("\n\n")
                    .append(paragraph(1500 + i, 2))
                    .append("\n\n");
        }
        return out.toString();
    }

    private static String ordinaryBody(int n) {
        StringBuilder out = new StringBuilder("## Overview\n\n")
                .append(paragraph(n * 100, 3))
                .append("\n\n");
        for (int part = 1; part <= 4; part++) {
            out.append("## Part ").append(n).append('.').append(part);
            if ((n + part) % 6 == 0) {
                out.append(' ').append(MENTIONS.get(part % 4)).append(' ').append(ESCAPED_MARKDOWN);
            }
            out.append("\n\n").append(paragraph(n * 100 + part, 6)).append("\n\n");
            if (part == 2) {
                out.append("### Detail ")
                        .append(n)
                        .append("\n\n")
                        .append(paragraph(n * 100 + 50, 4))
                        .append("\n\n");
            }
            if (part == 3) {
                out.append("Read more about ").append(words(2, n)).append(" in these sources:\n\n");
                for (int i = 0; i < 3 + n % 4; i++) {
                    out.append("* [")
                            .append(capitalised(words(3, n + i)))
                            .append(" ")
                            .append(MENTIONS.get(i % 4))
                            .append("](")
                            .append(url(5000 + n * 10 + i))
                            .append(")\n");
                }
                out.append('\n');
            }
            if (part == 4 && n % 3 == 0) {
                out.append("> ")
                        .append(paragraph(n * 100 + 70, 3))
                        .append("\n>\n> — Page author ")
                        .append(n)
                        .append("\n\n");
            }
        }
        return out.toString();
    }

    // ---- text

    /** {@code sentences} sentences, with mentions, escaped Markdown, emphasis and links mixed in. */
    static String paragraph(int seed, int sentences) {
        StringBuilder out = new StringBuilder();
        for (int s = 0; s < sentences; s++) {
            int k = seed * 31 + s;
            String sentence = capitalised(words(8 + k % 11, k));
            switch (k % 6) {
                case 0 -> sentence += " " + MENTIONS.get(k % 4);
                case 1 -> sentence += " *emphasis* _and_ ~~strike~~ " + ESCAPED_MARKDOWN;
                case 2 -> sentence += " [see " + words(2, k) + " " + MENTIONS.get((k + 1) % 4) + "](" + url(k) + ")";
                default -> {}
            }
            out.append(s == 0 ? "" : " ").append(sentence).append('.');
        }
        return out.toString();
    }

    /** About {@code words} words with no sentence end anywhere: a cut must fall back to a blank. */
    private static String noSentenceBoundaries(int seed, int count) {
        StringBuilder out = new StringBuilder(words(count, seed));
        for (int at = 500; at < out.length(); at += 1_500) {
            int blank = out.indexOf(" ", at);
            if (blank > 0) {
                out.insert(blank, " " + MENTIONS.get(at % 4) + " " + ESCAPED_MARKDOWN);
            }
        }
        return out.toString();
    }

    /** One word of {@value #LONG_WORD_CHARS} letters. */
    static String longWord() {
        String stem = "Pneumonoultramicroscopicsilicovolcanoconiosis";
        return stem.repeat(LONG_WORD_CHARS / stem.length() + 1).substring(0, LONG_WORD_CHARS);
    }

    private static String linkText300(int seed) {
        String text = MENTIONS.get(seed % 4) + " " + ESCAPED_MARKDOWN + " " + words(60, seed);
        return text.substring(0, text.lastIndexOf(' ', 300));
    }

    private static String list(int seed, int items) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < items; i++) {
            out.append(i == 0 ? "" : "\n").append("* ").append(capitalised(words(6 + i % 5, seed + i)));
            if (i % 4 == 0) {
                out.append(' ').append(MENTIONS.get(i % 4)).append(' ').append(ESCAPED_MARKDOWN);
            }
        }
        return out.toString();
    }

    static String words(int count, int seed) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            int at = Math.floorMod(seed * 7 + i * 13 + i * i, VOCABULARY.size());
            out.append(i == 0 ? "" : " ").append(VOCABULARY.get(at));
        }
        return out.toString();
    }

    private static String url(int n) {
        return "https://example.com/articles/" + n + "/" + words(2, n).replace(' ', '-');
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
