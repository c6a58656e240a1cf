package org.paperboy.web.view;

import java.util.List;
import org.paperboy.store.AuthorIndex.Named;

/**
 * An author's page.
 *
 * @param papers how many papers the library holds by them; {@code cards} shows the newest
 * @param maybeSame other spellings with the same family name and initial (never merged)
 * @param claimedBy the reader who claimed this author, or null
 */
public record AuthorView(
    String key,
    String name,
    long papers,
    List<PaperCard> cards,
    List<Named> coauthors,
    List<Named> categories,
    List<Named> maybeSame,
    boolean following,
    String claimedBy,
    boolean mayClaim,
    boolean mayUnclaim) {}
