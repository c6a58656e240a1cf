package org.paperboy.eval;

/** Mean metrics of one search mode over a dataset's judged queries. */
public record ModeScores(double ndcgAt10, double recallAt100) {}
