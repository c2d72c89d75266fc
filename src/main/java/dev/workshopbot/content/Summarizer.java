package dev.workshopbot.content;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
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

    private static final Pattern URL = Pattern.compile("(?i)\\b(https?://|www\\.)\\S+");
    private static final Pattern ITEM = Pattern.compile("^(?:\\d+\\. |• )(.*)$");
    private static final double DAMPING = 0.85;
    private static final int ITERATIONS = 20;
    /** Sentences compared: enough for any section a summary describes, few enough that TextRank stays cheap. */
    private static final int MAX_CANDIDATES = 12;
    /**
     * Text read for candidates: three summaries' worth. What a section says first it says most, and the prior below
     * ranks later sentences lower anyway; reading all of a long section would only cost time.
     */
    private static final int MAX_READ = 3 * MAX;

    /** A sentence iterator per thread: making one costs more than splitting a paragraph with it. */
    private static final ThreadLocal<BreakIterator> SENTENCES =
            ThreadLocal.withInitial(() -> BreakIterator.getSentenceInstance(Locale.ENGLISH));

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
                    .filter(block -> !block.attributes().contains(Byline.ATTRIBUTE))
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
        int readSoFar = 0;
        for (int i = 0; i < blocks.size() && out.size() < MAX_CANDIDATES && readSoFar < MAX_READ; i++) {
            Block block = blocks.get(i);
            if (block.attributes().contains(Byline.ATTRIBUTE)) {
                continue;
            }
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
            boolean introducesList = next != null && next.kind() == Block.Kind.LIST && isLeadIn(text);
            // Only what is left of the budget is read: a long paragraph's tail would never be picked anyway.
            int budget = MAX_READ - readSoFar + MAX;
            String read = collapseBlanks(text, budget);
            boolean cut = read.length() >= budget;
            readSoFar += read.length();
            List<String> sentences = sentences(read);
            for (int s = 0; s < sentences.size(); s++) {
                String sentence = sentences.get(s).strip();
                boolean last = s == sentences.size() - 1;
                if (last && (introducesList || cut)) {
                    continue;
                }
                if (endsSentence(sentence) && sentence.length() >= 12 && !hasUrl(sentence)) {
                    out.add(sentence);
                }
            }
        }
        return out;
    }

    /** Whether a sentence ends in its mark, before any closing quotes or brackets. */
    private static boolean endsSentence(String sentence) {
        for (int i = sentence.length() - 1; i >= 0; i--) {
            char c = sentence.charAt(i);
            if (c == '.' || c == '!' || c == '?' || c == '…') {
                return true;
            }
            if ("\"'”’)]".indexOf(c) < 0 && !Character.isWhitespace(c)) {
                return false;
            }
        }
        return false;
    }

    /** {@code text} stripped, each run of blanks one space, at most {@code max} characters of it. */
    private static String collapseBlanks(String text, int max) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), Math.max(max, 0)));
        boolean blank = false;
        for (int i = 0; i < text.length() && out.length() < max; i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                blank = out.length() > 0;
                continue;
            }
            if (blank) {
                out.append(' ');
                blank = false;
            }
            out.append(c);
        }
        return out.toString();
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
        long[][] words = new long[n][];
        for (int i = 0; i < n; i++) {
            words[i] = terms(sentences.get(i));
        }
        double[][] weight = new double[n][n];
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double similarity = similarity(words[i], words[j]);
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

    /** Shared terms over the log of the two sentences' term counts; both arrays sorted and distinct. */
    private static double similarity(long[] a, long[] b) {
        if (a.length < 2 || b.length < 2) {
            return 0;
        }
        int shared = 0;
        for (int i = 0, j = 0; i < a.length && j < b.length; ) {
            if (a[i] == b[j]) {
                shared++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return shared / (Math.log(a.length) + Math.log(b.length));
    }

    /**
     * A sentence's content words, lower-cased, without English stop words, plurals folded (Lucene's stop set and
     * minimal English stemmer; the full analysis chain cost a third of an index build for no better ranking), each as
     * a 64-bit FNV-1a hash of its letters, sorted and distinct: comparing sentences then needs no strings at all.
     */
    static long[] terms(String sentence) {
        long[] hashes = new long[16];
        int count = 0;
        char[] word = new char[32];
        int length = 0;
        for (int i = 0; i <= sentence.length(); i++) {
            char c = i < sentence.length() ? sentence.charAt(i) : ' ';
            if (c < 128
                    ? (c | 0x20) >= 'a' && (c | 0x20) <= 'z' || c >= '0' && c <= '9'
                    : Character.isLetterOrDigit(c)) {
                if (length == word.length) {
                    word = Arrays.copyOf(word, length * 2);
                }
                word[length++] = c < 128 ? (c >= 'A' && c <= 'Z' ? (char) (c | 0x20) : c) : Character.toLowerCase(c);
                continue;
            }
            if (length >= 2 && !STOP_WORDS.contains(word, 0, length)) {
                if (count == hashes.length) {
                    hashes = Arrays.copyOf(hashes, count * 2);
                }
                hashes[count++] = fnv(word, STEMMER.stem(word, length));
            }
            length = 0;
        }
        Arrays.sort(hashes, 0, count);
        int distinct = 0;
        for (int i = 0; i < count; i++) {
            if (i == 0 || hashes[i] != hashes[i - 1]) {
                hashes[distinct++] = hashes[i];
            }
        }
        return Arrays.copyOf(hashes, distinct);
    }

    private static long fnv(char[] word, int length) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < length; i++) {
            hash = (hash ^ word[i]) * 0x100000001b3L;
        }
        return hash;
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
        BreakIterator it = SENTENCES.get();
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
