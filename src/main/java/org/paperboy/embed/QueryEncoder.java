package org.paperboy.embed;

/**
 * Turns a query's text into its vector for semantic search. The {@link Embedder} encodes live; an
 * evaluation can answer from vectors encoded once, so its figures do not depend on the CPU's int8
 * kernels.
 */
@FunctionalInterface
public interface QueryEncoder {
  float[] encodeQuery(String text);
}
