package dev.workshopbot.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.workshopbot.content.ContentLoader;
import dev.workshopbot.content.Library;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The question-vector cache: one embedding per question, whatever its case and spacing. */
class QuestionVectorsTest {

    /** Counts what it is asked to embed; a text's vector is its length, so vectors can be told apart. */
    private static final class CountingEmbedder implements Embedder {
        final List<String> asked = new ArrayList<>();

        @Override
        public String model() {
            return "counting";
        }

        @Override
        public int dimensions() {
            return 1;
        }

        @Override
        public List<float[]> embed(List<String> texts) {
            asked.addAll(texts);
            return texts.stream().map(text -> new float[] {text.length()}).toList();
        }
    }

    @Test
    void aQuestionAskedAgain_inAnotherCaseOrSpacing_isEmbeddedOnce() {
        CountingEmbedder model = new CountingEmbedder();
        QuestionVectors questions = new QuestionVectors(model);
        float[] first = questions.of("When do we meet?");
        float[] again = questions.of("  when do   WE meet? ");
        assertArrayEquals(first, again);
        assertEquals(List.of("when do we meet?"), model.asked, "the model reads the question once, in lower case");
        questions.of("where do we meet?");
        assertEquals(2, model.asked.size());
        assertEquals(2, questions.embedded());
    }

    @Test
    void everyIndexOneBuilderBuilds_sharesTheQuestionCache() {
        CountingEmbedder model = new CountingEmbedder();
        SemanticBuilder builder = new SemanticBuilder(model, EmbeddingCache.inMemory());
        Library library =
                new ContentLoader("https://x.example").load(Path.of("src/test/resources/sites/study-workshop"));
        SemanticIndex before = builder.build(library);
        SemanticIndex after = builder.build(library);
        int passages = model.asked.size();
        before.nearest("when do we meet?", 3);
        after.nearest("When do we meet?", 3);
        assertEquals(passages + 1, model.asked.size(), "the question is embedded once for both snapshots");
    }
}
