package org.paperboy.index;

/**
 * How the vector part of the index is built; logged at start-up and stored in the index.
 *
 * @param modelKey the embedding model whose vectors the index holds
 * @param hnswM HNSW graph degree (Lucene default 16)
 * @param efConstruction HNSW beam width while building (Lucene default 100)
 * @param int8 scalar-quantise vectors to int8 in the HNSW format (4x smaller, slightly less exact)
 */
public record IndexSettings(String modelKey, int hnswM, int efConstruction, boolean int8) {
  public String describe() {
    return "model="
        + modelKey
        + " hnsw.m="
        + hnswM
        + " hnsw.ef-construction="
        + efConstruction
        + " int8="
        + int8;
  }
}
