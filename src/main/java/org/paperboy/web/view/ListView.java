package org.paperboy.web.view;

import java.util.List;

/**
 * A daily, weekly or monthly list.
 *
 * @param kind day, week or month
 * @param sort trending or publishedAt
 */
public record ListView(
    String kind,
    String heading,
    String periodKey,
    String sort,
    String basePath,
    String dayPath,
    String weekPath,
    String monthPath,
    String prevPath,
    String nextPath,
    List<PaperCard> papers) {}
