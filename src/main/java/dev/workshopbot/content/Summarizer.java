package dev.workshopbot.content;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Extractive summaries: the section's leading whole sentences, deterministic, at most {@value #MAX} characters. */
public final class Summarizer {

    public static final int MAX = 300;

    private Summarizer() {}

    private static final Pattern SENTENCE_END = Pattern.compile("[.!?…][\"'”’)\\]]*\\s*$");

    /**
     * Leading whole sentences of the paragraphs that fit in {@code max}. A line that is not a sentence
     * (a bare link title, a byline) is skipped; one over-long first sentence is cut at a word.
     */
    public static String summarize(List<String> paragraphs, int max) {
        List<String> candidates = new ArrayList<>();
        int seen = 0;
        for (String paragraph : paragraphs) {
            // Only the lead can make the summary: splitting the rest of a long section into sentences is wasted.
            if (seen > 2 * max) {
                break;
            }
            String lead = paragraph.length() > 2 * max ? paragraph.substring(0, 2 * max) : paragraph;
            seen += lead.length();
            for (String sentence : sentences(lead.strip().replaceAll("\\s+", " "))) {
                if (SENTENCE_END.matcher(sentence).find()) {
                    candidates.add(sentence.strip());
                }
            }
        }
        if (candidates.isEmpty()) {
            paragraphs.stream()
                    .filter(text -> !text.isBlank())
                    .findFirst()
                    .ifPresent(text -> candidates.add(text.strip().replaceAll("\\s+", " ")));
        }
        StringBuilder out = new StringBuilder();
        for (String sentence : candidates) {
            if (out.length() + sentence.length() + 1 > max) {
                break;
            }
            out.append(out.length() == 0 ? "" : " ").append(sentence);
        }
        if (out.length() == 0 && !candidates.isEmpty()) {
            return cutAtWord(candidates.get(0), max);
        }
        return out.toString();
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
