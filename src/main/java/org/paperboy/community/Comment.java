package org.paperboy.community;

import java.time.Instant;

/** A reader's comment on a paper; hidden comments are shown to admins only. */
public record Comment(
    String id,
    String paperId,
    String userId,
    String username,
    String body,
    Instant createdAt,
    boolean hidden) {}
