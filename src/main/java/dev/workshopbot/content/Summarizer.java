package dev.workshopbot.content;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishMinimalStemmer;

/**
 * Extractive summaries of at most {@value #MAX} characters, deterministic, in whole sentences: the sentences most
 * central to the section by TextRank (a PageRank over sentence similarity, with a prior for the section's opening),
 * in document order. A list reads as its lead-in and its items; a section of only a table, code, images or hints
 * says what it holds; a heading without text of its own summarises its sub-sections. No code, URL, image text or
 * hint text ever reaches a summary, and a summary never ends in a lead-in's colon.
 */
public final class Summarizer {

    public static final int MAX = 300;

    private static final Pattern SENTENCE_END = Pattern.compile("[.!?…][\"'”’)\\]]*\\s*$");
    private static final Pattern URL = Pattern.compile("(?i)\\b(https?://|www\\.)\\S+");
    private static final Pattern ITEM = Pattern.compile("^(?:\\d+\\. |• )(.*)$");
    private static final double DAMPING = 0.85;
    private static final int ITERATIONS = 20;
    /** Sentences compared: enough for any section a summary describes, few enough that TextRank stays cheap. */
    private static final int MAX_CANDIDATES = 24;
    /**
     * Text read for candidates: four summaries' worth. What a section says first it says most, and the prior below
     * ranks later sentences lower anyway; reading all of a long section would only cost time.
     */
    private static final int MAX_READ = 4 * MAX;

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final CharArraySet STOP_WORDS = EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;
    private static final EnglishMinimalStemmer STEMMER = new EnglishMinimalStemmer();

    private Summarizer() {}

    /** A section's summary from its blocks, or from its sub-sections' blocks when it has no text of its own. */
    static String section(String title, List<Block> own, Supplier<List<Block>> subsections) {
        String summary = ofProse(title, own);
        if (summary.isEmpty()) {
            summary = ofProse(title, subsections.get());
        }
        if (summary.isEmpty()) {
            summary = whatItHolds(own.isEmpty() ? subsections.get() : own);
        }
        return summary.isEmpty() ? "This heading has no text of its own." : summary;
    }

    /** The most central sentences of the prose blocks, or "" when there is no prose. */
    private static String ofProse(String title, List<Block> blocks) {
        List<String> candidates = candidates(title, blocks, false);
        if (candidates.isEmpty()) {
            candidates = candidates(title, blocks, true);
        }
        if (candidates.isEmpty()) {
            // Prose without a whole sentence ("Coming soon"): its first text, unless it only leads into something.
            return blocks.stream()
                    .filter(block -> block.kind() == Block.Kind.PARAGRAPH || block.kind() == Block.Kind.QUOTE)
                    .map(block -> clean(block.plain()))
                    .filter(text -> !text.isBlank() && !isLeadIn(text))
                    .findFirst()
                    .map(text -> cutAtWord(text, MAX))
                    .orElse("");
        }
        List<Integer> chosen = choose(candidates);
        StringBuilder out = new StringBuilder();
        for (int index : chosen) {
            out.append(out.length() == 0 ? "" : " ").append(candidates.get(index));
        }
        return out.length() == 0 ? cutAtWord(candidates.get(0), MAX) : out.toString();
    }

    /**
     * The section's sentences in order: each paragraph's and quote's whole sentences without URLs, and a list as one
     * sentence made of its lead-in (the paragraph ending in a colon just above it, else the title) and its items. A
     * lead-in followed by anything else ("Example 1:" above a code block) is no sentence. A list of links is only
     * read with {@code linkLists}, for a section that has nothing else: link titles say little about a section.
     */
    static List<String> candidates(String title, List<Block> blocks, boolean linkLists) {
        List<String> out = new ArrayList<>();
        int read = 0;
        for (int i = 0; i < blocks.size() && out.size() < MAX_CANDIDATES && read < MAX_READ; i++) {
            Block block = blocks.get(i);
            Block next = i + 1 < blocks.size() ? blocks.get(i + 1) : null;
            if (block.kind() == Block.Kind.LIST) {
                if (isLinkList(block) && !linkLists) {
                    continue;
                }
                Block before = i > 0 ? blocks.get(i - 1) : null;
                String leadIn = before != null && before.kind() == Block.Kind.PARAGRAPH && isLeadIn(before.plain())
                        ? lastSentence(before.plain())
                        : title.strip() + ":";
                String list = listSentence(leadIn, block.plain());
                if (!list.isEmpty()) {
                    out.add(list);
                }
                continue;
            }
            if (block.kind() != Block.Kind.PARAGRAPH && block.kind() != Block.Kind.QUOTE) {
                continue;
            }
            String text = block.kind() == Block.Kind.QUOTE ? quoteText(block) : block.plain();
            read += text.length();
            boolean introducesList = next != null && next.kind() == Block.Kind.LIST && isLeadIn(text);
            List<String> sentences = sentences(text.strip().replaceAll("\\s+", " "));
            for (int s = 0; s < sentences.size(); s++) {
                String sentence = sentences.get(s).strip();
                boolean last = s == sentences.size() - 1;
                if (last && introducesList) {
                    continue;
                }
                if (SENTENCE_END.matcher(sentence).find()
                        && sentence.length() >= 12
                        && !URL.matcher(sentence).find()) {
                    out.add(sentence);
                }
            }
        }
        return out;
    }

    /** The indexes of the sentences to keep, in document order, within {@value #MAX} characters. */
    private static List<Integer> choose(List<String> candidates) {
        int total = candidates.stream().mapToInt(s -> s.length() + 1).sum();
        List<Integer> order = new ArrayList<>();
        if (total - 1 <= MAX) {
            for (int i = 0; i < candidates.size(); i++) {
                order.add(i);
            }
            return order;
        }
        double[] rank = textRank(candidates);
        List<Integer> byRank = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            byRank.add(i);
        }
        byRank.sort((a, b) -> rank[a] != rank[b] ? Double.compare(rank[b], rank[a]) : Integer.compare(a, b));
        int used = 0;
        for (int index : byRank) {
            int length = candidates.get(index).length() + (order.isEmpty() ? 0 : 1);
            if (used + length <= MAX) {
                order.add(index);
                used += length;
            }
        }
        order.sort(Integer::compare);
        return order;
    }

    /**
     * TextRank scores: sentences are nodes, edges weigh the stemmed content words two sentences share over the log
     * of their lengths, and the random jump favours the opening sentences, which in a workshop state the point.
     */
    private static double[] textRank(List<String> sentences) {
        int n = sentences.size();
        List<Set<String>> words = sentences.stream().map(Summarizer::terms).toList();
        double[][] weight = new double[n][n];
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double similarity = similarity(words.get(i), words.get(j));
                weight[i][j] = similarity;
                weight[j][i] = similarity;
                out[i] += similarity;
                out[j] += similarity;
            }
        }
        double[] prior = new double[n];
        double priorSum = 0;
        for (int i = 0; i < n; i++) {
            prior[i] = 1.0 / (i + 1);
            priorSum += prior[i];
        }
        double[] rank = new double[n];
        for (int i = 0; i < n; i++) {
            prior[i] /= priorSum;
            rank[i] = prior[i];
        }
        double[][] transition = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                transition[i][j] = out[j] > 0 ? DAMPING * weight[j][i] / out[j] : 0;
            }
        }
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            double[] next = new double[n];
            for (int i = 0; i < n; i++) {
                double sum = (1 - DAMPING) * prior[i];
                double[] row = transition[i];
                for (int j = 0; j < n; j++) {
                    sum += row[j] * rank[j];
                }
                next[i] = sum;
            }
            rank = next;
        }
        return rank;
    }

    private static double similarity(Set<String> a, Set<String> b) {
        if (a.size() < 2 || b.size() < 2) {
            return 0;
        }
        Set<String> small = a.size() <= b.size() ? a : b;
        Set<String> large = small == a ? b : a;
        int shared = 0;
        for (String word : small) {
            if (large.contains(word)) {
                shared++;
            }
        }
        return shared / (Math.log(a.size()) + Math.log(b.size()));
    }

    /**
     * A sentence's content words: lower-cased, without English stop words, plurals folded (Lucene's stop set and
     * minimal English stemmer; the full analysis chain cost a third of an index build for no better ranking).
     */
    static Set<String> terms(String sentence) {
        Set<String> terms = new HashSet<>();
        Matcher word = WORD.matcher(sentence);
        while (word.find()) {
            String lower = word.group().toLowerCase(Locale.ROOT);
            if (lower.length() < 2 || STOP_WORDS.contains(lower)) {
                continue;
            }
            char[] chars = lower.toCharArray();
            terms.add(new String(chars, 0, STEMMER.stem(chars, chars.length)));
        }
        return terms;
    }

    /** A list as one sentence: "Every problem follows three steps: Plan, Prove, Explain." */
    private static String listSentence(String leadIn, String list) {
        List<String> items = new ArrayList<>();
        for (String line : list.split("\n")) {
            Matcher item = ITEM.matcher(line);
            if (item.matches()) {
                String text = firstSentence(clean(item.group(1))).replaceAll("[\\s.;,:!?…]+$", "");
                if (!text.isBlank()) {
                    items.add(text);
                }
            }
        }
        if (items.isEmpty()) {
            return "";
        }
        String head = leadIn.strip();
        StringBuilder sentence = new StringBuilder(head).append(' ');
        int shown = 0;
        for (String item : items) {
            String piece = (shown == 0 ? "" : ", ") + item;
            if (sentence.length() + piece.length() + 8 > MAX && shown > 0) {
                break;
            }
            sentence.append(piece);
            shown++;
        }
        if (shown < items.size()) {
            sentence.append(" and ").append(items.size() - shown).append(" more");
        }
        return cutAtWord(sentence.append('.').toString(), MAX);
    }

    /** What a section without prose holds: "A table of Approach, Time and Space (3 rows).", "Code in Python." */
    private static String whatItHolds(List<Block> blocks) {
        List<String> parts = new ArrayList<>();
        for (Block block : blocks) {
            String part = switch (block.kind()) {
                case TABLE -> table(block);
                case CODE -> block.language().isEmpty() ? "Code." : "Code in " + block.language() + ".";
                case IMAGE -> "An image.";
                case HINT -> "A hint, shown on request: " + block.plain().strip() + ".";
                default -> "";
            };
            if (!part.isEmpty() && !parts.contains(part)) {
                parts.add(part);
            }
        }
        return cutAtWord(String.join(" ", parts), MAX);
    }

    private static String table(Block table) {
        List<Block> rows = table.children();
        if (rows.isEmpty()) {
            return "A table.";
        }
        List<String> columns = rows.get(0).children().stream()
                .map(cell -> cell.plain().strip())
                .filter(text -> !text.isEmpty())
                .toList();
        int body = (int) rows.stream()
                .filter(row -> !row.attributes().contains("header"))
                .count();
        String of = columns.isEmpty()
                ? ""
                : " of "
                        + (columns.size() == 1
                                ? columns.get(0)
                                : String.join(", ", columns.subList(0, columns.size() - 1)) + " and "
                                        + columns.get(columns.size() - 1));
        return "A table" + of + " (" + body + (body == 1 ? " row)." : " rows).");
    }

    /** Whether a list is mostly link titles: at least a link per item, and links are most of its text. */
    private static boolean isLinkList(Block list) {
        long items = list.plain()
                .lines()
                .filter(line -> ITEM.matcher(line).matches())
                .count();
        int linked = 0;
        int links = 0;
        for (Span span : list.spans()) {
            if (span.url() != null) {
                links++;
                linked += span.text().length();
            }
        }
        return links >= items && linked * 2 >= list.plain().length() - 3 * items;
    }

    private static boolean isLeadIn(String text) {
        return text.strip().endsWith(":");
    }

    private static String lastSentence(String text) {
        List<String> sentences = sentences(clean(text));
        return sentences.isEmpty()
                ? text.strip()
                : sentences.get(sentences.size() - 1).strip();
    }

    private static String firstSentence(String text) {
        List<String> sentences = sentences(text);
        return sentences.isEmpty() ? text : sentences.get(0).strip();
    }

    /** The quote's text without its attribution line, which is not a sentence of the section. */
    private static String quoteText(Block quote) {
        String text = quote.plain();
        int attribution = text.lastIndexOf("\n— ");
        return attribution < 0 ? text : text.substring(0, attribution);
    }

    private static String clean(String text) {
        String clean = hasUrl(text) ? URL.matcher(text).replaceAll("") : text;
        return clean.strip().replaceAll("\\s+", " ");
    }

    private static boolean hasUrl(String text) {
        return (text.contains("http") || text.contains("www."))
                && URL.matcher(text).find();
    }

    /** Sentences with their trailing blank, in order. */
    public static List<String> sentences(String text) {
        BreakIterator it = BreakIterator.getSentenceInstance(Locale.ENGLISH);
        it.setText(text);
        List<String> out = new ArrayList<>();
        int start = it.first();
        for (int end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
            out.add(text.substring(start, end));
        }
        return out;
    }

    /** The longest prefix of whole words that fits in {@code max} with an ellipsis. */
    public static String cutAtWord(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int cut = text.lastIndexOf(' ', max - 1);
        if (cut <= 0) {
            cut = Character.isHighSurrogate(text.charAt(max - 2)) ? max - 2 : max - 1;
        }
        return text.substring(0, cut).stripTrailing() + "…";
    }
}
