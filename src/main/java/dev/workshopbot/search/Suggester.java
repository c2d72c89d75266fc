package dev.workshopbot.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * Autocomplete over one option's values: exact matches first, then prefixes of the label or value, then
 * prefixes of any word in the label, then typo-tolerant matches. An empty input lists values in order.
 */
public final class Suggester {

    /** Discord's caps: at most 25 choices, names and values of 1–100 characters. */
    public static final int MAX_CHOICES = 25;

    public static final int MAX_LENGTH = 100;

    /** One value users can pick; {@code label} is what they read, {@code value} what the command receives. */
    public record Entry(String label, String value) {}

    private static final String WORDS = "words";
    private static final String ORDINAL = "ordinal";

    private final List<Entry> entries;
    private final Map<String, List<Integer>> exact = new HashMap<>();
    private final NavigableMap<String, List<Integer>> prefixes = new TreeMap<>();
    private final NavigableMap<String, List<Integer>> wordPrefixes = new TreeMap<>();
    private final Analyzer analyzer = new StandardAnalyzer(CharArraySet.EMPTY_SET);
    private final IndexSearcher fuzzy;
    private final Cache<String, List<Entry>> cache =
            Caffeine.newBuilder().maximumSize(5_000).build();

    public Suggester(List<Entry> entries) {
        this.entries = List.copyOf(entries);
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
            for (int i = 0; i < this.entries.size(); i++) {
                Entry entry = this.entries.get(i);
                String label = normalise(entry.label());
                String value = normalise(entry.value());
                add(exact, label, i);
                add(exact, value, i);
                add(prefixes, label, i);
                add(prefixes, value, i);
                for (int at = label.indexOf(' '); at >= 0; at = label.indexOf(' ', at + 1)) {
                    add(wordPrefixes, label.substring(at + 1), i);
                }
                Document doc = new Document();
                doc.add(new TextField(WORDS, entry.label() + " " + entry.value().replace('-', ' '), Field.Store.NO));
                doc.add(new StoredField(ORDINAL, i));
                writer.addDocument(doc);
            }
            writer.commit();
            fuzzy = new IndexSearcher(DirectoryReader.open(writer));
        } catch (IOException e) {
            throw new UncheckedIOException("an in-memory index cannot fail to write", e);
        }
    }

    public List<Entry> entries() {
        return entries;
    }

    /** Up to {@code limit} (at most 25) entries for what the user has typed so far, best first; cached. */
    public List<Entry> suggest(String input, int limit) {
        return cache.get(limit + "\u0000" + (input == null ? "" : input), key -> rank(input, limit));
    }

    private List<Entry> rank(String input, int limit) {
        int cap = Math.min(limit, MAX_CHOICES);
        String typed = normalise(input == null ? "" : input);
        Map<Integer, Entry> picked = new LinkedHashMap<>();
        if (typed.isEmpty()) {
            for (int i = 0; i < entries.size() && picked.size() < cap; i++) {
                picked.put(i, entries.get(i));
            }
            return List.copyOf(picked.values());
        }
        take(exact.getOrDefault(typed, List.of()), picked, cap);
        takePrefixed(prefixes, typed, picked, cap);
        takePrefixed(wordPrefixes, typed, picked, cap);
        if (picked.size() < cap) {
            takeFuzzy(typed, picked, cap);
        }
        return List.copyOf(picked.values());
    }

    /**
     * What a value typed without picking a suggestion means: the exact label or value, else the only close
     * match; empty when nothing or several things are close (the caller then offers "did you mean").
     */
    public java.util.Optional<Entry> pick(String input) {
        java.util.Optional<Entry> exact = exact(input);
        if (exact.isPresent()) {
            return exact;
        }
        List<Entry> close = suggest(input, 2);
        return close.size() == 1 ? java.util.Optional.of(close.get(0)) : java.util.Optional.empty();
    }

    /** The entry whose label or value is exactly {@code input}, ignoring case and spacing. */
    public java.util.Optional<Entry> exact(String input) {
        List<Integer> found = exact.getOrDefault(normalise(input), List.of());
        return found.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(entries.get(found.get(0)));
    }

    private void take(List<Integer> ordinals, Map<Integer, Entry> picked, int cap) {
        for (int ordinal : ordinals) {
            if (picked.size() >= cap) {
                return;
            }
            picked.putIfAbsent(ordinal, entries.get(ordinal));
        }
    }

    /** Prefix matches in reading order, so the first sections of the workshop come first. */
    private void takePrefixed(
            NavigableMap<String, List<Integer>> index, String typed, Map<Integer, Entry> picked, int cap) {
        if (picked.size() >= cap) {
            return;
        }
        List<Integer> matches = new ArrayList<>();
        for (List<Integer> ordinals :
                index.subMap(typed, true, typed + Character.MAX_VALUE, false).values()) {
            matches.addAll(ordinals);
            if (matches.size() > 4 * MAX_CHOICES) {
                break;
            }
        }
        matches.sort(Integer::compare);
        take(matches, picked, cap);
    }

    private void takeFuzzy(String typed, Map<Integer, Entry> picked, int cap) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        int clauses = 0;
        try (TokenStream stream = analyzer.tokenStream(WORDS, typed)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken() && clauses < 8) {
                String word = term.toString();
                int edits = word.length() <= 2 ? 0 : word.length() <= 5 ? 1 : 2;
                query.add(new FuzzyQuery(new Term(WORDS, word), edits, 0), BooleanClause.Occur.SHOULD);
                clauses++;
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing a string cannot fail", e);
        }
        if (clauses == 0) {
            return;
        }
        try {
            for (ScoreDoc hit : fuzzy.search(query.build(), cap).scoreDocs) {
                int ordinal = fuzzy.storedFields()
                        .document(hit.doc)
                        .getField(ORDINAL)
                        .numericValue()
                        .intValue();
                if (picked.size() >= cap) {
                    return;
                }
                picked.putIfAbsent(ordinal, entries.get(ordinal));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("an in-memory index cannot fail to read", e);
        }
    }

    private static void add(Map<String, List<Integer>> index, String key, int ordinal) {
        List<Integer> ordinals = index.computeIfAbsent(key, k -> new ArrayList<>(1));
        if (ordinals.isEmpty() || ordinals.get(ordinals.size() - 1) != ordinal) {
            ordinals.add(ordinal);
        }
    }

    private static String normalise(String text) {
        return text.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }
}
