package org.paperboy.web.view;

import java.util.List;
import org.paperboy.foryou.Topic;

/**
 * The "for you" page.
 *
 * @param kind day or week
 * @param personal whether the list is ranked by the reader's own model
 * @param hint how to improve the list, or null
 * @param error what was wrong with the last topic change, or null
 */
public record ForYouView(
    String kind,
    String heading,
    String dayPath,
    String weekPath,
    String prevPath,
    String nextPath,
    boolean personal,
    String hint,
    List<Topic> topics,
    List<PaperCard> papers,
    String error) {}
