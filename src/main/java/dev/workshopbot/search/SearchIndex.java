package dev.workshopbot.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.workshopbot.content.Block;
import dev.workshopbot.content.Library;
import dev.workshopbot.content.Link;
import dev.workshopbot.content.Quote;
import dev.workshopbot.content.Section;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.ByteBuffersDirectory;

/** Full-text search over one library's sections, quotes and links: English stemming, typo tolerance, snippets. */
public final class SearchIndex {

    /** Marks the start of a matched run in a snippet; renderers turn the pair into their own emphasis. */
    public static final char MATCH_START = '\uE000';
    /** Marks the end of a matched run in a snippet. */
    public static final char MATCH_END = '\uE001';

    private static final String KIND = "kind";
    private static final String KIND_INDEXED = "kind_indexed";
    private static final String ORDINAL = "ordinal";
    private static final String TITLE = "title";
    private static final String BODY = "body";
    /** Tables and code of a section: searchable, never a snippet (a cut table or code line reads as noise). */
    private static final String EXTRA = "extra";

    private static final int SNIPPET_CHARS = 240;

    /** What a hit points at. */
    public enum Kind {
        SECTION,
        QUOTE,
        LINK
    }

    /** One search result; {@code ordinal} indexes the library's sections, quotes or links by kind. */
    public record Hit(Kind kind, int ordinal, String title, String snippet, String url) {}

    private final Library library;
    private final Analyzer analyzer = new EnglishAnalyzer();
    /** Questions' own words ("how do I", "what is") match nothing and are never highlighted. */
    private static final Analyzer QUESTION = new EnglishAnalyzer(QuestionWords.STOP_WORDS);

    private final IndexSearcher searcher;
    private final UnifiedHighlighter highlighter;
    private final Cache<String, List<Hit>> cache =
            Caffeine.newBuilder().maximumSize(2_000).build();

    private SearchIndex(Library library) {
        this.library = library;
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
            List<Section> sections = library.sections();
            for (int i = 0; i < sections.size(); i++) {
                Section section = sections.get(i);
                Document doc = document(Kind.SECTION, i, Passages.headingPath(library, section), bodyOf(section));
                doc.add(new TextField(EXTRA, extraOf(section), Field.Store.NO));
                writer.addDocument(doc);
            }
            List<Quote> quotes = library.quotes();
            for (int i = 0; i < quotes.size(); i++) {
                Quote quote = quotes.get(i);
                writer.addDocument(
                        document(Kind.QUOTE, i, quote.attribution() == null ? "" : quote.attribution(), quote.text()));
            }
            List<Link> links = library.links();
            for (int i = 0; i < links.size(); i++) {
                Link link = links.get(i);
                writer.addDocument(document(Kind.LINK, i, link.text(), link.text() + " — " + link.host()));
            }
            writer.commit();
            DirectoryReader reader = DirectoryReader.open(writer);
            searcher = new IndexSearcher(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("an in-memory index cannot fail to write", e);
        }
        highlighter = UnifiedHighlighter.builder(searcher, analyzer)
                .withFormatter(new MarkingFormatter())
                .withMaxLength(Integer.MAX_VALUE - 1)
                .withBreakIterator(() -> java.text.BreakIterator.getSentenceInstance(java.util.Locale.ENGLISH))
                .build();
    }

    public static SearchIndex build(Library library) {
        return new SearchIndex(library);
    }

    /**
     * The best {@code limit} hits; an empty list when nothing matches or the query has no searchable words.
     * Answers are cached with this index, so a new content version starts with an empty cache.
     */
    public List<Hit> search(String text, int limit) {
        return cache.get(limit + "\u0000" + text, key -> find(text, limit));
    }

    /** The best matches of one kind, without snippets: for filtering, where highlighting would be wasted. */
    public List<Integer> ordinals(Kind kind, String text, int limit) {
        Query query = query(text);
        if (query == null) {
            return List.of();
        }
        Query ofKind = new BooleanQuery.Builder()
                .add(query, BooleanClause.Occur.MUST)
                .add(new TermQuery(new Term(KIND_INDEXED, kind.name())), BooleanClause.Occur.FILTER)
                .build();
        try {
            List<Integer> ordinals = new ArrayList<>();
            for (ScoreDoc hit : searcher.search(ofKind, limit).scoreDocs) {
                ordinals.add(searcher.storedFields()
                        .document(hit.doc)
                        .getField(ORDINAL)
                        .numericValue()
                        .intValue());
            }
            return ordinals;
        } catch (IOException e) {
            throw new UncheckedIOException("an in-memory index cannot fail to read", e);
        }
    }

    private List<Hit> find(String text, int limit) {
        Query query = query(text);
        if (query == null) {
            return List.of();
        }
        try {
            // Fuzzy clauses are expanded to the index's terms once, here. Given the unexpanded query, the
            // highlighter re-analyses every hit and expands them again per hit (building Levenshtein automata
            // each time), which was most of the cost of a search.
            Query expanded = searcher.rewrite(query);
            // A few more than asked, so that links repeating a URL can be dropped without leaving slots empty.
            TopDocs top = searcher.search(expanded, limit + 5);
            String[] snippets = highlighter.highlight(BODY, expanded, top, 1);
            List<Hit> hits = new ArrayList<>();
            Set<String> urls = new java.util.HashSet<>();
            for (int i = 0; i < top.scoreDocs.length && hits.size() < limit; i++) {
                ScoreDoc scoreDoc = top.scoreDocs[i];
                Document doc = searcher.storedFields().document(scoreDoc.doc);
                Kind kind = Kind.valueOf(doc.get(KIND));
                int ordinal = doc.getField(ORDINAL).numericValue().intValue();
                String snippet = snippets[i] == null ? "" : snippets[i];
                Hit hit = hit(kind, ordinal, clip(snippet));
                if (kind != Kind.LINK || urls.add(hit.url())) {
                    hits.add(hit);
                }
            }
            return List.copyOf(hits);
        } catch (IOException e) {
            throw new UncheckedIOException("an in-memory index cannot fail to read", e);
        }
    }

    /** The hit for one indexed thing, with {@code snippet} as given. */
    public Hit hit(Kind kind, int ordinal, String snippet) {
        return switch (kind) {
            case SECTION -> {
                Section section = library.sections().get(ordinal);
                yield new Hit(kind, ordinal, library.displayTitle(section), snippet, section.url());
            }
            case QUOTE -> {
                Quote quote = library.quotes().get(ordinal);
                String title = quote.attribution() == null ? "Quote" : "Quote — " + quote.attribution();
                String url = library.section(quote.page(), quote.section())
                        .map(Section::url)
                        .orElse(null);
                yield new Hit(kind, ordinal, title, snippet, url);
            }
            case LINK -> {
                Link link = library.links().get(ordinal);
                yield new Hit(kind, ordinal, link.text(), snippet, link.url());
            }
        };
    }

    /** Each word matches exactly (title weighted) or within a typo or two, by its English stem. */
    Query query(String text) {
        Set<String> terms = analyze(text);
        if (terms.isEmpty()) {
            return null;
        }
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        for (String term : terms) {
            BooleanQuery.Builder one = new BooleanQuery.Builder();
            one.add(new BoostQuery(new TermQuery(new Term(TITLE, term)), 3f), BooleanClause.Occur.SHOULD);
            one.add(new BoostQuery(new TermQuery(new Term(BODY, term)), 1.5f), BooleanClause.Occur.SHOULD);
            one.add(new BoostQuery(new TermQuery(new Term(EXTRA, term)), 0.5f), BooleanClause.Occur.SHOULD);
            int edits = term.length() <= 3 ? 0 : term.length() <= 5 ? 1 : 2;
            if (edits > 0) {
                one.add(new FuzzyQuery(new Term(TITLE, term), edits, 1), BooleanClause.Occur.SHOULD);
                one.add(
                        new BoostQuery(new FuzzyQuery(new Term(BODY, term), edits, 1), 0.5f),
                        BooleanClause.Occur.SHOULD);
            }
            all.add(one.build(), BooleanClause.Occur.SHOULD);
        }
        return all.build();
    }

    /**
     * {@code text} with each word whose stem is in {@code terms} between {@link #MATCH_START} and {@link #MATCH_END}:
     * how an answer's extract shows what it has in common with the question.
     */
    public static String marked(String text, Set<String> terms) {
        if (terms.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        int copied = 0;
        try (TokenStream stream = QUESTION.tokenStream(BODY, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                if (terms.contains(term.toString()) && offset.startOffset() >= copied) {
                    out.append(text, copied, offset.startOffset())
                            .append(MATCH_START)
                            .append(text, offset.startOffset(), offset.endOffset())
                            .append(MATCH_END);
                    copied = offset.endOffset();
                }
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing a string cannot fail", e);
        }
        return out.append(text, copied, text.length()).toString();
    }

    /** The stemmed words of a question that can match: its content words, at most 16. */
    public static Set<String> analyze(String text) {
        return analyze(text, 16);
    }

    /** Every stemmed content word of {@code text}. */
    static Set<String> analyzeAll(String text) {
        return analyze(text, Integer.MAX_VALUE);
    }

    private static Set<String> analyze(String text, int max) {
        Set<String> terms = new LinkedHashSet<>();
        try (TokenStream stream = QUESTION.tokenStream(BODY, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken() && terms.size() < max) {
                // The tokenizer keeps emoji as words; nothing in a workshop is found by one.
                if (term.toString().codePoints().anyMatch(Character::isLetterOrDigit)) {
                    terms.add(term.toString());
                }
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing a string cannot fail", e);
        }
        return terms;
    }

    private static Document document(Kind kind, int ordinal, String title, String body) {
        Document doc = new Document();
        doc.add(new StoredField(KIND, kind.name()));
        doc.add(new StringField(KIND_INDEXED, kind.name(), Field.Store.NO));
        doc.add(new StoredField(ORDINAL, ordinal));
        doc.add(new TextField(TITLE, title, Field.Store.NO));
        FieldType withOffsets = new FieldType(TextField.TYPE_STORED);
        withOffsets.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        withOffsets.freeze();
        doc.add(new Field(BODY, body, withOffsets));
        return doc;
    }

    private static String bodyOf(Section section) {
        return section.blocks().stream()
                .filter(block -> switch (block.kind()) {
                    case RULE, IMAGE, TABLE, CODE -> false;
                    default -> true;
                })
                .map(Block::plain)
                .collect(Collectors.joining("\n"));
    }

    private static String extraOf(Section section) {
        return section.blocks().stream()
                .filter(block -> block.kind() == Block.Kind.TABLE || block.kind() == Block.Kind.CODE)
                .map(Block::plain)
                .collect(Collectors.joining("\n"));
    }

    /**
     * Snippets longer than a search result should show are cut after a sentence or a clause when one ends far enough
     * in, else at a word, keeping markers balanced.
     */
    static String clip(String snippet) {
        String clean = snippet.strip().replaceAll("\\s+", " ");
        if (clean.length() <= SNIPPET_CHARS) {
            return clean;
        }
        int cut = -1;
        for (String end : List.of(". ", "? ", "! ", "; ", ", ", ": ")) {
            int at = clean.lastIndexOf(end, SNIPPET_CHARS - 2);
            if (at >= SNIPPET_CHARS / 2) {
                cut = at + 1;
                break;
            }
        }
        if (cut < 0) {
            cut = clean.lastIndexOf(' ', SNIPPET_CHARS - 1);
        }
        String head = clean.substring(0, cut > 0 ? cut : SNIPPET_CHARS - 1).stripTrailing();
        long open = head.chars().filter(c -> c == MATCH_START).count();
        long close = head.chars().filter(c -> c == MATCH_END).count();
        return head + (open > close ? String.valueOf(MATCH_END) : "") + "…";
    }

    /** Wraps matched runs in {@link #MATCH_START} / {@link #MATCH_END}, leaving escaping to the renderer. */
    private static final class MarkingFormatter extends PassageFormatter {
        @Override
        public String format(Passage[] passages, String content) {
            StringBuilder out = new StringBuilder();
            for (Passage passage : passages) {
                int at = passage.getStartOffset();
                if (out.length() > 0) {
                    out.append("… ");
                }
                for (int i = 0; i < passage.getNumMatches(); i++) {
                    int start = Math.max(at, passage.getMatchStarts()[i]);
                    int end = passage.getMatchEnds()[i];
                    if (start >= end) {
                        continue;
                    }
                    out.append(content, at, start)
                            .append(MATCH_START)
                            .append(content, start, end)
                            .append(MATCH_END);
                    at = end;
                }
                out.append(content, at, passage.getEndOffset());
            }
            return out.toString();
        }
    }
}
