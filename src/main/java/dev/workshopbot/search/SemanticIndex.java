package dev.workshopbot.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * The passages of one library and their vectors in Lucene's HNSW graph: the nearest passages to a question's vector.
 * Vectors are unit length, so the dot product is their cosine.
 */
public final class SemanticIndex {

    private static final String VECTOR = "vector";
    private static final String ORDINAL = "passage";

    /** One passage near the question; {@code cosine} is in [-1, 1]. */
    public record Near(Passage passage, double cosine) {}

    private final List<Passage> passages;
    private final QuestionVectors questions;
    private final IndexSearcher searcher;

    SemanticIndex(List<Passage> passages, List<float[]> vectors, QuestionVectors questions) {
        this.passages = List.copyOf(passages);
        this.questions = questions;
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
            for (int i = 0; i < passages.size(); i++) {
                Document doc = new Document();
                doc.add(new KnnFloatVectorField(VECTOR, vectors.get(i), VectorSimilarityFunction.DOT_PRODUCT));
                doc.add(new StoredField(ORDINAL, i));
                writer.addDocument(doc);
            }
            writer.commit();
            searcher = new IndexSearcher(DirectoryReader.open(writer));
        } catch (IOException e) {
            throw new UncheckedIOException("an in-memory index cannot fail to write", e);
        }
    }

    public List<Passage> passages() {
        return passages;
    }

    public String model() {
        return questions.model();
    }

    /** The {@code limit} passages nearest to {@code question}, nearest first. */
    public List<Near> nearest(String question, int limit) {
        if (passages.isEmpty()) {
            return List.of();
        }
        float[] vector = questions.of(question);
        try {
            List<Near> out = new ArrayList<>();
            for (ScoreDoc hit : searcher.search(new KnnFloatVectorQuery(VECTOR, vector, limit), limit).scoreDocs) {
                int ordinal = searcher.storedFields()
                        .document(hit.doc)
                        .getField(ORDINAL)
                        .numericValue()
                        .intValue();
                // Lucene scores a dot product as (1 + cos) / 2.
                out.add(new Near(passages.get(ordinal), 2.0 * hit.score - 1.0));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("an in-memory index cannot fail to read", e);
        }
    }
}
