package dev.workshopbot.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.workshopbot.content.Block;
import dev.workshopbot.content.ContentLoader;
import dev.workshopbot.content.Library;
import dev.workshopbot.content.Page;
import dev.workshopbot.content.Section;
import dev.workshopbot.content.Summarizer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Summary quality (issue 10): ROUGE-1 F1 of the bot's summaries and of the lead-sentences baseline the bot used
 * before, against the human references committed under {@code src/test/resources}, written before the summariser
 * was tuned. Deterministic, so it is a plain program rather than a JMH benchmark: {@code bench/summaries}.
 */
public final class SummaryQuality {

    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?…][\"'”’)\\]]*\\s*$");

    private SummaryQuality() {}

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : ".");
        double[] all = new double[2];
        int count = 0;
        for (String[] set : List.of(
                new String[] {"content", "src/test/resources/summaries/why-ai-interviews-summaries.yml"},
                new String[] {
                    "src/test/resources/sites/study-workshop", "src/test/resources/sites/study-workshop-summaries.yml"
                })) {
            Library library = ContentLoader.forSite(java.util.Optional.of("https://bench.example.test"))
                    .load(root.resolve(set[0]));
            Map<String, String> references = references(root.resolve(set[1]));
            double bot = 0;
            double lead = 0;
            int empty = 0;
            int colon = 0;
            int scored = 0;
            for (Page page : library.pages()) {
                for (Section section : page.sections()) {
                    String reference = references.get(page.path() + "#" + section.id());
                    if (section.summary().isBlank()) {
                        empty++;
                    }
                    if (section.summary().strip().endsWith(":")) {
                        colon++;
                    }
                    if (reference == null) {
                        continue;
                    }
                    bot += rouge1(section.summary(), reference);
                    lead += rouge1(leadSentences(section.blocks()), reference);
                    scored++;
                }
            }
            System.out.printf(
                    Locale.ROOT,
                    "%s: %d sections scored; ROUGE-1 F1 summariser %.3f, lead sentences %.3f; empty %d, ending in ':' %d%n",
                    set[0],
                    scored,
                    bot / scored,
                    lead / scored,
                    empty,
                    colon);
            all[0] += bot;
            all[1] += lead;
            count += scored;
        }
        System.out.printf(
                Locale.ROOT,
                "all: %d sections; ROUGE-1 F1 summariser %.3f, lead sentences %.3f (ratio %.2f)%n",
                count,
                all[0] / count,
                all[1] / count,
                all[0] / all[1]);
    }

    private static Map<String, String> references(Path file) throws IOException {
        Map<String, String> out = new HashMap<>();
        new ObjectMapper(new YAMLFactory())
                .readTree(file.toFile())
                .fields()
                .forEachRemaining(entry -> out.put(entry.getKey(), entry.getValue().asText()));
        return out;
    }

    /** ROUGE-1 F1: unigram overlap of lower-cased words, clipped by counts. */
    static double rouge1(String candidate, String reference) {
        Map<String, Integer> ref = counts(reference);
        Map<String, Integer> cand = counts(candidate);
        int refTotal = ref.values().stream().mapToInt(Integer::intValue).sum();
        int candTotal = cand.values().stream().mapToInt(Integer::intValue).sum();
        if (refTotal == 0 || candTotal == 0) {
            return 0;
        }
        int overlap = 0;
        for (Map.Entry<String, Integer> entry : cand.entrySet()) {
            overlap += Math.min(entry.getValue(), ref.getOrDefault(entry.getKey(), 0));
        }
        if (overlap == 0) {
            return 0;
        }
        double precision = (double) overlap / candTotal;
        double recall = (double) overlap / refTotal;
        return 2 * precision * recall / (precision + recall);
    }

    private static Map<String, Integer> counts(String text) {
        Map<String, Integer> counts = new HashMap<>();
        var matcher = TOKEN.matcher(text.toLowerCase(Locale.ROOT));
        while (matcher.find()) {
            counts.merge(matcher.group(), 1, Integer::sum);
        }
        return counts;
    }

    /**
     * The summariser the bot had before issue 10, as the baseline: the leading whole sentences of the section's
     * paragraphs (else its lists, else its quotes) that fit in 300 characters, else the first text cut at a word.
     */
    static String leadSentences(List<Block> blocks) {
        for (Block.Kind kind : List.of(Block.Kind.PARAGRAPH, Block.Kind.LIST, Block.Kind.QUOTE)) {
            List<String> texts =
                    blocks.stream().filter(b -> b.kind() == kind).map(Block::plain).toList();
            if (texts.isEmpty()) {
                continue;
            }
            List<String> candidates = new ArrayList<>();
            for (String text : texts) {
                for (String sentence : Summarizer.sentences(text.strip().replaceAll("\\s+", " "))) {
                    if (SENTENCE_END.matcher(sentence).find()) {
                        candidates.add(sentence.strip());
                    }
                }
            }
            if (candidates.isEmpty()) {
                return Summarizer.cutAtWord(texts.get(0).strip(), Summarizer.MAX);
            }
            StringBuilder out = new StringBuilder();
            for (String sentence : candidates) {
                if (out.length() + sentence.length() + 1 > Summarizer.MAX) {
                    break;
                }
                out.append(out.length() == 0 ? "" : " ").append(sentence);
            }
            return out.length() == 0 ? Summarizer.cutAtWord(candidates.get(0), Summarizer.MAX) : out.toString();
        }
        return "";
    }
}
