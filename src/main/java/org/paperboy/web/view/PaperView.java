package org.paperboy.web.view;

import java.util.List;
import org.paperboy.community.Comment;

/** The paper page. */
public record PaperView(
    PaperCard card,
    String abstractText,
    List<AuthorLink> authors,
    String absUrl,
    String pdfUrl,
    String codeUrl,
    String projectUrl,
    String aiSummary,
    String submittedBy,
    String versions,
    String journalRef,
    String doi,
    boolean hidden,
    List<Comment> comments,
    int hfComments,
    String hfUrl,
    List<org.paperboy.library.ReadingList> myLists,
    List<org.paperboy.library.ReadingList> inLists,
    List<PaperCard> similar,
    String similarNote) {}
