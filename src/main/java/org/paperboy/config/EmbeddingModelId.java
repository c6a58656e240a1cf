package org.paperboy.config;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The bundled sentence-embedding models (quantised ONNX, 384 dimensions, L2-normalised), both
 * shipped inside the langchain4j-embeddings jars from Maven Central (model and tokenizer are jar
 * resources), so nothing is downloaded at run time. Quality and speed of each on this project's
 * machines are in BENCHMARKS.md; the default is chosen there.
 */
public enum EmbeddingModelId {
  /** BAAI bge-small-en-v1.5, int8: 12 layers, CLS pooling. */
  BGE_SMALL("bge-small-en-v1.5-q", "/bge-small-en-v1.5-q", Pooling.CLS),
  /** sentence-transformers all-MiniLM-L6-v2, int8: 6 layers, mean pooling; ~4x faster. */
  MINILM("all-minilm-l6-v2-q", "/all-minilm-l6-v2-q", Pooling.MEAN);

  public static final int DIMENSIONS = 384;

  /** How token vectors become one sentence vector. */
  public enum Pooling {
    CLS,
    MEAN
  }

  private final String key;
  private final String resource;
  private final Pooling pooling;

  EmbeddingModelId(String key, String resource, Pooling pooling) {
    this.key = key;
    this.resource = resource;
    this.pooling = pooling;
  }

  public String modelResource() {
    return resource + ".onnx";
  }

  public String tokenizerResource() {
    return resource + "-tokenizer.json";
  }

  public Pooling pooling() {
    return pooling;
  }

  public String key() {
    return key;
  }

  public static Optional<EmbeddingModelId> fromKey(String key) {
    return Arrays.stream(values()).filter(m -> m.key.equals(key)).findFirst();
  }

  public static String keys() {
    return Arrays.stream(values()).map(EmbeddingModelId::key).collect(Collectors.joining(", "));
  }
}
