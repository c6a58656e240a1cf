package org.paperboy.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.paperboy.config.EmbeddingModelId;
import org.paperboy.store.Vectors;

/** Our ONNX pipeline (tokenise, run, pool, normalise) against the reference implementation. */
class EmbedderTest {
  private static final String TEXT =
      "Attention is all you need. We propose a new simple network architecture, the Transformer.";

  @Test
  void bgeMatchesTheReferenceEncoderAndRanksMeaning() {
    try (Embedder e = new Embedder(EmbeddingModelId.BGE_SMALL)) {
      float[] ours = e.embed(TEXT);
      float[] reference =
          new BgeSmallEnV15QuantizedEmbeddingModel()
              .embed(TextSegment.from(TEXT))
              .content()
              .vector();
      assertThat(ours).hasSize(EmbeddingModelId.DIMENSIONS);
      assertThat(Vectors.dot(ours, ours)).isCloseTo(1f, within(1e-4f));
      assertThat(Vectors.dot(ours, reference)).isCloseTo(1f, within(1e-3f));
      assertMeaningful(e);
    }
  }

  @Test
  void miniLmMatchesTheReferenceEncoder() {
    try (Embedder e = new Embedder(EmbeddingModelId.MINILM)) {
      float[] ours = e.embed(TEXT);
      float[] reference =
          new AllMiniLmL6V2QuantizedEmbeddingModel()
              .embed(TextSegment.from(TEXT))
              .content()
              .vector();
      assertThat(Vectors.dot(ours, reference)).isCloseTo(1f, within(1e-3f));
      assertMeaningful(e);
    }
  }

  @Test
  void batchesGiveTheSameVectorsAsSingleTextsInInputOrder() {
    try (Embedder e = new Embedder(EmbeddingModelId.MINILM)) {
      List<String> texts =
          List.of(
              "a much longer text about graph neural networks for molecules and proteins",
              "short",
              TEXT,
              "");
      List<float[]> batch = e.embedAll(texts);
      for (int i = 0; i < texts.size(); i++) {
        assertThat(Vectors.dot(batch.get(i), e.embed(texts.get(i)))).isCloseTo(1f, within(1e-4f));
        // A query (its own session, the calling thread) is embedded exactly like a paper.
        assertThat(e.encodeQuery(texts.get(i))).isEqualTo(batch.get(i));
      }
    }
  }

  @Test
  void aClosedEmbedderRefusesQueriesInsteadOfCrashing() {
    Embedder e = new Embedder(EmbeddingModelId.MINILM);
    assertThat(e.encodeQuery(TEXT)).hasSize(384);
    e.close();
    assertThatThrownBy(() -> e.encodeQuery(TEXT)).hasMessageContaining("closed");
  }

  private static void assertMeaningful(Embedder e) {
    List<float[]> v =
        e.embedAll(
            List.of(
                "deep learning for protein structure prediction",
                "neural networks predict how proteins fold",
                "a recipe for sourdough bread"));
    assertThat(Vectors.dot(v.get(0), v.get(1)))
        .isGreaterThan(Vectors.dot(v.get(0), v.get(2)) + 0.1f);
  }
}
