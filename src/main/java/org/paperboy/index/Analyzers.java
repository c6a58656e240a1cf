package org.paperboy.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;

/**
 * The one analyzer factory: the same analysis at index and query time. English: standard tokenizer,
 * possessive removal, lower-casing, stop words, Porter stemming.
 */
public final class Analyzers {
  /** Stored in the index; an index built with another analysis is rebuilt. */
  public static final String NAME = "english-porter-v1";

  private Analyzers() {}

  public static Analyzer english() {
    return new EnglishAnalyzer();
  }
}
