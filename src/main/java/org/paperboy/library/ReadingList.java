package org.paperboy.library;

import java.time.Instant;

/**
 * A reader's named list of papers.
 *
 * @param id a random id: the list's stable URL is {@code /lists/{id}}
 * @param isPublic whether anyone with the URL may read it (and its Atom feed)
 * @param papers how many papers it holds
 */
public record ReadingList(
    String id,
    String userId,
    String name,
    boolean isPublic,
    int papers,
    Instant createdAt,
    Instant updatedAt) {}
