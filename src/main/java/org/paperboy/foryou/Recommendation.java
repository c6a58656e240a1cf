package org.paperboy.foryou;

import org.paperboy.feed.FeedEntry;

/**
 * One paper picked for a reader.
 *
 * @param score the ranking score: predicted interest (0..1) plus topic boosts, or the trending
 *     score for a reader with no upvotes yet
 * @param reason why it was picked, in one line
 */
public record Recommendation(FeedEntry entry, double score, String reason) {}
