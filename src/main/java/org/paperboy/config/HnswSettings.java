package org.paperboy.config;

/**
 * How the embedded index builds its HNSW graph of paper vectors. Changing any of these rebuilds the
 * index when it is next opened. BENCHMARKS.md has recall@10 against exact kNN and build times for
 * the choices measured.
 *
 * @param m graph degree; key {@code search.hnsw-m}, default 16, 4 to 64
 * @param efConstruction beam width while inserting a vector; key {@code
 *     search.hnsw-ef-construction}, default {@value #DEFAULT_EF_CONSTRUCTION}, 8 to 512
 * @param int8 keep vectors int8 scalar-quantised (4× smaller, slightly less exact); key {@code
 *     search.hnsw-int8}, default false
 */
public record HnswSettings(int m, int efConstruction, boolean int8) {
  public static final int DEFAULT_M = 16;
  public static final int DEFAULT_EF_CONSTRUCTION = 64;

  public HnswSettings {
    if (m < 4 || m > 64) {
      throw new ConfigException("search.hnsw-m: must be between 4 and 64, was " + m);
    }
    if (efConstruction < 8 || efConstruction > 512) {
      throw new ConfigException(
          "search.hnsw-ef-construction: must be between 8 and 512, was " + efConstruction);
    }
  }

  public static HnswSettings defaults() {
    return new HnswSettings(DEFAULT_M, DEFAULT_EF_CONSTRUCTION, false);
  }
}
