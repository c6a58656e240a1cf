package org.paperboy.library;

import java.time.Instant;

/** One paper on a reading list, at its position, with the reader's note (or null). */
public record ListItem(String paperId, int position, String note, Instant addedAt) {}
