package org.paperboy.web.view;

import java.util.List;

/**
 * One paper in a list.
 *
 * @param authors the author line as text (feeds, mail)
 * @param authorLinks the names shown, each linked to its author page
 * @param moreAuthors "and 14 others" after the linked names, or empty
 * @param comments comments counted on Hugging Face plus visible comments made here
 * @param commentsLine the comment count in words, saying where they are (here, on Hugging Face)
 * @param githubStars stars of the paper's GitHub repository (as Hugging Face last showed), or null
 * @param organization the organisation Hugging Face lists the paper under, or null
 * @param snippetHtml highlighted abstract excerpt: HTML whose text was escaped by the highlighter
 *     and whose only tags are {@code <mark>}; null when there is none
 */
public record PaperCard(
    String id,
    String href,
    String title,
    String authors,
    List<AuthorLink> authorLinks,
    String moreAuthors,
    String published,
    String day,
    int upvotes,
    int comments,
    String commentsLine,
    Integer githubStars,
    String organization,
    List<String> categories,
    boolean voted,
    String snippetHtml,
    String why) {}
