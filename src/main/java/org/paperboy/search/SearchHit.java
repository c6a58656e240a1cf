package org.paperboy.search;

/**
 * One result.
 *
 * @param snippet a passage of the abstract with matched words in {@code <mark>} (HTML-escaped), or
 *     the abstract's start when nothing matched literally
 */
public record SearchHit(String id, double score, String title, String snippet) {}
