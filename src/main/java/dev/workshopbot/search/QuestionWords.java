package dev.workshopbot.search;

import java.util.List;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.en.EnglishAnalyzer;

/**
 * Words that carry a question but not its subject: Lucene's English stop words plus the pronouns, auxiliaries and
 * question words students type ("how do I", "what should we", "can you"). They never match and are never
 * highlighted; the content words of a question do all the work.
 */
final class QuestionWords {

    static final CharArraySet STOP_WORDS;

    static {
        CharArraySet words = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, true);
        words.addAll(List.of(
                "i",
                "me",
                "my",
                "mine",
                "we",
                "us",
                "our",
                "you",
                "your",
                "he",
                "she",
                "him",
                "her",
                "its",
                "them",
                "what",
                "whats",
                "which",
                "who",
                "whom",
                "whose",
                "why",
                "how",
                "when",
                "where",
                "whether",
                "do",
                "does",
                "did",
                "doing",
                "done",
                "can",
                "could",
                "should",
                "would",
                "shall",
                "may",
                "might",
                "must",
                "am",
                "been",
                "being",
                "have",
                "has",
                "had",
                "having",
                "im",
                "ive",
                "id",
                "dont",
                "doesnt",
                "cant",
                "so",
                "than",
                "too",
                "very",
                "just",
                "about",
                "any",
                "some",
                "all",
                "also",
                "there",
                "here",
                "from",
                "up",
                "out",
                "over",
                "get",
                "got",
                "anyone",
                "someone",
                "something",
                "anything",
                "thing",
                "things",
                "please",
                "need",
                "want",
                "know",
                "tell",
                "mean",
                "really",
                "okay",
                "ok",
                "hi",
                "hello",
                "hey"));
        STOP_WORDS = CharArraySet.unmodifiableSet(words);
    }

    private QuestionWords() {}
}
