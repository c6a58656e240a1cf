package org.paperboy.web.view;

import java.util.List;

/**
 * One paper in a list.
 *
 * @param snippetHtml highlighted abstract excerpt: HTML whose text was escaped by the highlighter
 *     and whose only tags are {@code <mark>}; null when there is none
 */
public record PaperCard(
    String id,
    String href,
    String title,
    String authors,
    String published,
    String day,
    int upvotes,
    int comments,
    List<String> categories,
    boolean voted,
    String snippetHtml,
    String why) {}
