package org.paperboy.foryou;

import java.util.List;
import org.paperboy.feed.Period;

/**
 * A reader's personal list for a period.
 *
 * @param personal true when ranked by a model of the reader's upvotes; false for the cold start
 *     (trending, filtered by the reader's topics when they have some)
 * @param hint what the reader can do to improve the list, or null
 */
public record ForYou(Period period, boolean personal, String hint, List<Recommendation> papers) {}
