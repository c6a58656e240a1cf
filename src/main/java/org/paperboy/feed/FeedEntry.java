package org.paperboy.feed;

import org.paperboy.paper.Paper;

/**
 * A paper as a feed shows it.
 *
 * @param upvotes Hugging Face upvotes plus votes cast here
 * @param comments Hugging Face comment count plus visible comments made here
 * @param score the trending score at the feed's reference time
 */
public record FeedEntry(Paper paper, int upvotes, int comments, double score) {}
