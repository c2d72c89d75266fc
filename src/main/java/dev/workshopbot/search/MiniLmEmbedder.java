package dev.workshopbot.search;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.List;

/**
 * all-MiniLM-L6-v2, quantised, run in process on the CPU by ONNX Runtime: the model and its tokenizer ship in the
 * langchain4j artifact, so nothing is downloaded at run time. Loading takes about a second; make it off the
 * serving path.
 */
public final class MiniLmEmbedder implements Embedder {

    private final AllMiniLmL6V2QuantizedEmbeddingModel model;

    public MiniLmEmbedder() {
        // The model's class loads the network in its static initialiser, on the thread that first touches it.
        model = new AllMiniLmL6V2QuantizedEmbeddingModel(Runnable::run);
    }

    @Override
    public String model() {
        return "all-minilm-l6-v2-q";
    }

    @Override
    public int dimensions() {
        return 384;
    }

    @Override
    public List<float[]> embed(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        List<TextSegment> segments = texts.stream().map(TextSegment::from).toList();
        return model.embedAll(segments).content().stream()
                .map(Embedding::vector)
                .toList();
    }
}
